import { Checkbox, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { PlanFrequency } from '../../../shared/plans/schedule';
import { useFormat } from '../../format';
import { checkInsOn, type PlanRunValues } from './plan-run';

/** A whole number of days as typed, or null while it is not one (then the sentence waits). */
function daysTyped(text: string): number | null {
  return /^\s*\d{1,2}\s*$/.test(text) ? Number(text) : null;
}

/**
 * How the plan runs: a check-in before each payment, the grace after a missed one, a pause
 * first (hardship plans), and when a proposed plan starts. The same fields on the builder, the
 * renegotiate screen and the plan page, so the owner meets them in one shape.
 */
export function PlanRunFields(props: {
  values: PlanRunValues;
  frequency: PlanFrequency;
  hardship: boolean;
  onChange: (change: Partial<PlanRunValues>) => void;
  errorOf: (field: keyof PlanRunValues | 'firstDue') => string | undefined;
  /** Offered while the plan is not yet agreed. */
  withActivation?: boolean;
  /** The pause's end when the owner first ticks it: the day before the first payment, say. */
  suggestedPauseEnd?: string | undefined;
}) {
  const { values, onChange, errorOf } = props;
  const format = useFormat();
  const checkIns = checkInsOn(values.checkIns, props.frequency);
  const checkInDays = daysTyped(values.checkInDays);
  const graceDays = daysTyped(values.graceDays);
  const pauseEnd =
    values.pauseUntil && !errorOf('pauseUntil') ? format.date(values.pauseUntil) : null;
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Checkbox
          label="Check in before each payment"
          description={
            props.frequency === 'weekly' && values.checkIns === null
              ? 'Off at first for weekly payments: they come round quickly.'
              : 'A short, friendly reminder ahead of each payment.'
          }
          checked={checkIns}
          onChange={(event) => onChange({ checkIns: event.currentTarget.checked })}
        />
        {checkIns && (
          <DaysSentence
            pl={32}
            before="Remind them"
            after={`${dayWord(checkInDays)} before each payment.`}
            label="Days before each payment"
            value={values.checkInDays}
            onChange={(checkInDays) => onChange({ checkInDays })}
            error={errorOf('checkInDays')}
          />
        )}
      </Stack>
      <Stack gap="xs">
        <Text fz="sm" fw={500}>
          After a missed payment
        </Text>
        <DaysSentence
          before="Wait"
          after={`${dayWord(graceDays)} before a gentle note.`}
          label="Days of grace after a missed payment"
          value={values.graceDays}
          onChange={(graceDays) => onChange({ graceDays })}
          error={errorOf('graceDays')}
        />
      </Stack>
      {props.hardship && (
        <Stack gap="xs">
          <Checkbox
            label="Pause first"
            description="Give them breathing space: nothing is asked of them until the pause ends, and the first payment comes after it."
            checked={values.pause}
            onChange={(event) => {
              const pause = event.currentTarget.checked;
              onChange(
                pause && !values.pauseUntil && props.suggestedPauseEnd
                  ? { pause, pauseUntil: props.suggestedPauseEnd }
                  : { pause },
              );
            }}
          />
          {values.pause && (
            <Stack gap={4} pl={32}>
              <TextInput
                label="Ask nothing until"
                type="date"
                w={190}
                value={values.pauseUntil}
                onChange={(event) => onChange({ pauseUntil: event.currentTarget.value })}
                error={errorOf('pauseUntil')}
              />
              {pauseEnd && (
                <Text fz="xs" c="dimmed">
                  No letters, check-ins or notes until {pauseEnd} has passed.
                </Text>
              )}
            </Stack>
          )}
        </Stack>
      )}
      {props.withActivation !== false && (
        <Radio.Group
          label="The plan starts"
          description="Until then it is proposed: reminders for its invoices already wait."
          value={values.activation}
          onChange={(value) => onChange({ activation: value as PlanRunValues['activation'] })}
        >
          <Stack gap={8} mt="xs">
            <Radio value="signature" label="When the signed agreement is attached" />
            <Radio value="first_payment" label="When the first payment comes in" />
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}

const dayWord = (days: number | null) => (days === 1 ? 'day' : 'days');

/** A sentence with the number of days typed into it: "Wait [3] days before a gentle note." */
function DaysSentence(props: {
  before: string;
  after: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  pl?: number;
}) {
  const errorId = useId();
  return (
    <Stack gap={4} pl={props.pl}>
      <Group gap="xs" wrap="nowrap">
        <Text fz="sm">{props.before}</Text>
        <TextInput
          aria-label={props.label}
          inputMode="numeric"
          w={64}
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          error={props.error !== undefined}
          aria-describedby={props.error ? errorId : undefined}
        />
        <Text fz="sm">{props.after}</Text>
      </Group>
      {props.error && (
        <Text fz="xs" c="red" id={errorId}>
          {props.error}
        </Text>
      )}
    </Stack>
  );
}
