import { Button, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { LoadProblem } from '../../components/LoadProblem';
import { PageHeader } from '../../components/PageHeader';
import { FormProblem, SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { useBusiness } from '../../business';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { AgreementPreview } from './AgreementPreview';
import { firstPlanValues, toPlanTerms, type PlanTermsInput } from './plan-draft';
import { PlanFormSections } from './PlanFormSections';
import { PlanInvoicesPicker } from './PlanInvoicesPicker';
import { PreviewPayments } from './PreviewPayments';
import classes from './Plans.module.css';
import { usePlanForm } from './usePlanForm';

const loadCustomers = () => call('customers.list', {});
const createPlan = (input: PlanTermsInput) => call('plans.create', input);

/**
 * A payment plan from a customer's open invoices: the owner sets the terms, the payments and the
 * agreement follow as they type (worked out by `plans.preview`), and saving proposes the plan.
 */
export function PlanBuilderScreen(props: {
  customerId?: number | undefined;
  businessName: string;
}) {
  const business = useBusiness();
  const navigate = useNavigate();
  const plan = usePlanForm({
    initialValues: firstPlanValues(business.today, props.customerId),
    draftOf: toPlanTerms,
    save: createPlan,
  });
  const { form, values, draft, preview, errorOf } = plan;
  const customers = useLoad(loadCustomers);
  const customerId = Number(values.customerId) || null;
  const loadDetail = useCallback(
    () => (customerId ? call('customers.get', { id: customerId }) : Promise.resolve(null)),
    [customerId],
  );
  const detail = useLoad(loadDetail);
  const current = detail.value && detail.value.customer.id === customerId ? detail.value : null;

  // A customer's invoices arrive: start in the first currency they owe in, with every open
  // invoice in it ticked (the owner unticks what the plan leaves out).
  useEffect(() => {
    if (!current || form.getValues().currency) return;
    const owed = current.balances.find((balance) => balance.open > 0)?.currency;
    const currency = owed ?? current.openInvoices[0]?.currency;
    if (!currency) return;
    form.setValues({
      currency,
      invoiceIds: current.openInvoices
        .filter((invoice) => invoice.currency === currency)
        .map((invoice) => String(invoice.id)),
    });
  }, [current, form]);

  const owing = (customers.value ?? []).filter(
    (customer) =>
      customer.balances.some((balance) => balance.open > 0) || customer.id === customerId,
  );
  const back = props.customerId
    ? ({ screen: 'customer', id: props.customerId } as const)
    : ({ screen: 'plans' } as const);

  return (
    <form className="screen-wide" onSubmit={plan.onSubmit} noValidate>
      <Stack gap="lg">
        <PageHeader
          above={
            <AppLink to={back} fz="sm">
              ← {props.customerId && current ? current.customer.name : 'Plans'}
            </AppLink>
          }
          title="Offer a payment plan"
          description="Let them pay in parts: set the terms, and the payments and the agreement follow."
        />
        {customers.error && (
          <LoadProblem error={customers.error} onRetry={customers.reload} what="your customers" />
        )}
        {detail.error && (
          <LoadProblem error={detail.error} onRetry={detail.reload} what="this customer" />
        )}
        <div className={classes.builder}>
          <Stack gap="lg" miw={0}>
            <Section title="Who and what">
              {customers.value ? (
                <PlanInvoicesPicker
                  form={form}
                  customers={owing}
                  openInvoices={current?.openInvoices ?? null}
                  errorOf={errorOf}
                />
              ) : (
                <Loader size="sm" aria-label="Loading" />
              )}
            </Section>
            <PlanFormSections form={form} errorOf={errorOf} termsTitle="The terms" />
          </Stack>
          <Stack gap="lg" miw={0}>
            <Section title="The payments">
              <PreviewPayments
                state={preview}
                incomplete={draft.ok ? null : draft.incomplete}
                unreadable={!draft.ok}
              />
            </Section>
            <AgreementPreview
              preview={preview.issues.length === 0 ? preview.preview : null}
              working={preview.working}
              terms={draft.ok ? draft.input : null}
              businessName={props.businessName}
              customerName={current?.customer.name ?? null}
            />
          </Stack>
        </div>
        <SaveBar problem={plan.problem && <FormProblem>{plan.problem}</FormProblem>}>
          <Button variant="default" onClick={() => navigate(back)}>
            Cancel
          </Button>
          <Button type="submit" loading={plan.saving}>
            Save the plan
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
