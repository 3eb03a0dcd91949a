import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { promiseChannels, type PromiseView } from '../../../../shared/api/reminders';
import { addDays } from '../../../../shared/dates';
import type { Balance } from '../../../../shared/ledger';
import { minorToDecimalString, parseAmount } from '../../../../shared/money';
import { call } from '../../../api';
import { useBusiness } from '../../../business';
import { amountProblem } from '../../../components/amount-messages';
import { problemAfterSave } from '../../../components/field-issues';
import { promiseChannelLabels } from '../../../components/reminder-words';
import { FormProblem } from '../../../components/SaveBar';

interface Values {
  amount: string;
  currency: string;
  date: string;
  channel: PromiseView['channel'];
  note: string;
}

const fields = new Set(['amount', 'currency', 'date', 'channel', 'note']);

/** What the customer promised: how much, by when, and how they said it. */
export function PromiseForm(props: {
  customerId: number;
  balances: readonly Balance[];
  onCancel: () => void;
  onDone: () => void;
}) {
  const { today } = useBusiness();
  const owed = props.balances.filter((balance) => balance.open > 0);
  const first = owed[0];
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      amount: first ? minorToDecimalString(first.open, first.currency) : '',
      currency: first?.currency ?? '',
      date: addDays(today, 7),
      channel: 'phone',
      note: '',
    },
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { currency } = form.getValues();

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const parsed = parseAmount(values.amount, values.currency);
    if (!parsed.ok) {
      form.setFieldError('amount', amountProblem(parsed.reason, values.currency));
      return;
    }
    setSaving(true);
    try {
      await call('promises.create', {
        customerId: props.customerId,
        amount: parsed.minor,
        currency: values.currency,
        date: values.date,
        channel: values.channel,
        ...(values.note.trim() ? { note: values.note } : {}),
      });
      props.onDone();
    } catch (error) {
      setProblem(problemAfterSave(form, error, (field) => (fields.has(field) ? field : null)));
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {owed.length > 1 && (
          <Select
            label="Currency"
            allowDeselect={false}
            data={owed.map((balance) => balance.currency)}
            {...form.getInputProps('currency')}
          />
        )}
        <div className="two-columns">
          <TextInput
            label={`Amount (${currency})`}
            inputMode="decimal"
            classNames={{ input: 'amount-input' }}
            withAsterisk
            data-autofocus
            {...form.getInputProps('amount')}
          />
          <TextInput type="date" label="Pay by" withAsterisk {...form.getInputProps('date')} />
        </div>
        <Select
          label="How they promised"
          allowDeselect={false}
          data={promiseChannels.map((value) => ({
            value,
            label: promiseChannelLabels[value],
          }))}
          {...form.getInputProps('channel')}
        />
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Record promise
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
