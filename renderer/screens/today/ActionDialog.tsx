import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import type { ActResult, CallOutcomeKey, ReminderAction } from '../../../shared/api/reminders';
import { addDays } from '../../../shared/dates';
import { minorToDecimalString, parseAmount } from '../../../shared/money';
import type { QueueItem } from '../../../shared/reminders/queue';
import { call } from '../../api';
import { useBusiness } from '../../business';
import { amountProblem } from '../../components/amount-messages';
import { problemAfterSave } from '../../components/field-issues';
import { FormProblem } from '../../components/SaveBar';
import { useFormat } from '../../format';

export type DialogKind = 'skip' | 'snooze' | 'log_call';

export interface OpenDialog {
  kind: DialogKind;
  item: QueueItem & { id: number };
}

const titles: Record<DialogKind, string> = {
  skip: 'Skip this step',
  snooze: 'Snooze this step',
  log_call: 'Log the call',
};

/**
 * What a row asks before it acts: a reason to skip, a day to snooze until, how a call went.
 * Mantine's Modal keeps focus inside and closes on Escape, handing focus back to the row.
 */
export function ActionDialog(props: {
  open: OpenDialog | null;
  onClose: () => void;
  onDone: (item: QueueItem, result: ActResult) => void;
}) {
  const { open } = props;
  return (
    <Modal opened={open !== null} onClose={props.onClose} title={open ? titles[open.kind] : ''}>
      {open && (
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {open.item.customerName} · {open.item.stepName}
          </Text>
          {open.kind === 'skip' && <SkipForm {...props} item={open.item} />}
          {open.kind === 'snooze' && <SnoozeForm {...props} item={open.item} />}
          {open.kind === 'log_call' && <LogCallForm {...props} item={open.item} />}
        </Stack>
      )}
    </Modal>
  );
}

interface FormProps {
  item: QueueItem & { id: number };
  onClose: () => void;
  onDone: (item: QueueItem, result: ActResult) => void;
}

/** Sends one action; field messages land beside their fields, anything else above the buttons. */
function useAct<Values>(
  form: UseFormReturnType<Values>,
  props: FormProps,
  rename: (field: string) => string | null,
) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (action: ReminderAction) => {
    setProblem(null);
    setBusy(true);
    try {
      props.onDone(props.item, await call('reminders.act', action));
    } catch (error) {
      setProblem(problemAfterSave(form, error, rename));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, act };
}

function Buttons(props: { busy: boolean; confirm: string; onClose: () => void }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onClose}>
        Cancel
      </Button>
      <Button type="submit" loading={props.busy}>
        {props.confirm}
      </Button>
    </Group>
  );
}

function FormBody(props: { onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <Stack gap="md">{props.children}</Stack>
    </form>
  );
}

function SkipForm(props: FormProps) {
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  const { busy, problem, act } = useAct(form, props, (field) =>
    field === 'reason' ? field : null,
  );
  const submit = () => {
    const reason = form.getValues().reason.trim();
    if (!reason) return form.setFieldError('reason', 'Please say why this step is skipped.');
    void act({ itemId: props.item.id, action: 'skip', reason });
  };
  return (
    <FormBody onSubmit={submit}>
      <Text fz="sm">
        Nothing is sent for this step. The next step comes when it is due. Your reason is kept on
        the customer&rsquo;s timeline.
      </Text>
      <Textarea
        label="Why skip it?"
        placeholder="For example: they rang to say the payment is on its way"
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('reason')}
      />
      {problem && <FormProblem>{problem}</FormProblem>}
      <Buttons busy={busy} confirm="Skip this step" onClose={props.onClose} />
    </FormBody>
  );
}

function SnoozeForm(props: FormProps) {
  const { today } = useBusiness();
  const format = useFormat();
  const form = useForm({ mode: 'controlled', initialValues: { until: addDays(today, 7) } });
  const { busy, problem, act } = useAct(form, props, (field) => (field === 'until' ? field : null));
  const submit = () => {
    const { until } = form.getValues();
    if (!until) return form.setFieldError('until', 'Please pick a day.');
    void act({ itemId: props.item.id, action: 'snooze', until });
  };
  const quick = [
    { label: 'Tomorrow', days: 1 },
    { label: 'In a week', days: 7 },
    { label: 'In two weeks', days: 14 },
  ];
  return (
    <FormBody onSubmit={submit}>
      <Text fz="sm">
        The step waits quietly and comes back on the day you pick, up to 90 days from today.
      </Text>
      <TextInput
        type="date"
        label="Snooze until"
        withAsterisk
        min={addDays(today, 1)}
        max={addDays(today, 90)}
        data-autofocus
        description={
          form.getValues().until ? `Back on ${format.date(form.getValues().until)}.` : undefined
        }
        {...form.getInputProps('until')}
      />
      <Group gap="xs">
        {quick.map(({ label, days }) => (
          <Button
            key={label}
            size="compact-sm"
            variant="light"
            color="gray"
            onClick={() => form.setFieldValue('until', addDays(today, days))}
          >
            {label}
          </Button>
        ))}
      </Group>
      {problem && <FormProblem>{problem}</FormProblem>}
      <Buttons busy={busy} confirm="Snooze" onClose={props.onClose} />
    </FormBody>
  );
}

const outcomes: { value: CallOutcomeKey; label: string }[] = [
  { value: 'reached', label: 'Spoke with them' },
  { value: 'promised', label: 'They promised to pay' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'voicemail', label: 'Left a voicemail' },
  { value: 'disputed', label: 'They dispute the invoice' },
  { value: 'wrong_number', label: 'Wrong number' },
];

/** API fields to the form's own: `promise.date` is the promise's date field, and so on. */
function callField(field: string): string | null {
  if (field === 'outcome' || field === 'note') return field;
  if (field === 'promise.date') return 'promiseDate';
  if (field === 'promise.amount') return 'promiseAmount';
  if (field === 'promise.currency') return 'promiseCurrency';
  return null;
}

function LogCallForm(props: FormProps) {
  const { today } = useBusiness();
  const { item } = props;
  const currencies = item.openTotals.map((total) => total.currency);
  const openIn = (currency: string) =>
    item.openTotals.find((total) => total.currency === currency)?.amount ?? 0;
  const first = currencies[0] ?? '';
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      outcome: '' as CallOutcomeKey | '',
      note: '',
      promiseDate: addDays(today, 7),
      promiseAmount: first ? minorToDecimalString(openIn(first), first) : '',
      promiseCurrency: first,
    },
  });
  const { busy, problem, act } = useAct(form, props, callField);
  const values = form.getValues();
  const promised = values.outcome === 'promised';

  const submit = () => {
    const { outcome, note, promiseDate, promiseAmount, promiseCurrency } = form.getValues();
    if (!outcome) return form.setFieldError('outcome', 'Please say how the call went.');
    if (outcome !== 'promised') {
      return void act({
        itemId: item.id,
        action: 'log_call',
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    }
    const amount = parseAmount(promiseAmount, promiseCurrency);
    if (!amount.ok) {
      return form.setFieldError('promiseAmount', amountProblem(amount.reason, promiseCurrency));
    }
    if (!promiseDate) return form.setFieldError('promiseDate', 'Please give the day promised.');
    void act({
      itemId: item.id,
      action: 'log_call',
      outcome,
      ...(note.trim() ? { note: note.trim() } : {}),
      // The API records a promise made on a call as made by phone, whatever is sent here.
      promise: {
        date: promiseDate,
        amount: amount.minor,
        currency: promiseCurrency,
        channel: 'phone',
      },
    });
  };

  return (
    <FormBody onSubmit={submit}>
      <Select
        label="How did it go?"
        placeholder="Pick one"
        data={outcomes}
        withAsterisk
        allowDeselect={false}
        data-autofocus
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('outcome')}
      />
      {promised && (
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Promised by"
            withAsterisk
            min={today}
            {...form.getInputProps('promiseDate')}
          />
          <TextInput
            label={`Amount (${values.promiseCurrency})`}
            inputMode="decimal"
            withAsterisk
            classNames={{ input: 'amount-input' }}
            {...form.getInputProps('promiseAmount')}
          />
          {currencies.length > 1 && (
            <Select
              label="Currency"
              data={currencies}
              allowDeselect={false}
              {...form.getInputProps('promiseCurrency')}
              onChange={(currency) => {
                if (!currency) return;
                form.setFieldValue('promiseCurrency', currency);
                form.setFieldValue(
                  'promiseAmount',
                  minorToDecimalString(openIn(currency), currency),
                );
              }}
            />
          )}
        </Group>
      )}
      <Textarea
        label="Note"
        description={
          values.outcome === 'disputed'
            ? 'What they dispute. Chasing pauses until the dispute is settled.'
            : 'Optional: what was said, for next time.'
        }
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
      {problem && <FormProblem>{problem}</FormProblem>}
      <Buttons busy={busy} confirm="Log the call" onClose={props.onClose} />
    </FormBody>
  );
}
