import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PromiseView } from '../../../../shared/api/reminders';
import type { Balance } from '../../../../shared/ledger';
import { call } from '../../../api';
import { promiseChannelLabels, promiseStateLabels } from '../../../components/reminder-words';
import { useFormat } from '../../../format';
import { CustomerCard } from '../CustomerCard';
import { PromiseForm } from './PromiseForm';

/** Promises to pay: each with how it stands, and a way to record a new one. */
export function PromisesCard(props: {
  customerId: number;
  promises: readonly PromiseView[];
  balances: readonly Balance[];
  onChanged: () => void;
}) {
  const [recording, setRecording] = useState(false);
  const owed = props.balances.some((balance) => balance.open > 0);
  return (
    <CustomerCard
      title="Promises to pay"
      actions={
        owed && (
          <Button size="xs" variant="light" onClick={() => setRecording(true)}>
            Record a promise
          </Button>
        )
      }
    >
      {props.promises.length === 0 ? (
        <Text c="dimmed" fz="sm">
          No promises yet. While a promise is in time, Goodwill holds reminders back.
        </Text>
      ) : (
        <ul className="plain-list row-list" aria-label="Promises">
          {props.promises.map((promise) => (
            <PromiseRow key={promise.id} promise={promise} onChanged={props.onChanged} />
          ))}
        </ul>
      )}
      <Modal opened={recording} onClose={() => setRecording(false)} title="Record a promise">
        {recording && (
          <PromiseForm
            customerId={props.customerId}
            balances={props.balances}
            onCancel={() => setRecording(false)}
            onDone={() => {
              setRecording(false);
              props.onChanged();
            }}
          />
        )}
      </Modal>
    </CustomerCard>
  );
}

function PromiseRow(props: { promise: PromiseView; onChanged: () => void }) {
  const format = useFormat();
  const { promise } = props;
  const state = promiseStateLabels[promise.state];
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call('promises.cancel', { promiseId: promise.id });
      props.onChanged();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const details = [
    `${promiseChannelLabels[promise.channel]}, on ${format.date(promise.madeOn)}`,
    promise.paid > 0 ? `${format.money(promise.paid, promise.currency)} paid since` : '',
    promise.note,
  ].filter(Boolean);
  return (
    <li>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text fz="sm" fw={500}>
            {format.money(promise.amount, promise.currency)} by {format.date(promise.date)}
          </Text>
          <Text fz="xs" c="dimmed">
            {details.join(' · ')}
          </Text>
          {problem && (
            <Text fz="xs" c="red" role="alert">
              {problem}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Badge color={state.color} variant="light" size="sm" tt="none">
            {state.label}
          </Badge>
          {promise.state === 'in_time' && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              loading={busy}
              onClick={() => void cancel()}
            >
              Cancel
            </Button>
          )}
        </Group>
      </Group>
    </li>
  );
}
