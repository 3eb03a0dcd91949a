import { Autocomplete, Button, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { currencyCodes } from '../../../shared/currencies';
import type { CustomerDetail, Invoice } from '../../../shared/ledger';
import { minorToDecimalString } from '../../../shared/money';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { nothingSavedYet, problemAfterSave, showFieldIssues } from '../../components/field-issues';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useBusiness } from '../../business';
import { useNavigate } from '../../router';
import { AllocationPreview } from './AllocationPreview';
import { HandAllocation } from './HandAllocation';
import {
  amountOf,
  paymentFieldOf,
  toRecordPayment,
  type AllocationMode,
  type PaymentFormValues,
} from './payment-draft';
import { usePaymentForm } from './payment-form';
import { FormProblem, SaveBar } from '../../components/SaveBar';

const methods = ['Bank transfer', 'Card', 'Cash', 'Cheque', 'Direct debit', 'PayPal'];

function firstValues(
  detail: CustomerDetail,
  invoice: Invoice | null,
  business: { today: string; currency: string },
): PaymentFormValues {
  const owedIn = detail.balances.find((balance) => balance.open > 0)?.currency;
  const currency = invoice?.currency ?? owedIn ?? business.currency;
  // From an invoice: its open amount, all of it towards that invoice, ready to adjust.
  const open = invoice && invoice.open > 0 ? minorToDecimalString(invoice.open, currency) : '';
  return {
    amount: open,
    date: business.today,
    currency,
    method: '',
    reference: '',
    mode: invoice && open ? 'hand' : 'oldest',
    hand: invoice && open ? { [String(invoice.id)]: open } : {},
  };
}

export function PaymentEntry(props: { detail: CustomerDetail; invoice: Invoice | null }) {
  const { detail, invoice } = props;
  const { customer } = detail;
  const business = useBusiness();
  const navigate = useNavigate();
  const form = usePaymentForm(firstValues(detail, invoice, business));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const values = form.getValues();
  const openInvoices = detail.openInvoices
    .filter((i) => i.currency === values.currency)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  const back = invoice
    ? ({ screen: 'invoice', id: invoice.id } as const)
    : ({ screen: 'customer', id: customer.id } as const);

  const save = form.onSubmit(async (current) => {
    setProblem(null);
    const draft = toRecordPayment(
      current,
      customer.id,
      openInvoices.map((i) => i.id),
    );
    if (!draft.ok) {
      showFieldIssues(form, draft.issues);
      setProblem(nothingSavedYet);
      return;
    }
    setSaving(true);
    try {
      await call('payments.record', draft.input);
      navigate(back);
    } catch (error) {
      setProblem(
        problemAfterSave(form, error, (field) => paymentFieldOf(field, draft.allocatedIds)),
      );
      setSaving(false);
    }
  });

  return (
    <form className="screen" onSubmit={save} noValidate>
      <Stack gap="lg">
        <PageHeader
          above={
            <AppLink to={back} fz="sm">
              ← {invoice ? `Invoice ${invoice.number}` : customer.name}
            </AppLink>
          }
          title="Record a payment"
          description={`Money received from ${customer.name}.`}
        />
        <Section title="The payment">
          <div className="two-columns">
            <TextInput
              label="Amount"
              inputMode="decimal"
              placeholder="0.00"
              withAsterisk
              data-autofocus
              {...form.getInputProps('amount')}
            />
            <TextInput
              label="Received on"
              type="date"
              withAsterisk
              {...form.getInputProps('date')}
            />
          </div>
          <div className="two-columns">
            <Select
              label="Currency"
              data={currencyCodes as string[]}
              searchable
              allowDeselect={false}
              {...form.getInputProps('currency')}
            />
            <Autocomplete
              label="How it was paid"
              placeholder="Bank transfer"
              data={methods}
              {...form.getInputProps('method')}
            />
          </div>
          <TextInput
            label="Reference"
            description="What the bank statement says, so you can match it later."
            {...form.getInputProps('reference')}
          />
        </Section>
        <Section
          title="Where it goes"
          description="Goodwill pays the invoice that was due first, unless you choose."
        >
          <SegmentedControl
            aria-label="Where it goes"
            color="teal"
            data={[
              { value: 'oldest', label: 'Oldest due first' },
              { value: 'hand', label: 'Choose by hand' },
            ]}
            value={values.mode}
            onChange={(mode) => form.setFieldValue('mode', mode as AllocationMode)}
            disabled={openInvoices.length === 0}
          />
          {values.mode === 'oldest' || openInvoices.length === 0 ? (
            <AllocationPreview
              customerId={customer.id}
              amount={amountOf(values)}
              currency={values.currency}
            />
          ) : (
            <HandAllocation form={form} invoices={openInvoices} />
          )}
        </Section>
        <SaveBar problem={problem && <FormProblem>{problem}</FormProblem>}>
          <Button variant="default" onClick={() => navigate(back)}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Record payment
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
