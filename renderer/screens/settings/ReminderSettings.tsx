import { Alert, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { ReminderPolicy } from '../../../shared/api/reminders';
import { call } from '../../api';
import { problemAfterSave } from '../../components/field-issues';
import { LoadProblem } from '../../components/LoadProblem';
import { SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/useLoad';
import { GuardrailFields, guardrailsOf, type GuardrailsDraft } from './GuardrailFields';
import { draftOf, ladderOf, type LadderDraft } from './ladder-draft';
import { LadderTable } from './LadderTable';

interface Values {
  ladder: LadderDraft;
  guardrails: GuardrailsDraft;
}

const valuesOf = (policy: ReminderPolicy): Values => ({
  ladder: draftOf(policy.ladder),
  guardrails: { ...policy.guardrails },
});

/** The business's reminder ladder and the limits on contact, saved on their own. */
export function ReminderSettings() {
  const load = useCallback(() => call('reminders.policy'), []);
  const loaded = useLoad(load);
  return (
    <Stack gap="lg" component="section" aria-label="Reminders">
      <div>
        <Title order={2} size="h3">
          Reminders
        </Title>
        <Text c="dimmed">
          Which reminders Goodwill suggests, and when. Saved apart from the settings above.
        </Text>
      </div>
      {loaded.value ? (
        <PolicyForm policy={loaded.value} />
      ) : loaded.error ? (
        <LoadProblem error={loaded.error} onRetry={loaded.reload} what="the reminder settings" />
      ) : (
        <Loader aria-label="Loading" />
      )}
    </Stack>
  );
}

function PolicyForm(props: { policy: ReminderPolicy }) {
  const [policy, setPolicy] = useState(props.policy);
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(props.policy) });
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' | 'failed'; message: string } | null>(
    null,
  );

  const accept = (saved: ReminderPolicy, message: string) => {
    setPolicy(saved);
    form.setInitialValues(valuesOf(saved));
    form.setValues(valuesOf(saved));
    form.resetDirty();
    form.clearErrors();
    setOutcome({ kind: 'saved', message });
  };

  const run = async (which: 'save' | 'reset', values: Values) => {
    setBusy(which);
    setOutcome(null);
    try {
      if (which === 'reset') {
        accept(await call('reminders.resetPolicy'), "Back to Goodwill's default reminders.");
      } else {
        accept(
          await call('reminders.updatePolicy', {
            ladder: ladderOf(values.ladder),
            guardrails: guardrailsOf(values.guardrails),
          }),
          'Saved. Reminders follow these steps from now on.',
        );
      }
    } catch (error) {
      const message = problemAfterSave(form, error, (field) =>
        field === 'ladder' || field === '' ? null : field,
      );
      setOutcome({ kind: 'failed', message });
    } finally {
      setBusy(null);
    }
  };

  const values = form.getValues();
  return (
    <form onSubmit={form.onSubmit((values) => void run('save', values))} noValidate>
      <Stack gap="lg">
        <Section
          title="Reminder steps"
          description={
            policy.customised
              ? 'Your own steps. Days count from each invoice’s due date.'
              : 'Goodwill’s suggested steps. Days count from each invoice’s due date.'
          }
        >
          <LadderTable
            label="Reminder steps"
            ladder={values.ladder}
            errors={form.errors}
            onChange={(index, patch) => {
              for (const key of Object.keys(patch)) form.clearFieldError(`ladder.${index}.${key}`);
              form.setFieldValue(`ladder.${index}`, { ...values.ladder[index]!, ...patch });
            }}
          />
          <Text size="sm" c="dimmed">
            Steps on autopilot go out without your review, and only inside the contact window above.
            Everything else waits on your Today list for you to approve.
          </Text>
        </Section>
        <Section
          title="Limits on contact"
          description="Kept for every customer, whatever the steps say."
        >
          <GuardrailFields
            values={values.guardrails}
            errors={form.errors}
            onChange={(key, value) => form.setFieldValue(`guardrails.${key}`, value)}
          />
        </Section>
        <SaveBar
          problem={
            outcome && (
              <Alert
                role="status"
                color={outcome.kind === 'saved' ? 'teal' : 'red'}
                icon={outcome.kind === 'saved' ? <IconCheck size={18} /> : undefined}
              >
                {outcome.message}
              </Alert>
            )
          }
        >
          <Button
            variant="subtle"
            color="gray"
            disabled={busy !== null || (!policy.customised && !form.isDirty())}
            onClick={() => setConfirmingReset(true)}
          >
            Reset to defaults
          </Button>
          <Button
            variant="default"
            disabled={!form.isDirty() || busy !== null}
            onClick={() => {
              form.reset();
              form.clearErrors();
              setOutcome(null);
            }}
          >
            Undo changes
          </Button>
          <Button type="submit" loading={busy === 'save'}>
            Save reminders
          </Button>
        </SaveBar>
      </Stack>
      <Modal
        opened={confirmingReset}
        onClose={() => setConfirmingReset(false)}
        title="Go back to the default reminders?"
      >
        <Stack gap="md">
          <Text fz="sm">
            The steps and limits go back to Goodwill’s suggestions. Customers with a ladder of their
            own keep it.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingReset(false)}>
              Keep mine
            </Button>
            <Button
              loading={busy === 'reset'}
              onClick={() => {
                setConfirmingReset(false);
                void run('reset', form.getValues());
              }}
            >
              Reset to defaults
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
