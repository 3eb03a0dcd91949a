import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { CallOutcomeKey } from '../../../../shared/api/reminders';
import { call } from '../../../api';
import { problemAfterSave } from '../../../components/field-issues';
import { callOutcomeLabels, optionsOf } from '../../../components/reminder-words';
import { FormProblem } from '../../../components/SaveBar';

/** What to do next after some outcomes, so the ladder knows. */
const followUps: Partial<Record<CallOutcomeKey, string>> = {
  promised: 'Record the promise under Promises to pay too, so reminders wait for it.',
  disputed: 'Open a dispute under Disputes too, so chasing of it stops while you sort it out.',
};

/** A call made to the customer, outside the Today list: how it went, and a note. */
export function LogCallForm(props: {
  customerId: number;
  onCancel: () => void;
  onDone: () => void;
}) {
  const form = useForm<{ outcome: CallOutcomeKey | null; note: string }>({
    mode: 'controlled',
    initialValues: { outcome: null, note: '' },
    validate: { outcome: (value) => (value ? null : 'Please say how the call went.') },
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { outcome } = form.getValues();

  const submit = form.onSubmit(async (values) => {
    if (!values.outcome) return;
    setSaving(true);
    setProblem(null);
    try {
      await call('contacts.logCall', {
        customerId: props.customerId,
        outcome: values.outcome,
        ...(values.note.trim() ? { note: values.note } : {}),
      });
      props.onDone();
    } catch (error) {
      setProblem(
        problemAfterSave(form, error, (field) =>
          field === 'outcome' || field === 'note' ? field : null,
        ),
      );
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label="How it went"
          withAsterisk
          allowDeselect={false}
          data={optionsOf(callOutcomeLabels)}
          {...form.getInputProps('outcome')}
        />
        {outcome && followUps[outcome] && (
          <Text fz="sm" c="dimmed">
            {followUps[outcome]}
          </Text>
        )}
        <Textarea
          label="Note"
          description="What was said, for next time."
          autosize
          minRows={3}
          {...form.getInputProps('note')}
        />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Log call
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
