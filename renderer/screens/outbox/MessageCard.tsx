import { Alert, Badge, Button, Group, Loader, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronUp,
  IconDownload,
  IconExternalLink,
  IconPaperclip,
} from '@tabler/icons-react';
import { useCallback, useId, useState, type ReactNode } from 'react';
import type { OutboxMessage } from '../../../shared/mail/outbox';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { useBusiness } from '../../business';
import { useFormat, type Formatters } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import classes from './Outbox.module.css';
import { fileSize, stateColors, stateLabels } from './outbox-view';

export type MessageAction =
  'retry' | 'cancel' | 'was_sent' | 'send_again' | 'mark_sent' | 'eml' | 'open' | 'edit';

/**
 * One message: who it is for, what it says, where it stands in words, and the owner's
 * choices for it. Its text opens below on request.
 */
export function MessageCard(props: {
  message: OutboxMessage;
  /** The action under way on this message, if any. */
  busy: MessageAction | null;
  /** Something to say about this message only (the mail program could not be opened). */
  note: string | null;
  /** Changes after each edit, so open words are read again. */
  revision: number;
  onAction: (message: OutboxMessage, action: MessageAction) => void;
}) {
  const { message } = props;
  const format = useFormat();
  const { locale } = useBusiness();
  const [reading, setReading] = useState(false);
  const textId = useId();
  const needsYou = ['uncertain', 'failed', 'draft'].includes(message.state);
  const quiet = message.state === 'cancelled';
  const className = [classes.message, needsYou && classes.needsYou, quiet && classes.quiet]
    .filter(Boolean)
    .join(' ');

  const button = (
    action: MessageAction,
    label: string,
    extra: { primary?: boolean; icon?: ReactNode } = {},
  ) => (
    <Button
      size="compact-sm"
      variant={extra.primary ? 'filled' : 'default'}
      leftSection={extra.icon}
      loading={props.busy === action}
      disabled={props.busy !== null && props.busy !== action}
      onClick={() => props.onAction(message, action)}
    >
      {label}
    </Button>
  );
  const quietButton = (action: MessageAction, label: string) => (
    <Button
      size="compact-sm"
      variant="subtle"
      color="gray"
      loading={props.busy === action}
      disabled={props.busy !== null && props.busy !== action}
      onClick={() => props.onAction(message, action)}
    >
      {label}
    </Button>
  );

  let actions: ReactNode = null;
  switch (message.state) {
    case 'uncertain':
      actions = (
        <>
          {button('was_sent', 'It was sent', { primary: true })}
          {button('send_again', 'Send again')}
        </>
      );
      break;
    case 'failed':
      actions = (
        <>
          {button('retry', 'Retry', { primary: true })}
          {button('edit', 'Edit')}
          {quietButton('cancel', 'Cancel')}
        </>
      );
      break;
    case 'draft':
      actions = (
        <>
          {button('eml', 'Save .eml', { icon: <IconDownload size={16} /> })}
          {button('open', 'Open in mail program', { icon: <IconExternalLink size={16} /> })}
          {button('mark_sent', 'I’ve sent it', { primary: true })}
          {quietButton('edit', 'Edit')}
          {quietButton('cancel', 'Cancel')}
        </>
      );
      break;
    case 'waiting':
    case 'retrying':
      actions = (
        <>
          {quietButton('edit', 'Edit')}
          {quietButton('cancel', 'Cancel')}
        </>
      );
      break;
    case 'cancelled':
      actions = quietButton('retry', 'Send after all');
      break;
  }

  const readButton = (
    <Button
      size="compact-sm"
      variant="subtle"
      rightSection={reading ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
      aria-expanded={reading}
      aria-controls={reading ? textId : undefined}
      onClick={() => setReading((open) => !open)}
    >
      {reading ? 'Hide message' : 'Read message'}
    </Button>
  );

  return (
    <li className={className} aria-label={`${message.customerName}: ${message.subject}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Text fw={600} className={classes.subject}>
          {message.subject}
        </Text>
        <Badge color={stateColors[message.state]} variant="light" tt="none" miw="fit-content">
          {stateLabels[message.state]}
        </Badge>
      </Group>
      <div className={classes.meta}>
        <span>
          <AppLink to={{ screen: 'customer', id: message.customerId }} fz="sm">
            {message.customerName}
          </AppLink>
        </span>
        <span>
          To {message.to}
          {message.cc.length > 0 && `, copy to ${message.cc.join(', ')}`}
        </span>
        {message.attachments.map((attachment) => (
          <span key={attachment.fileName}>
            <IconPaperclip size={14} aria-label="Attached" />
            {attachment.fileName} ({fileSize(attachment.size, locale)})
          </span>
        ))}
      </div>
      {actions ? (
        <>
          <StateWords message={message} format={format} />
          {props.note && (
            <Alert color="blue" variant="light" p="xs">
              <Text fz="sm">{props.note}</Text>
            </Alert>
          )}
          <Group gap="xs" justify="space-between">
            <Group gap="xs">{actions}</Group>
            {readButton}
          </Group>
        </>
      ) : (
        // Nothing to choose: the toggle sits beside the state, keeping the card short.
        <Group gap="xs" justify="space-between" align="flex-end" wrap="nowrap">
          <StateWords message={message} format={format} />
          {readButton}
        </Group>
      )}
      {reading && <MessageText id={textId} messageId={message.id} revision={props.revision} />}
    </li>
  );
}

/** Where the message stands, in a sentence or two. */
function StateWords(props: { message: OutboxMessage; format: Formatters }) {
  const { message, format } = props;
  const server = message.lastError && (
    <Text className={classes.serverWords}>{message.lastError}</Text>
  );
  switch (message.state) {
    case 'uncertain':
      return (
        <div>
          <Text className={classes.state}>
            Did it go? Look in your Sent folder for “{message.subject}” to {message.to}.
          </Text>
          {server}
        </div>
      );
    case 'failed':
      return (
        <div>
          <Text className={classes.state}>
            It could not be sent. Check the address or the words, then try again.
          </Text>
          {server}
        </div>
      );
    case 'draft':
      return (
        <Text className={classes.state}>
          To send it from your own mail program: save it or open it there, send it, then press “I’ve
          sent it”.
        </Text>
      );
    case 'queued':
      return (
        <Text className={classes.state} c="dimmed">
          {message.nextAttemptAt && message.nextAttemptAt > message.createdAt
            ? `Waiting for the customer’s contact window: it goes from ${format.instant(message.nextAttemptAt)}.`
            : 'Goes out within a minute.'}
        </Text>
      );
    case 'sending':
      return (
        <Text className={classes.state} c="dimmed">
          Being sent now.
        </Text>
      );
    case 'waiting':
      return (
        <div>
          <Text className={classes.state}>
            Waiting for the connection; Goodwill tries again every minute.
          </Text>
          {server}
        </div>
      );
    case 'retrying':
      return (
        <div>
          <Text className={classes.state}>
            The mail server asked to try later.
            {message.nextAttemptAt && ` Next try ${format.instant(message.nextAttemptAt)}.`}
          </Text>
          {server}
        </div>
      );
    case 'sent':
      return (
        <div>
          <Text className={classes.state} c="dimmed">
            {message.sentAt ? `Sent ${format.instant(message.sentAt)}.` : 'Sent.'}
          </Text>
          {message.response && (
            <Text className={classes.serverWords}>The server said: {message.response}</Text>
          )}
        </div>
      );
    case 'cancelled':
      return (
        <Text className={classes.state} c="dimmed">
          Cancelled: it will not go.
        </Text>
      );
  }
}

/** The words of the message, read when asked for. */
function MessageText(props: { id: string; messageId: number; revision: number }) {
  const { messageId, revision } = props;
  const load = useCallback(() => {
    void revision; // Read again after an edit.
    return call('outbox.get', { id: messageId });
  }, [messageId, revision]);
  const detail = useLoad(load);
  if (detail.error) {
    return (
      <Text id={props.id} fz="sm" c="red">
        The words could not be read: {detail.error.message}
      </Text>
    );
  }
  if (!detail.value) return <Loader id={props.id} size="sm" aria-label="Loading" />;
  return (
    <pre id={props.id} className={classes.text} aria-label="Message text">
      {detail.value.text}
    </pre>
  );
}
