import { Button, Group, Loader, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState } from 'react';
import type { OutboxMessage, OutboxMessageDetail } from '../../../shared/mail/outbox';
import { call } from '../../api';
import { problemAfterSave } from '../../components/field-issues';
import { LoadProblem } from '../../components/LoadProblem';
import { FormProblem } from '../../components/SaveBar';
import { useLoad } from '../../hooks/useLoad';

/** Changes the words of a message before it goes: its subject and its text. */
export function EditMessageDialog(props: {
  message: OutboxMessage | null;
  onClose: () => void;
  onSaved: (message: OutboxMessageDetail) => void;
}) {
  const { message } = props;
  return (
    <Modal opened={message !== null} onClose={props.onClose} title="Change the words" size="lg">
      {message && <EditForm key={message.id} {...props} message={message} />}
    </Modal>
  );
}

function EditForm(props: {
  message: OutboxMessage;
  onClose: () => void;
  onSaved: (message: OutboxMessageDetail) => void;
}) {
  const { id } = props.message;
  const load = useCallback(() => call('outbox.get', { id }), [id]);
  const detail = useLoad(load);
  if (detail.error) {
    return <LoadProblem error={detail.error} onRetry={detail.reload} what="the message" />;
  }
  if (!detail.value) return <Loader aria-label="Loading" />;
  return <WordsForm {...props} detail={detail.value} />;
}

function WordsForm(props: {
  detail: OutboxMessageDetail;
  onClose: () => void;
  onSaved: (message: OutboxMessageDetail) => void;
}) {
  const { detail } = props;
  const form = useForm({
    mode: 'controlled',
    initialValues: { subject: detail.subject, text: detail.text },
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    setProblem(null);
    try {
      props.onSaved(await call('outbox.edit', { id: detail.id, ...values }));
    } catch (error) {
      setProblem(problemAfterSave(form, error, (field) => (field === 'id' ? null : field)));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          To {detail.customerName} at {detail.to}.
          {detail.attachments.length > 0 && ' The attachments stay as they are.'}
        </Text>
        <TextInput label="Subject" withAsterisk {...form.getInputProps('subject')} />
        <Textarea
          label="Message"
          withAsterisk
          autosize
          minRows={8}
          maxRows={20}
          {...form.getInputProps('text')}
        />
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep as it was
          </Button>
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            Save the words
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
