import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { QueueItem } from '../../../shared/reminders/queue';
import { call } from '../../api';
import { saveFile } from '../../components/save-file';

/**
 * The +90 decision, taken: hand the customer over to a collection agency. One click makes the
 * dossier (kept in the data folder and downloaded here) and stops chasing; the owner can take
 * it back from the customer's page. Keyed by the item, so each opens empty.
 */
export function HandOverDialog(props: {
  item: (QueueItem & { id: number }) | null;
  onClose: () => void;
  onDone: (item: QueueItem & { id: number }, message: string) => void;
}) {
  const { item } = props;
  const [agency, setAgency] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function handOver(current: QueueItem & { id: number }) {
    setBusy(true);
    setProblem(null);
    try {
      const { dossier } = await call('handoffs.create', {
        customerId: current.customerId,
        itemId: current.id,
        ...(agency.trim() ? { agency } : {}),
        ...(note.trim() ? { note } : {}),
      });
      saveFile(dossier, 'application/zip');
      props.onDone(
        current,
        `Handed over${agency.trim() ? ` to ${agency.trim()}` : ''}. Chasing has stopped; the dossier is downloading and a copy is kept in your data folder.`,
      );
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={item !== null} onClose={props.onClose} title="Hand over to an agency">
      {item && (
        <Stack gap="md">
          <Text fz="sm">
            Goodwill will make a dossier for {item.customerName}: a PDF and spreadsheets with every
            invoice, payment, contact, promise, dispute and plan. Reminders to them stop until you
            take them back.
          </Text>
          <TextInput
            label="Agency (optional)"
            value={agency}
            maxLength={200}
            onChange={(event) => setAgency(event.currentTarget.value)}
          />
          <Textarea
            label="A note for the agency (optional)"
            value={note}
            maxLength={2000}
            autosize
            minRows={2}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {problem && (
            <Text fz="sm" c="red" role="alert">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button loading={busy} onClick={() => void handOver(item)}>
              Hand over and download the dossier
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
