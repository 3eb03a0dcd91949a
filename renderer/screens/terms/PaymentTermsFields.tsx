import { NativeSelect, NumberInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { PaymentValues } from './terms-form';

const termsChoices = [
  { value: 'net', label: 'Within a number of days' },
  { value: 'end_of_month', label: 'Days after the end of the month' },
  { value: 'on_receipt', label: 'On receipt' },
];

/** When new invoices are due, and an optional thank-you for paying early. */
export function PaymentTermsFields<Values extends PaymentValues>(props: {
  form: UseFormReturnType<Values>;
}) {
  const form = props.form as unknown as UseFormReturnType<PaymentValues>;
  const values = form.getValues();
  return (
    <div className="two-columns">
      <NativeSelect
        label="Payment terms"
        data={termsChoices}
        {...form.getInputProps('termsKind')}
      />
      {values.termsKind !== 'on_receipt' ? (
        <NumberInput
          label="Days"
          min={0}
          max={366}
          allowDecimal={false}
          {...form.getInputProps('termsDays')}
        />
      ) : (
        <div />
      )}
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
        disabled={values.discountPercent.trim() === ''}
        {...form.getInputProps('discountDays')}
      />
    </div>
  );
}
