import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { StatementEmailResult } from '../../../shared/api/exports';
import { ApiCallError, call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { LetterView } from '../../components/LetterView';
import { FormProblem } from '../../components/SaveBar';
import { FindingList, ToneGauges } from '../../components/ToneReportView';
import { useLoad } from '../../hooks/useLoad';

/** A field's own sentence reads better in a dialog than "to: …". */
function plainMessage(error: unknown): string {
  if (error instanceof ApiCallError && error.issues[0]) return error.issues[0].message;
  return (error as Error).message;
}

/**
 * The statement letter as it will go, for the owner to read before it joins the outbox with
 * the statement PDF. Putting it in twice (a double click, a second try) queues it once.
 */
export function EmailStatementModal(props: {
  customerId: number;
  email: string;
  period: { from: string; to: string };
  onClose: () => void;
  onQueued: () => void;
}) {
  const { customerId, period } = props;
  const load = useCallback(
    () => call('letters.draft', { customerId, occasion: 'statement', statement: period }),
    [customerId, period],
  );
  const draft = useLoad(load);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [queued, setQueued] = useState<StatementEmailResult | null>(null);

  async function queue() {
    setBusy(true);
    setProblem(null);
    try {
      setQueued(await call('statements.email', { customerId, ...period }));
      props.onQueued();
    } catch (error) {
      setProblem(plainMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={props.onClose} title="Email the statement" size="lg">
      <Stack gap="md">
        {queued ? (
          <Stack gap="sm" role="status" aria-label="Statement queued">
            <Text fz="sm">
              {queued.alreadyQueued
                ? queued.message.state === 'sent'
                  ? 'This statement has already gone to them; nothing new was added.'
                  : 'This statement is already in the outbox; nothing new was added.'
                : queued.message.state === 'draft'
                  ? 'It is in the outbox as a draft, to send from your own mail program.'
                  : 'It is in the outbox and goes out shortly, within their contact hours.'}
            </Text>
            <Group justify="flex-end">
              <AppLink to={{ screen: 'outbox' }} fz="sm">
                Open the outbox
              </AppLink>
              <Button onClick={props.onClose}>Done</Button>
            </Group>
          </Stack>
        ) : draft.value ? (
          <>
            <Text fz="sm">To {props.email}, with the statement PDF attached.</Text>
            <LetterView
              subject={draft.value.subject}
              text={draft.value.text}
              label="Statement email"
            />
            <ToneGauges report={draft.value.tone} checking={false} />
            {draft.value.tone.findings.length > 0 && (
              <FindingList findings={draft.value.tone.findings} />
            )}
            {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                Not now
              </Button>
              <Button loading={busy} onClick={() => void queue()}>
                Put in the outbox
              </Button>
            </Group>
          </>
        ) : draft.error ? (
          <FormProblem>{plainMessage(draft.error)}</FormProblem>
        ) : (
          <Loader aria-label="Loading" />
        )}
      </Stack>
    </Modal>
  );
}
