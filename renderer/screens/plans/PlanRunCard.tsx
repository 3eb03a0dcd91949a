import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Plan } from '../../../shared/api/plans';
import { pauseProblem } from '../../../shared/plans/pause';
import { ApiCallError, call } from '../../api';
import { useBusiness } from '../../business';
import { FormProblem } from '../../components/SaveBar';
import { useFormat } from '../../format';
import { CustomerCard as Card } from '../customers/CustomerCard';
import {
  changedRunTerms,
  checkInWords,
  graceWords,
  readRunTerms,
  runValuesOf,
  type PlanRunValues,
} from './plan-run';
import { isLive } from './plan-view';
import { PlanRunFields } from './PlanRunFields';

const runFields = ['checkInDays', 'graceDays', 'pauseUntil', 'activation'] as const;
type FieldErrors = Partial<Record<keyof PlanRunValues | 'firstDue', string>>;

/** How the plan runs, in the owner's words; while it is live, the owner may change it. */
export function PlanRunCard(props: { plan: Plan; onChanged: () => void }) {
  const { plan } = props;
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const live = isLive(plan);
  return (
    <Card
      title="Reminders"
      actions={
        live && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditing(true)}
          >
            Change
          </Button>
        )
      }
    >
      <Stack gap={6}>
        <Text fz="sm">{checkInWords(plan.checkInDays)}.</Text>
        <Text fz="sm">{graceWords(plan.graceDays)}.</Text>
        {plan.pauseUntil && (
          <Text fz="sm">
            Nothing is asked of them until {format.date(plan.pauseUntil)} has passed.
          </Text>
        )}
        {plan.state === 'proposed' && (
          <Text fz="sm" c="dimmed">
            {plan.activation === 'signature'
              ? 'It starts when the signed agreement is attached.'
              : 'It starts when the first payment comes in.'}
          </Text>
        )}
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title="How the plan runs">
        {editing && (
          <RunForm
            plan={plan}
            onClose={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              props.onChanged();
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

function RunForm(props: { plan: Plan; onClose: () => void; onDone: () => void }) {
  const { plan } = props;
  const business = useBusiness();
  const [values, setValues] = useState<PlanRunValues>(() => runValuesOf(plan));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setProblem(null);
    const read = readRunTerms(values, plan);
    const found: FieldErrors = {};
    if (!read.ok)
      for (const issue of read.issues) found[issue.field as keyof FieldErrors] ??= issue.message;
    // The API's own rule, for a pause the owner changes (one that has run its course may stay
    // as it is while other things change): over before the next payment, on a day to come.
    const pause = read.ok && read.terms.pauseUntil !== plan.pauseUntil && read.terms.pauseUntil;
    const pauseWrong =
      pause &&
      pauseProblem({
        pauseUntil: pause,
        hardship: plan.hardship,
        nextDue: plan.nextDue?.due ?? null,
        today: business.today,
        locale: business.locale,
      });
    if (pauseWrong) found.pauseUntil ??= pauseWrong;
    setErrors(found);
    if (!read.ok || Object.keys(found).length > 0) return;
    const changed = changedRunTerms(read.terms, plan);
    if (Object.keys(changed).length === 0) {
      props.onClose();
      return;
    }
    setBusy(true);
    try {
      await call('plans.update', { planId: plan.id, ...changed });
      props.onDone();
    } catch (error) {
      const issues = error instanceof ApiCallError ? error.issues : [];
      const onFields: FieldErrors = {};
      for (const issue of issues) {
        const field = runFields.find((name) => issue.field === name);
        if (field) onFields[field] ??= issue.message;
      }
      setErrors(onFields);
      setProblem(
        Object.keys(onFields).length > 0
          ? 'Nothing was changed yet. Please check the fields marked in red.'
          : (error as Error).message,
      );
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        <PlanRunFields
          values={values}
          frequency={plan.frequency}
          hardship={plan.hardship}
          onChange={(change) => setValues((current) => ({ ...current, ...change }))}
          errorOf={(field) => errors[field]}
          withActivation={plan.state === 'proposed'}
        />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save the changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
