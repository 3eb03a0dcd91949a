import { NumberInput } from '@mantine/core';
import type { Guardrails } from '../../../shared/reminders/guardrails';

export type GuardrailsDraft = Record<keyof Guardrails, number | string>;

const fields: { key: keyof Guardrails; label: string; description: string }[] = [
  {
    key: 'minGapDays',
    label: 'Days between contacts',
    description: 'After any message or call, wait at least this long before the next.',
  },
  {
    key: 'promiseGraceDays',
    label: 'Grace after a promised date',
    description: 'Days to wait for a promised payment before chasing again.',
  },
  {
    key: 'messagesPer7Days',
    label: 'Messages in any 7 days',
    description: 'The most messages one customer gets in a week.',
  },
  {
    key: 'callsPer7Days',
    label: 'Calls in any 7 days',
    description: 'The most calls Goodwill suggests to one customer in a week.',
  },
];

/** The limits every reminder keeps to, whatever the ladder says. */
export function GuardrailFields(props: {
  values: GuardrailsDraft;
  errors: Record<string, unknown>;
  onChange: (key: keyof Guardrails, value: number | string) => void;
}) {
  return (
    <div className="two-columns">
      {fields.map((field) => (
        <NumberInput
          key={field.key}
          label={field.label}
          description={field.description}
          allowDecimal={false}
          allowNegative={false}
          value={props.values[field.key]}
          error={props.errors[`guardrails.${field.key}`] as string | undefined}
          onChange={(value) => props.onChange(field.key, value)}
        />
      ))}
    </div>
  );
}

/** An empty field goes as NaN, which the API refuses beside that field. */
export function guardrailsOf(draft: GuardrailsDraft): Guardrails {
  const read = (value: number | string) =>
    typeof value === 'number' ? value : Number(value.trim() || Number.NaN);
  return {
    minGapDays: read(draft.minGapDays),
    messagesPer7Days: read(draft.messagesPer7Days),
    callsPer7Days: read(draft.callsPer7Days),
    promiseGraceDays: read(draft.promiseGraceDays),
  };
}
