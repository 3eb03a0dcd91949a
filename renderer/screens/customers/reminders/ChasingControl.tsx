import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { InvoicePause } from '../../../../shared/api/reminders';
import { addDays } from '../../../../shared/dates';
import type { InvoiceSummary } from '../../../../shared/ledger';
import { call } from '../../../api';
import { useBusiness } from '../../../business';
import { problemAfterSave } from '../../../components/field-issues';
import { FormProblem } from '../../../components/SaveBar';
import { useFormat } from '../../../format';

/** One invoice's chasing: paused until a date (with a way to resume), or a way to pause it. */
export function ChasingControl(props: {
  invoice: InvoiceSummary;
  pause: InvoicePause | undefined;
  onChanged: () => void;
}) {
  const format = useFormat();
  const [pausing, setPausing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { invoice, pause } = props;

  const resume = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call('reminders.resumeInvoice', { invoiceId: invoice.id });
      props.onChanged();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={0} align="flex-start">
      {pause ? (
        <>
          <Text fz="xs" fw={500} c="yellow.9" className="chasing-paused" title={pause.reason}>
            Paused until <span className="nowrap">{format.date(pause.until)}</span>
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            loading={busy}
            aria-label={`Resume chasing ${invoice.number}`}
            onClick={() => void resume()}
          >
            Resume
          </Button>
        </>
      ) : (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          leftSection={<IconPlayerPause size={14} />}
          aria-label={`Pause chasing ${invoice.number}`}
          onClick={() => setPausing(true)}
        >
          Pause
        </Button>
      )}
      {problem && (
        <Text fz="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
      <Modal
        opened={pausing}
        onClose={() => setPausing(false)}
        title={`Pause chasing of ${invoice.number}`}
      >
        {pausing && (
          <PauseForm
            invoiceId={invoice.id}
            onCancel={() => setPausing(false)}
            onDone={() => {
              setPausing(false);
              props.onChanged();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function PauseForm(props: { invoiceId: number; onCancel: () => void; onDone: () => void }) {
  const { today } = useBusiness();
  const form = useForm({
    mode: 'controlled',
    initialValues: { until: addDays(today, 14), reason: '' },
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    setProblem(null);
    try {
      await call('reminders.pauseInvoice', { invoiceId: props.invoiceId, ...values });
      props.onDone();
    } catch (error) {
      setProblem(
        problemAfterSave(form, error, (field) =>
          field === 'until' || field === 'reason' ? field : null,
        ),
      );
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">
          No reminders go about this invoice meanwhile. It still counts as owed, and their other
          invoices are chased as usual.
        </Text>
        <TextInput
          type="date"
          label="Paused until"
          description="Reminders may start again the day after."
          withAsterisk
          {...form.getInputProps('until')}
        />
        <TextInput label="Why" withAsterisk data-autofocus {...form.getInputProps('reason')} />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Pause chasing
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
