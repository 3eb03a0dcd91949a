import { Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { useFormat } from '../../format';
import { dueDateOf, type TermsKind } from './invoice-draft';
import type { InvoiceForm } from './invoice-form';

const termsOptions: { value: TermsKind; label: string }[] = [
  { value: 'net', label: 'Within a number of days' },
  { value: 'end_of_month', label: 'Days after the end of the month' },
  { value: 'on_receipt', label: 'On receipt' },
  { value: 'fixed_date', label: 'By a date' },
];

/** When the customer is asked to pay: terms, and the due date they give. */
export function InvoiceTermsFields({ form }: { form: InvoiceForm }) {
  const format = useFormat();
  const values = form.getValues();
  const due = dueDateOf(values);
  return (
    <div className="terms-fields">
      <Select
        label="Payment terms"
        data={termsOptions}
        allowDeselect={false}
        {...form.getInputProps('termsKind')}
      />
      {(values.termsKind === 'net' || values.termsKind === 'end_of_month') && (
        <NumberInput
          label="Days"
          min={0}
          max={366}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          {...form.getInputProps('termsDays')}
        />
      )}
      {values.termsKind === 'fixed_date' ? (
        <TextInput label="Due date" type="date" withAsterisk {...form.getInputProps('dueDate')} />
      ) : (
        <div>
          <Text fz="sm" fw={500}>
            Due
          </Text>
          <Group h={36} align="center">
            <Text fw={600} aria-label="Due date" aria-live="polite">
              {due ? format.date(due) : '—'}
            </Text>
          </Group>
          {form.errors.dueDate && (
            <Text fz="xs" c="red" role="alert">
              {form.errors.dueDate}
            </Text>
          )}
        </div>
      )}
    </div>
  );
}

/** An optional early-payment discount: a thank-you for paying promptly, printed on the invoice. */
export function InvoiceDiscountFields({ form }: { form: InvoiceForm }) {
  return (
    <div className="two-columns">
      <TextInput
        label="Early-payment discount (%)"
        description="Optional. For example 2, for 2% off when paid early."
        placeholder="None"
        inputMode="decimal"
        {...form.getInputProps('discountPercent')}
      />
      <NumberInput
        label="If paid within (days)"
        description="Counted from the invoice date."
        min={0}
        max={366}
        allowDecimal={false}
        allowNegative={false}
        disabled={form.getValues().discountPercent.trim() === ''}
        {...form.getInputProps('discountDays')}
      />
    </div>
  );
}
