import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Payment } from '../../../shared/ledger';
import { minorToDecimalString, parseAmount } from '../../../shared/money';
import { ApiCallError, call } from '../../api';
import { amountProblem } from '../../components/amount-messages';
import { useBusiness } from '../../business';
import { useFormat } from '../../format';

/**
 * What the owner can do with money paid in advance: put it towards open invoices (oldest due
 * first), or give it back.
 */
export function CreditActions(props: { payment: Payment; onChanged: () => void }) {
  const [refunding, setRefunding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async () => {
    setProblem(null);
    setBusy(true);
    try {
      await call('payments.applyCredit', { paymentId: props.payment.id });
      props.onChanged();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} mt={4}>
      <Group gap="xs">
        <Button size="compact-xs" variant="light" loading={busy} onClick={() => void apply()}>
          Apply to open invoices
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setRefunding(true)}>
          Refund
        </Button>
      </Group>
      {problem && (
        <Text fz="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
      <Modal opened={refunding} onClose={() => setRefunding(false)} title="Refund credit">
        {refunding && (
          <RefundForm
            payment={props.payment}
            onDone={() => {
              setRefunding(false);
              props.onChanged();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function RefundForm(props: { payment: Payment; onDone: () => void }) {
  const { today } = useBusiness();
  const format = useFormat();
  const { payment } = props;
  const [amount, setAmount] = useState(minorToDecimalString(payment.unapplied, payment.currency));
  const [date, setDate] = useState(today);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const parsed = parseAmount(amount, payment.currency);
    if (!parsed.ok) return setErrors({ amount: amountProblem(parsed.reason, payment.currency) });
    setErrors({});
    setSaving(true);
    try {
      await call('payments.refund', {
        paymentId: payment.id,
        amount: parsed.minor,
        date,
        reference,
      });
      props.onDone();
    } catch (error) {
      if (error instanceof ApiCallError && error.issues.length > 0) {
        setErrors(Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message])));
      } else setErrors({ form: (error as Error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <Text fz="sm">
          {format.money(payment.unapplied, payment.currency)} of this payment has not gone towards
          an invoice. Record here what you paid back.
        </Text>
        <TextInput
          label={`Amount (${payment.currency})`}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amount}
        />
        <TextInput
          type="date"
          label="Date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.date}
        />
        <TextInput
          label="Reference"
          description="Optional: how it was paid back."
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={errors.reference}
        />
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            Record refund
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
