import { Alert, Button, Text, Title, Stack } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronUp,
  IconMailForward,
  IconSend,
  IconSettings,
  IconSun,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailAccountView } from '../../../shared/api/mail';
import type { OutboxMessage, OutboxState } from '../../../shared/mail/outbox';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { saveFile } from '../../components/save-file';
import { DoneNotice } from '../../components/DoneNotice';
import { FormProblem } from '../../components/SaveBar';
import { StillLoading } from '../../components/StillLoading';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { EditMessageDialog } from './EditMessageDialog';
import { MessageCard, type MessageAction } from './MessageCard';
import classes from './Outbox.module.css';
import {
  groupOutbox,
  historyLimit,
  onItsWayStates,
  outboxGroups,
  sendNowWords,
  type GroupedOutbox,
} from './outbox-view';

/** While something is on its way, the screen looks again at least this often. */
const refreshMs = 5_000;

interface Outbox {
  account: MailAccountView;
  messages: OutboxMessage[];
}

/**
 * Every state is read on its own, so a long history of sent messages never pushes one that
 * needs the owner out of the list; sent and cancelled show their latest only.
 */
async function loadOutbox(): Promise<Outbox> {
  const states = outboxGroups.flatMap((group) => group.states);
  const history: OutboxState[] = ['sent', 'cancelled'];
  const [account, ...lists] = await Promise.all([
    call('mail.account'),
    ...states.map((state) =>
      call('outbox.list', { state, limit: history.includes(state) ? historyLimit : 1000 }),
    ),
  ]);
  return { account, messages: lists.flat() };
}

/** What the last action did, said once in a calm line at the top. */
interface Done {
  title: string;
  message: string;
}

/** Messages on their way to customers: what needs the owner first, then what goes, then what went. */
export function OutboxScreen() {
  const format = useFormat();
  const navigate = useNavigate();
  const outbox = useLoad(loadOutbox);
  const { reload } = outbox;
  const [busy, setBusy] = useState<{ id: number; action: MessageAction } | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<{ id: number; text: string } | null>(null);
  const [editing, setEditing] = useState<OutboxMessage | null>(null);
  const [revisions, setRevisions] = useState<ReadonlyMap<number, number>>(new Map());

  const messages = outbox.value?.messages ?? [];
  const onItsWay = messages.filter((m) => onItsWayStates.includes(m.state)).length;

  // While something is on its way, look again: soon after the screen opens or the owner acts
  // (a message is usually sent within a second or two), then every few seconds. And whenever
  // the window comes back into view.
  const polls = useRef(0);
  const lookSoon = useCallback(() => {
    polls.current = 0;
    reload();
  }, [reload]);
  useEffect(() => {
    if (onItsWay === 0) return;
    const timer = setTimeout(
      () => {
        polls.current += 1;
        reload();
      },
      Math.min(refreshMs, 1000 * 2 ** polls.current),
    );
    return () => clearTimeout(timer);
  }, [outbox.value, onItsWay, reload]);
  useEffect(() => {
    window.addEventListener('focus', lookSoon);
    return () => window.removeEventListener('focus', lookSoon);
  }, [lookSoon]);

  const finished = (message: OutboxMessage, words: string) => {
    setDone({ title: message.customerName, message: words });
    setProblem(null);
    lookSoon();
  };

  const act = async (message: OutboxMessage, action: MessageAction) => {
    if (action === 'edit') return setEditing(message);
    const { id } = message;
    setBusy({ id, action });
    setProblem(null);
    if (note?.id === id) setNote(null);
    try {
      switch (action) {
        case 'retry':
          await call('outbox.retry', { id });
          return finished(message, 'Back in the queue: it goes out within a minute.');
        case 'cancel':
          await call('outbox.cancel', { id });
          return finished(
            message,
            'Cancelled: it will not go. It stays under Cancelled if you change your mind.',
          );
        case 'was_sent':
          await call('outbox.resolve', { id, outcome: 'was_sent' });
          return finished(message, 'Noted as sent.');
        case 'send_again':
          await call('outbox.resolve', { id, outcome: 'send_again' });
          return finished(message, 'Sending it again.');
        case 'mark_sent':
          await call('outbox.markSent', { id });
          return finished(message, 'Noted as sent from your own mail program.');
        case 'eml': {
          const file = await call('outbox.eml', { id });
          saveFile(file, 'message/rfc822');
          setDone({
            title: message.customerName,
            message: `Saved ${file.fileName}. Open it to send it from your mail program, then press “I’ve sent it”.`,
          });
          return;
        }
        case 'open': {
          const opened = await call('outbox.openInMailProgram', { id });
          if (opened.opened) {
            setDone({
              title: message.customerName,
              message:
                'Opened in your mail program. Send it from there, then press “I’ve sent it”.',
            });
          } else {
            setNote({
              id,
              text:
                opened.reason ?? 'Your mail program could not be opened: save the .eml instead.',
            });
          }
          return;
        }
      }
    } catch (error) {
      setProblem(`${message.customerName}: ${(error as Error).message}`);
      reload();
    } finally {
      setBusy(null);
    }
  };

  const sendNow = async () => {
    setSending(true);
    setProblem(null);
    try {
      const result = await call('outbox.sendNow');
      setDone({ title: 'Send now', message: sendNowWords(result) });
      lookSoon();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setSending(false);
    }
  };

  const value = outbox.value;
  const grouped = groupOutbox(messages);
  const needsYou = grouped[0]!.messages.length;
  const header = (
    <PageHeader
      title="Outbox"
      description={
        value && messages.length > 0
          ? [
              needsYou > 0 && format.count(needsYou, 'message needs you', 'messages need you'),
              onItsWay > 0 && `${format.number(onItsWay)} on its way`,
            ]
              .filter(Boolean)
              .join(' · ') || 'Everything has gone.'
          : 'Messages on their way to your customers.'
      }
      actions={
        value?.account.configured && (
          <Button
            leftSection={<IconSend size={18} />}
            loading={sending}
            onClick={() => void sendNow()}
          >
            Send now
          </Button>
        )
      }
    />
  );
  if (!value) {
    return <StillLoading top={header} error={outbox.error} onRetry={reload} what="the outbox" />;
  }

  return (
    <Stack className="screen" gap="lg">
      {header}
      {done && <DoneNotice who={done.title} message={done.message} onClose={() => setDone(null)} />}
      {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
      {outbox.error && <FormProblem>{outbox.error.message}</FormProblem>}
      {!value.account.configured && messages.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconMailForward size={20} />}>
          <Text fz="sm">
            No mail account is set up, so approved messages wait here as drafts to send from your
            own mail program.{' '}
            <AppLink to={{ screen: 'settings' }} fz="sm">
              Set up your account in Settings
            </AppLink>{' '}
            to let Goodwill send them for you.
          </Text>
        </Alert>
      )}
      {messages.length === 0 ? (
        <EmptyState
          icon={<IconSun size={26} />}
          title="Nothing in the outbox"
          action={
            value.account.configured ? (
              <Button variant="light" onClick={() => navigate({ screen: 'today' })}>
                See what to do today
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconSettings size={18} />}
                onClick={() => navigate({ screen: 'settings' })}
              >
                Set up your mail account
              </Button>
            )
          }
        >
          {value.account.configured
            ? 'When you approve a reminder on Today, its email comes here and goes out from your own account. Anything that needs you, like a message the server refused, shows at the top.'
            : 'When you approve a reminder on Today, its email comes here. Set up your mail account and Goodwill sends it for you; without one, it waits as a draft for your own mail program.'}
        </EmptyState>
      ) : (
        <div className={classes.groups}>
          {grouped.map((entry) => (
            <OutboxGroupList
              key={entry.group.key}
              entry={entry}
              busy={busy}
              note={note}
              revisions={revisions}
              onAction={(message, action) => void act(message, action)}
            />
          ))}
        </div>
      )}
      <EditMessageDialog
        message={editing}
        onClose={() => setEditing(null)}
        onSaved={(edited) => {
          setEditing(null);
          setRevisions((before) =>
            new Map(before).set(edited.id, (before.get(edited.id) ?? 0) + 1),
          );
          finished(edited, 'The new words are saved.');
        }}
      />
    </Stack>
  );
}

function OutboxGroupList(props: {
  entry: GroupedOutbox;
  busy: { id: number; action: MessageAction } | null;
  note: { id: number; text: string } | null;
  revisions: ReadonlyMap<number, number>;
  onAction: (message: OutboxMessage, action: MessageAction) => void;
}) {
  const { group, messages } = props.entry;
  const format = useFormat();
  const collapsible = group.key === 'cancelled';
  const [open, setOpen] = useState(!collapsible);
  const titleId = `outbox-${group.key}`;
  const listId = `${titleId}-list`;
  // Cancelled messages matter only when there are some.
  if (collapsible && messages.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <div className={classes.groupTitle}>
        <Title order={2} size="h4" id={titleId} c={collapsible ? 'dimmed' : undefined}>
          {group.title}
        </Title>
        {messages.length > 0 && (
          <Text span fz="sm" c="dimmed">
            {format.number(messages.length)}
          </Text>
        )}
        {collapsible && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            rightSection={open ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => setOpen((was) => !was)}
          >
            {open ? 'Hide' : 'Show'}
          </Button>
        )}
      </div>
      {messages.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {group.none}
        </Text>
      ) : (
        open && (
          <ul className={classes.list} id={listId} aria-labelledby={titleId}>
            {messages.map((message) => (
              <MessageCard
                key={message.id}
                message={message}
                busy={props.busy?.id === message.id ? props.busy.action : null}
                note={props.note?.id === message.id ? props.note.text : null}
                revision={props.revisions.get(message.id) ?? 0}
                onAction={props.onAction}
              />
            ))}
          </ul>
        )
      )}
      {group.key === 'sent' && messages.length >= historyLimit && (
        <Text fz="sm" c="dimmed" mt="xs">
          The latest {format.number(historyLimit)} are shown.
        </Text>
      )}
    </section>
  );
}
