import { NativeSelect, NumberInput, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { lateTermKinds, lateTermNames, type LateTerms } from '../../../shared/interest/terms';
import type { LateValues } from './terms-form';

/** What each choice means, in a sentence under the fields. */
const explanations: Record<LateValues['lateKind'], string> = {
  business: 'They follow your business terms.',
  off: 'Nothing is added when they pay late.',
  flat_fee: 'A fixed fee, once per late invoice, in the invoice’s currency.',
  percent_fee: 'A percentage of what was still open when the grace period ended, once per invoice.',
  simple_interest:
    'Simple interest for each day late (a year’s rate ÷ 365 a day), never on interest already added.',
  uk_statutory:
    '8% over the Bank of England base rate fixed for the half-year the debt became late, plus £40, £70 or £100 by the size of the debt. For business customers only, invoices in pounds.',
  eu_statutory:
    '8 points over the ECB rate for each half-year, plus €40. For business customers only, invoices in euros.',
};

/**
 * The late-payment terms: none, a fee, interest, or a statutory preset, each with a grace
 * period. `business` (the business's terms, named) is offered on a customer's form only.
 */
export function LateTermsFields<Values extends LateValues>(props: {
  form: UseFormReturnType<Values>;
  business?: LateTerms | undefined;
  consumer?: boolean;
}) {
  const form = props.form as unknown as UseFormReturnType<LateValues>;
  const kind = form.getValues().lateKind;
  const choices = [
    ...(props.business
      ? [
          {
            value: 'business',
            label: `Your business terms (${lateTermNames[props.business.kind]})`,
          },
        ]
      : []),
    ...lateTermKinds
      // Statutory interest is a right between businesses: never offered for a consumer.
      .filter((k) => !(props.consumer && (k === 'uk_statutory' || k === 'eu_statutory')))
      .map((k) => ({ value: k, label: lateTermNames[k] })),
  ];
  return (
    <div>
      <div className="two-columns">
        <NativeSelect label="Late charges" data={choices} {...form.getInputProps('lateKind')} />
        {kind !== 'off' && kind !== 'business' && (
          <NumberInput
            label="Grace period (days)"
            description="Nothing is added until this many days after the due date."
            min={0}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('lateGrace')}
          />
        )}
        {kind === 'flat_fee' && (
          <TextInput
            label="Fee"
            description="In the invoice’s currency, for example 25.00."
            inputMode="decimal"
            {...form.getInputProps('lateAmount')}
          />
        )}
        {kind === 'percent_fee' && (
          <TextInput
            label="Percentage of the invoice (%)"
            inputMode="decimal"
            {...form.getInputProps('latePercent')}
          />
        )}
        {kind === 'simple_interest' && (
          <TextInput
            label="Interest rate (% a year)"
            description="From 0 to 100."
            inputMode="decimal"
            {...form.getInputProps('lateRate')}
          />
        )}
      </div>
      <Text fz="sm" c="dimmed" mt="xs">
        {explanations[kind]}
      </Text>
    </div>
  );
}
