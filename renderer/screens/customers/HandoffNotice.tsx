import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Handoff } from '../../../shared/api/handoffs';
import { calendarDateIn } from '../../../shared/dates';
import { ApiCallError, call } from '../../api';
import { useBusiness } from '../../business';
import { FormProblem } from '../../components/SaveBar';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';

/** The standing handoff, if any: the newest one not taken back. */
export function standingHandoff(handoffs: readonly Handoff[]): Handoff | null {
  return handoffs.find((handoff) => handoff.takenBackAt === null) ?? null;
}

/**
 * Said at the top of a customer handed to a collection agency: since when, to whom, that
 * Goodwill does not chase them meanwhile, and a way to take them back (with a reason, which
 * goes on the timeline).
 */
export function HandoffNotice(props: { customerId: number; onTakenBack: () => void }) {
  const { customerId } = props;
  const load = useCallback(() => call('handoffs.list', { customerId }), [customerId]);
  const loaded = useLoad(load);
  const [confirming, setConfirming] = useState(false);
  const handoff = loaded.value ? standingHandoff(loaded.value) : null;
  if (!handoff || handoff.customerId !== customerId) return null;
  return (
    <>
      <HandedOver handoff={handoff} onTakeBack={() => setConfirming(true)} />
      {confirming && (
        <TakeBackModal
          handoff={handoff}
          onClose={() => setConfirming(false)}
          onTakenBack={() => {
            setConfirming(false);
            loaded.reload();
            props.onTakenBack();
          }}
        />
      )}
    </>
  );
}

function HandedOver(props: { handoff: Handoff; onTakeBack: () => void }) {
  const format = useFormat();
  const { timeZone } = useBusiness();
  const on = format.date(calendarDateIn(new Date(props.handoff.handedOverAt), timeZone));
  const agency = props.handoff.agency.trim() || 'an agency';
  return (
    <Alert
      color="grape"
      icon={<IconBuildingBank size={18} />}
      title={`Handed to ${agency} on ${on}`}
    >
      <Stack gap="xs">
        <Text fz="sm">
          Goodwill does not chase them while an agency has it. Take them back if you would like to
          chase again yourself.
        </Text>
        <Group>
          <Button size="xs" variant="default" onClick={props.onTakeBack}>
            Take back
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function TakeBackModal(props: { handoff: Handoff; onClose: () => void; onTakenBack: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function takeBack() {
    setBusy(true);
    setProblem(null);
    try {
      await call('handoffs.takeBack', { customerId: props.handoff.customerId, reason });
      props.onTakenBack();
    } catch (error) {
      const issue = error instanceof ApiCallError ? error.issues[0] : undefined;
      setProblem(issue ? issue.message : (error as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={props.onClose} title="Take them back from the agency?">
      <Stack gap="md">
        <Text fz="sm">
          Reminders start again where they stopped; nothing missed meanwhile is sent as a backlog.
          Let the agency know too.
        </Text>
        <Textarea
          label="Why"
          description="Kept on their timeline."
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={500}
        />
        {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Leave it with the agency
          </Button>
          <Button loading={busy} onClick={() => void takeBack()}>
            Take back and chase again
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
