import { Button, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { currencyCodes } from '../../../shared/currencies';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { nothingSavedYet, problemAfterSave, showFieldIssues } from '../../components/field-issues';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useBusiness } from '../../business';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { blankInvoice, formFieldOf, toNewInvoice } from './invoice-draft';
import { useInvoiceForm } from './invoice-form';
import { CreditHoldNote } from './CreditHoldNote';
import { InvoiceLinesEditor } from './InvoiceLinesEditor';
import { InvoiceDiscountFields, InvoiceTermsFields } from './InvoiceTermsFields';
import { FormProblem, SaveBar } from '../../components/SaveBar';

const termsFields = ['termsKind', 'termsDays', 'discountPercent', 'discountDays'] as const;

/**
 * Once a customer is chosen, their usual terms (their own, else the business's) fill the terms
 * and discount, unless the owner has already changed those fields.
 */
function useUsualTerms(form: ReturnType<typeof useInvoiceForm>) {
  const customerId = form.getValues().customerId;
  useEffect(() => {
    if (!customerId) return;
    let live = true;
    call('terms.customer', { customerId: Number(customerId) }).then(
      ({ effective: { payment } }) => {
        if (!live || termsFields.some((field) => form.isDirty(field))) return;
        const days = 'days' in payment.terms ? payment.terms.days : 0;
        const values = {
          termsKind: payment.terms.kind,
          termsDays: days,
          discountPercent: payment.discount?.percent ?? '',
          discountDays: payment.discount?.withinDays ?? 10,
        };
        form.setValues(values);
        // The usual terms are the starting point, not an edit of the owner's.
        form.setInitialValues({ ...form.getInitialValues(), ...values });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // The form object is stable for the screen's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [customerId]);
}

/** A new invoice: who, when, what for; the totals as the owner types. */
export function InvoiceEditorScreen(props: { customerId?: number | undefined }) {
  const business = useBusiness();
  const navigate = useNavigate();
  const form = useInvoiceForm(
    blankInvoice({
      today: business.today,
      currency: business.currency,
      customerId: props.customerId,
    }),
  );
  const loadCustomers = useCallback(() => call('customers.list', {}), []);
  const customers = useLoad(loadCustomers);
  const customerOptions = useMemo(
    () => (customers.value ?? []).map((c) => ({ value: String(c.id), label: c.name })),
    [customers.value],
  );
  useUsualTerms(form);
  const [saving, setSaving] = useState<'invoice' | 'draft' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(asDraft: boolean) {
    form.clearErrors();
    setProblem(null);
    const draft = toNewInvoice(form.getValues(), { draft: asDraft });
    if (!draft.ok) {
      showFieldIssues(form, draft.issues);
      setProblem(nothingSavedYet);
      return;
    }
    setSaving(asDraft ? 'draft' : 'invoice');
    try {
      const invoice = await call('invoices.create', draft.input);
      navigate({ screen: 'invoice', id: invoice.id });
    } catch (error) {
      setProblem(problemAfterSave(form, error, formFieldOf));
      setSaving(null);
    }
  }

  return (
    <form
      className="screen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <Stack gap="lg">
        <PageHeader
          above={
            <AppLink to={{ screen: 'invoices' }} fz="sm">
              ← Invoices
            </AppLink>
          }
          title="New invoice"
          description="Clear terms on every invoice are the kindest start to being paid on time."
        />
        <Section title="Who and when">
          <CreditHoldNote
            customerId={form.values.customerId ? Number(form.values.customerId) : null}
          />
          <div className="two-columns">
            <Select
              label="Customer"
              placeholder={customers.loading ? 'Loading…' : 'Choose a customer'}
              data={customerOptions}
              searchable
              limit={50}
              withAsterisk
              nothingFoundMessage="No customer by that name"
              {...form.getInputProps('customerId')}
            />
            <TextInput
              label="Invoice number"
              placeholder="Next in sequence"
              description="Leave empty to use the next number."
              {...form.getInputProps('number')}
            />
          </div>
          <div className="two-columns">
            <TextInput
              label="Issue date"
              type="date"
              withAsterisk
              {...form.getInputProps('issueDate')}
            />
            <Select
              label="Currency"
              data={currencyCodes as string[]}
              searchable
              allowDeselect={false}
              {...form.getInputProps('currency')}
            />
          </div>
          <InvoiceTermsFields form={form} />
          <InvoiceDiscountFields form={form} />
        </Section>
        <Section title="Lines">
          <InvoiceLinesEditor form={form} />
        </Section>
        <Section title="Note to the customer" description="Printed on the invoice. Optional.">
          <Textarea
            aria-label="Note to the customer"
            placeholder="Thank you for your business."
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
        </Section>
        <SaveBar problem={problem && <FormProblem>{problem}</FormProblem>}>
          <Button
            variant="default"
            onClick={() =>
              navigate(
                props.customerId
                  ? { screen: 'customer', id: props.customerId }
                  : { screen: 'invoices' },
              )
            }
          >
            Cancel
          </Button>
          <Button
            variant="default"
            loading={saving === 'draft'}
            disabled={saving !== null}
            onClick={() => void save(true)}
          >
            Save as draft
          </Button>
          <Button type="submit" loading={saving === 'invoice'} disabled={saving !== null}>
            Create invoice
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
