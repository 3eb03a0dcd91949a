import { Checkbox, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CustomerSummary, InvoiceSummary } from '../../../shared/ledger';
import { useFormat } from '../../format';
import type { PlanFormValues } from './plan-draft';

/**
 * Whose plan it is and which of their open invoices it covers, in one currency. Changing the
 * customer or the currency starts the choice again with every open invoice ticked.
 */
export function PlanInvoicesPicker(props: {
  form: UseFormReturnType<PlanFormValues>;
  customers: readonly CustomerSummary[];
  /** The chosen customer's open invoices, any currency; null while they load. */
  openInvoices: readonly InvoiceSummary[] | null;
  errorOf: (field: keyof PlanFormValues) => string | undefined;
}) {
  const { form, openInvoices, errorOf } = props;
  const format = useFormat();
  const values = form.getValues();
  const currencies = [...new Set((openInvoices ?? []).map((invoice) => invoice.currency))].sort();
  const inCurrency = (openInvoices ?? [])
    .filter((invoice) => invoice.currency === values.currency)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);

  return (
    <Stack gap="md">
      <Select
        label="Customer"
        placeholder="Who is the plan with?"
        searchable
        limit={50}
        nothingFoundMessage="No customer owes anything by that name."
        data={props.customers.map((customer) => ({
          value: String(customer.id),
          label: customer.name,
        }))}
        value={values.customerId || null}
        onChange={(value) => {
          form.setValues({ customerId: value ?? '', invoiceIds: [], currency: '' });
        }}
        error={errorOf('customerId')}
        allowDeselect={false}
        withAsterisk
      />
      {values.customerId && openInvoices && openInvoices.length === 0 && (
        <Text c="dimmed">Nothing is open for this customer, so there is nothing to plan.</Text>
      )}
      {currencies.length > 1 && (
        <Select
          label="Currency"
          description="A plan is in one currency. Their other invoices can have a plan of their own."
          data={currencies}
          value={values.currency}
          allowDeselect={false}
          onChange={(currency) => {
            if (!currency) return;
            const ids = (openInvoices ?? [])
              .filter((invoice) => invoice.currency === currency)
              .map((invoice) => String(invoice.id));
            form.setValues({ currency, invoiceIds: ids });
          }}
          error={errorOf('currency')}
        />
      )}
      {inCurrency.length > 0 && (
        <Checkbox.Group
          label="Invoices the plan covers"
          description="Payments go to the oldest invoice first."
          value={values.invoiceIds}
          onChange={(ids) => form.setFieldValue('invoiceIds', ids)}
          error={errorOf('invoiceIds')}
        >
          <Stack gap={8} mt="xs">
            {inCurrency.map((invoice) => (
              <Checkbox
                key={invoice.id}
                value={String(invoice.id)}
                label={invoice.number}
                description={`Due ${format.date(invoice.dueDate)} · ${format.money(invoice.open, invoice.currency)} open`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </Stack>
  );
}
