import { Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMail, IconMailbox, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import type { ContactView } from '../../../../shared/api/reminders';
import type { LadderStepKey } from '../../../../shared/reminders/ladder';
import { ladderStepKeys } from '../../../../shared/reminders/ladder';
import { callOutcomeLabels, channelLabels, stepTitle } from '../../../components/reminder-words';
import { useFormat } from '../../../format';
import { CustomerCard } from '../CustomerCard';
import { LogCallForm } from './LogCallForm';

/** Calls logged and messages sent, newest first, and a way to log a call. */
export function CallsCard(props: {
  customerId: number;
  contacts: readonly ContactView[];
  onChanged: () => void;
}) {
  const [logging, setLogging] = useState(false);
  return (
    <CustomerCard title="Calls and messages">
      {props.contacts.length === 0 ? (
        <Text c="dimmed" fz="sm">
          No calls or reminders yet.
        </Text>
      ) : (
        <ul className="plain-list row-list" aria-label="Contacts">
          {props.contacts.map((contact) => (
            <ContactRow key={contact.id} contact={contact} />
          ))}
        </ul>
      )}
      <Group>
        <Button size="xs" variant="light" onClick={() => setLogging(true)}>
          Log a call
        </Button>
      </Group>
      <Modal opened={logging} onClose={() => setLogging(false)} title="Log a call">
        {logging && (
          <LogCallForm
            customerId={props.customerId}
            onCancel={() => setLogging(false)}
            onDone={() => {
              setLogging(false);
              props.onChanged();
            }}
          />
        )}
      </Modal>
    </CustomerCard>
  );
}

function ContactRow({ contact }: { contact: ContactView }) {
  const format = useFormat();
  const Icon =
    contact.channel === 'call' ? IconPhone : contact.channel === 'email' ? IconMail : IconMailbox;
  const step =
    contact.step && (ladderStepKeys as readonly string[]).includes(contact.step)
      ? stepTitle(contact.step as LadderStepKey)
      : null;
  const title =
    contact.channel === 'call'
      ? `Call: ${contact.outcome ? callOutcomeLabels[contact.outcome] : 'logged'}`
      : `${channelLabels[contact.channel]}${step ? `: ${step}` : ''}`;
  return (
    <li>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" color="gray" size="md" radius="xl">
          <Icon size={14} />
        </ThemeIcon>
        <Stack gap={2} miw={0}>
          <Text fz="sm" fw={500}>
            {title}
          </Text>
          {contact.note && (
            <Text fz="xs" className="pre-wrap">
              {contact.note}
            </Text>
          )}
          <Text fz="xs" c="dimmed">
            {format.instant(contact.occurredAt)}
          </Text>
        </Stack>
      </Group>
    </li>
  );
}
