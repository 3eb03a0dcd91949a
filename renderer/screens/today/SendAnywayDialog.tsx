import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { toneCategoryLabels } from '../../../shared/letters/tone';
import type { QueueItem } from '../../../shared/reminders/queue';
import { useNavigate } from '../../router';
import type { LetterConcern } from './letter-check';

export interface SendAnyway {
  item: QueueItem & { id: number };
  concern: LetterConcern;
}

/**
 * Asked before a letter goes out with wording that can read as a threat, an insult or an
 * unagreed fee (or that could not be checked): the owner sends it knowingly, or fixes it.
 */
export function SendAnywayDialog(props: {
  open: SendAnyway | null;
  busy: boolean;
  onClose: () => void;
  onSend: (item: QueueItem & { id: number }) => void;
}) {
  const navigate = useNavigate();
  const { open } = props;
  const harsh = open?.concern.kind === 'harsh';
  return (
    <Modal
      opened={open !== null}
      onClose={props.onClose}
      size="lg"
      title={harsh ? 'This letter may read as a threat' : 'This letter could not be checked'}
    >
      {open && (
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {open.item.customerName} · {open.item.stepName}
          </Text>
          {open.concern.kind === 'harsh' ? (
            <>
              <Text fz="sm">
                The tone check found wording that can frighten or offend a customer, and often costs
                the relationship:
              </Text>
              <ul className="reason-list" aria-label="What reads badly">
                {open.concern.findings.map((finding) => (
                  <li key={`${finding.start}-${finding.ruleId}`}>
                    <strong>“{finding.text}”</strong> ({toneCategoryLabels[finding.category]}).{' '}
                    {finding.why}
                  </li>
                ))}
              </ul>
              <Text fz="sm">
                You can change the wording under Letters first, or send it as it is if you mean
                every word.
              </Text>
            </>
          ) : (
            <Text fz="sm">
              Goodwill could not draft this letter to check its tone: {open.concern.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button
              variant="default"
              onClick={() => navigate({ screen: 'letter', occasion: open.concern.occasion })}
            >
              Edit the letter
            </Button>
            <Button
              color={harsh ? 'red' : undefined}
              loading={props.busy}
              onClick={() => props.onSend(open.item)}
            >
              Send anyway
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
