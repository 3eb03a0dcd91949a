import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId, useState } from 'react';
import type { CustomerReminders, ReminderPolicy } from '../../../../shared/api/reminders';
import { call } from '../../../api';
import { problemAfterSave } from '../../../components/field-issues';
import { FormProblem } from '../../../components/SaveBar';
import { draftOf, ladderOf, type LadderDraft } from '../../settings/ladder-draft';
import { LadderTable } from '../../settings/LadderTable';

type Mode = CustomerReminders['mode'];

const modes: { value: Mode; label: string }[] = [
  { value: 'business', label: 'Your usual steps' },
  { value: 'custom', label: 'Steps of their own' },
  { value: 'none', label: 'No reminders' },
];

const modeWords: Record<Mode, string> = {
  business: 'They get the same reminders as everyone, as set in Settings.',
  custom: 'They get these steps instead of your usual ones.',
  none: 'Goodwill suggests no reminders or calls for them. Their invoices still count as owed.',
};

/** Which ladder chases this customer: the business's, one of their own, or none. */
export function LadderChoice(props: {
  customerId: number;
  setup: CustomerReminders;
  policy: ReminderPolicy;
  onChanged: () => void;
}) {
  const initial = {
    mode: props.setup.mode,
    ladder: draftOf(props.setup.ladder ?? props.policy.ladder),
  };
  const form = useForm<{ mode: Mode; ladder: LadderDraft }>({
    mode: 'controlled',
    initialValues: initial,
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const values = form.getValues();
  const labelId = useId();

  const save = form.onSubmit(async ({ mode, ladder }) => {
    setSaving(true);
    setProblem(null);
    try {
      await call('reminders.setCustomerLadder', {
        customerId: props.customerId,
        mode,
        ...(mode === 'custom' ? { ladder: ladderOf(ladder) } : {}),
      });
      form.resetDirty();
      props.onChanged();
    } catch (error) {
      setProblem(
        problemAfterSave(form, error, (field) =>
          field.startsWith('ladder.') || field === 'mode' ? field : null,
        ),
      );
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={save} noValidate aria-label="Which reminders">
      <Stack gap="sm">
        <Text fz="sm" fw={600} id={labelId}>
          Which reminders
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          data={modes}
          value={values.mode}
          onChange={(mode) => form.setFieldValue('mode', mode as Mode)}
        />
        <Text fz="sm" c="dimmed">
          {modeWords[values.mode]}
        </Text>
        {values.mode === 'custom' && (
          <LadderTable
            label="Their reminder steps"
            ladder={values.ladder}
            errors={form.errors}
            onChange={(index, patch) => {
              for (const key of Object.keys(patch)) form.clearFieldError(`ladder.${index}.${key}`);
              form.setFieldValue(`ladder.${index}`, { ...values.ladder[index]!, ...patch });
            }}
          />
        )}
        {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
        {form.isDirty() && (
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                form.reset();
                form.clearErrors();
                setProblem(null);
              }}
            >
              Undo
            </Button>
            <Button type="submit" size="xs" loading={saving}>
              Save reminder choice
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
