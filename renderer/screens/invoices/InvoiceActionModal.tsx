import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { parseAmount, type Minor } from '../../../shared/money';
import { ApiCallError } from '../../api';
import { amountProblem } from '../../components/amount-messages';
import { showFieldIssues } from '../../components/field-issues';
import { FormProblem } from '../../components/SaveBar';

export interface ActionSpec {
  title: string;
  explanation: string;
  /** required: the owner must give one; optional: empty means everything open; none: no field. */
  amount: 'required' | 'optional' | 'none';
  amountHint?: string;
  reasonLabel: string;
  confirm: string;
  danger?: boolean;
  run: (input: { amount?: Minor; reason: string }) => Promise<unknown>;
}

/** A change to an invoice that needs a reason (and sometimes an amount): a credit note, a write-off, voiding. */
export function InvoiceActionModal(props: {
  spec: ActionSpec | null;
  currency: string;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <Modal opened={props.spec !== null} onClose={props.onClose} title={props.spec?.title}>
      {props.spec && <ActionForm {...props} spec={props.spec} />}
    </Modal>
  );
}

function ActionForm(props: {
  spec: ActionSpec;
  currency: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { spec } = props;
  const form = useForm({ mode: 'controlled', initialValues: { amount: '', reason: '' } });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    let amount: Minor | undefined;
    if (spec.amount === 'required' || (spec.amount === 'optional' && values.amount.trim())) {
      const parsed = parseAmount(values.amount, props.currency);
      if (!parsed.ok) {
        form.setFieldError('amount', amountProblem(parsed.reason, props.currency));
        return;
      }
      amount = parsed.minor;
    }
    setBusy(true);
    try {
      await spec.run({ ...(amount !== undefined ? { amount } : {}), reason: values.reason });
      props.onDone();
    } catch (error) {
      if (error instanceof ApiCallError && error.issues.length > 0) {
        const elsewhere = showFieldIssues(form, error.issues, (field) =>
          field === 'amount' || field === 'reason' ? field : null,
        );
        if (elsewhere[0]) setProblem(elsewhere[0].message);
      } else {
        setProblem((error as Error).message);
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">{spec.explanation}</Text>
        {spec.amount !== 'none' && (
          <TextInput
            label={`Amount (${props.currency})`}
            description={spec.amountHint}
            inputMode="decimal"
            withAsterisk={spec.amount === 'required'}
            data-autofocus
            {...form.getInputProps('amount')}
          />
        )}
        <Textarea
          label={spec.reasonLabel}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} color={spec.danger ? 'red' : undefined}>
            {spec.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
