import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { InterestClaim } from '../../../shared/interest/claims';
import { ApiCallError, call } from '../../api';
import { FormProblem } from '../../components/SaveBar';
import { useFormat } from '../../format';
import { allLeft, readWaiverAmount } from './waive-form';

/**
 * Waiving a claimed charge as a gesture, in part or whole: the amount starts as all that is
 * left; the dialog says what would still be owed, and the next letter says what was waived.
 */
export function WaiveClaimModal(props: {
  claim: InterestClaim;
  onClose: () => void;
  onWaived: (message: string) => void;
}) {
  const { claim } = props;
  const format = useFormat();
  const money = (amount: number) => format.money(amount, claim.currency);
  const [text, setText] = useState(() => allLeft(claim));
  const [touched, setTouched] = useState(false);
  const [serverProblem, setServerProblem] = useState<{ field: string; message: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const reading = readWaiverAmount(text, claim, money);
  const fieldError =
    (touched && !reading.ok ? reading.problem : null) ??
    (serverProblem?.field === 'amount' ? serverProblem.message : null);

  async function waive() {
    setTouched(true);
    setServerProblem(null);
    if (!reading.ok) return;
    setBusy(true);
    try {
      await call('interest.waive', { claimId: claim.id, amount: reading.amount });
      props.onWaived(
        reading.left === 0
          ? `Waived ${money(reading.amount)} on ${claim.invoiceNumber}, all that was left. The next letter says so, kindly.`
          : `Waived ${money(reading.amount)} on ${claim.invoiceNumber}; ${money(reading.left)} is left. The next letter says so, kindly.`,
      );
    } catch (error) {
      const issue = error instanceof ApiCallError ? error.issues[0] : undefined;
      setServerProblem(
        issue
          ? { field: issue.field, message: issue.message }
          : { field: '', message: (error as Error).message },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={props.onClose} title={`Waive the charge on ${claim.invoiceNumber}`}>
      <Stack gap="md">
        <Text fz="sm">
          {claim.chargeNumber}: {money(claim.amount)} claimed, {money(claim.open)} left to pay.
          Waive all of it, or only part, as a gesture.
        </Text>
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Amount to waive"
            inputMode="decimal"
            value={text}
            error={fieldError}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setTouched(true);
              setServerProblem(null);
            }}
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={() => setText(allLeft(claim))}>
            All of it
          </Button>
        </Group>
        <Text fz="sm" c="dimmed" aria-live="polite" aria-label="Left after waiving">
          {reading.ok
            ? reading.left === 0
              ? 'Nothing of this charge would be left to pay.'
              : `${money(reading.left)} would be left to pay.`
            : '\u00a0'}
        </Text>
        {serverProblem && serverProblem.field !== 'amount' && (
          <FormProblem onClose={() => setServerProblem(null)}>{serverProblem.message}</FormProblem>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep the charge
          </Button>
          <Button loading={busy} onClick={() => void waive()}>
            {reading.ok ? `Waive ${money(reading.amount)}` : 'Waive'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
