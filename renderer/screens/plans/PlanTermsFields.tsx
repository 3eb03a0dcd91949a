import { Checkbox, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { PlanFrequency } from '../../../shared/plans/schedule';
import { parseAmount } from '../../../shared/money';
import { useFormat } from '../../format';
import { roundingChoices, type PlanFormValues, type SizeBy } from './plan-draft';

const frequencies: { value: PlanFrequency; label: string }[] = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'fortnightly', label: 'Fortnightly' },
  { value: 'monthly', label: 'Monthly' },
];

const exact = 'exact';

/** The plan's terms: deposit, how often, how many or how much, round amounts, when it starts. */
export function PlanTermsFields(props: {
  form: UseFormReturnType<PlanFormValues>;
  errorOf: (field: keyof PlanFormValues) => string | undefined;
}) {
  const { form, errorOf } = props;
  const format = useFormat();
  const values = form.getValues();
  const currency = values.currency || 'GBP';
  const roundings = [
    { value: exact, label: 'Exact, to the cent' },
    ...roundingChoices.flatMap((major) => {
      const parsed = parseAmount(major, currency);
      return parsed.ok
        ? [{ value: major, label: `To ${format.money(parsed.minor, currency)}` }]
        : [];
    }),
  ];
  return (
    <Stack gap="md">
      <div className="two-columns">
        <TextInput
          label="Deposit"
          description="Paid on the day the plan is agreed. Leave empty for none."
          inputMode="decimal"
          placeholder="0.00"
          {...form.getInputProps('deposit')}
          error={errorOf('deposit')}
        />
        <TextInput
          label="First payment on"
          type="date"
          withAsterisk
          {...form.getInputProps('firstDue')}
          error={errorOf('firstDue')}
        />
      </div>
      <Stack gap={4}>
        <Text fz="sm" fw={500} id="plan-frequency">
          How often
        </Text>
        <SegmentedControl
          aria-labelledby="plan-frequency"
          data={frequencies}
          value={values.frequency}
          onChange={(value) => form.setFieldValue('frequency', value as PlanFrequency)}
        />
      </Stack>
      <Stack gap={4}>
        <Text fz="sm" fw={500} id="plan-size-by">
          Size the payments by
        </Text>
        <SegmentedControl
          aria-labelledby="plan-size-by"
          data={[
            { value: 'count', label: 'How many' },
            { value: 'amount', label: 'How much each' },
          ]}
          value={values.sizeBy}
          onChange={(value) => form.setFieldValue('sizeBy', value as SizeBy)}
        />
      </Stack>
      {values.sizeBy === 'count' ? (
        <div className="two-columns">
          <TextInput
            label="Number of payments"
            inputMode="numeric"
            withAsterisk
            {...form.getInputProps('count')}
            error={errorOf('count')}
          />
          <Select
            label="Round amounts"
            description="The last payment takes what is left."
            data={roundings}
            value={values.roundTo || exact}
            allowDeselect={false}
            onChange={(value) =>
              form.setFieldValue('roundTo', !value || value === exact ? '' : value)
            }
            error={errorOf('roundTo')}
          />
        </div>
      ) : (
        <TextInput
          label="Each payment"
          description="The last payment is smaller when the total does not divide evenly."
          inputMode="decimal"
          placeholder="0.00"
          withAsterisk
          {...form.getInputProps('amount')}
          error={errorOf('amount')}
        />
      )}
      <Checkbox
        label="They are going through a hard time"
        description="The agreement and the letters about this plan use the gentler hardship wording."
        {...form.getInputProps('hardship', { type: 'checkbox' })}
      />
    </Stack>
  );
}
