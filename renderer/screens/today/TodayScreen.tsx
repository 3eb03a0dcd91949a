import { Button, Kbd, Stack, Text, Title } from '@mantine/core';
import { IconClockExclamation, IconSun } from '@tabler/icons-react';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ActResult } from '../../../shared/api/reminders';
import type { Occasion } from '../../../shared/letters/occasions';
import type { QueueItem, ReminderQueue } from '../../../shared/reminders/queue';
import { call } from '../../api';
import { useBusiness } from '../../business';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { DoneNotice } from '../../components/DoneNotice';
import { FormProblem } from '../../components/SaveBar';
import { StillLoading } from '../../components/StillLoading';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { ActionDialog, type OpenDialog } from './ActionDialog';
import { useLetterChecks, type CheckedLetter } from './letter-check';
import { HandOverDialog } from './HandOverDialog';
import { QueueRow, type RowAction } from './QueueRow';
import { SendAnywayDialog, type SendAnyway } from './SendAnywayDialog';
import classes from './Today.module.css';
import { formatDay, mainAction, rowKey, todaySections, type TodaySection } from './today-view';

/** Rows acted on a moment ago, hidden until the queue they came from is read again. */
interface Gone {
  from: ReminderQueue | undefined;
  keys: ReadonlySet<string>;
}

/** What happened last, said once in a calm line at the top. */
interface Done {
  customerName: string;
  message: string;
}

/** Rows of the screen in the order they are shown, for moving between them with the keys. */
function rowsIn(list: HTMLElement | null): HTMLElement[] {
  return list ? Array.from(list.querySelectorAll<HTMLElement>('[data-queue-row]')) : [];
}

/** "What should I do today?": the steps ready for the owner, grouped by what they do with them. */
export function TodayScreen() {
  const business = useBusiness();
  const format = useFormat();
  const navigate = useNavigate();
  const load = useCallback(() => call('reminders.queue', {}), []);
  const queue = useLoad(load);
  const [gone, setGone] = useState<Gone>({ from: undefined, keys: new Set() });
  const [done, setDone] = useState<Done | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [sendAnyway, setSendAnyway] = useState<SendAnyway | null>(null);
  const [handOver, setHandOver] = useState<(QueueItem & { id: number }) | null>(null);
  const letters = useLetterChecks();
  const listRef = useRef<HTMLDivElement>(null);
  // After a row leaves, the row that took its place gets the focus, so the keys carry on.
  const focusAt = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (focusAt.current === null) return;
    const rows = rowsIn(listRef.current);
    if (rows.length === 0) return;
    rows[Math.min(focusAt.current, rows.length - 1)]!.focus();
    focusAt.current = null;
  });

  const value = queue.value;
  const hidden = gone.from === value ? gone.keys : new Set<string>();
  const { actions, paused, anythingReady } = todaySections(value?.items ?? [], hidden);

  const finished = (item: QueueItem, result: ActResult) => {
    const key = rowKey(item);
    const index = rowsIn(listRef.current).findIndex((row) => row.dataset.queueRow === key);
    focusAt.current = index >= 0 ? index : null;
    setGone({ from: value, keys: new Set([...hidden, key]) });
    setDialog(null);
    setSendAnyway(null);
    setProblem(null);
    setDone({ customerName: item.customerName, message: result.message });
    queue.reload();
  };

  /**
   * Approves a step. A letter with wording that can read as a threat (or one that could not
   * be checked) waits for an explicit "send anyway" first.
   */
  const approve = async (item: QueueItem & { id: number }, sendingAnyway = false) => {
    setBusyKey(rowKey(item));
    setProblem(null);
    try {
      const concern = sendingAnyway ? null : await letters.concernFor(item);
      if (concern) return setSendAnyway({ item, concern });
      finished(
        item,
        await call('reminders.act', {
          itemId: item.id,
          action: 'approve',
          ...(sendingAnyway ? { sendAnyway: true } : {}),
        }),
      );
    } catch (error) {
      setProblem(`${item.customerName}: ${(error as Error).message}`);
    } finally {
      setBusyKey(null);
    }
  };

  const act = (item: QueueItem, action: RowAction) => {
    if (item.id === null) return;
    const withId = { ...item, id: item.id };
    const main = mainAction(item);
    if (action === 'hand_over') return setHandOver(withId);
    if (action === 'main' && main !== 'log_call') return void approve(withId);
    if (action === 'log_call' || action === 'main') {
      if (main === 'log_call') setDialog({ kind: 'log_call', item: withId });
      return;
    }
    setDialog({ kind: action, item: withId });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const row = target.closest<HTMLElement>('[data-queue-row]');
    if (!row) return;
    const rows = rowsIn(listRef.current);
    const index = rows.indexOf(row);
    const moveTo = (to: number) => {
      event.preventDefault();
      rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
    };
    const item = value?.items.find((candidate) => rowKey(candidate) === row.dataset.queueRow);
    // Letters work with Caps Lock on too.
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    switch (key) {
      case 'ArrowDown':
      case 'j':
        return moveTo(index + 1);
      case 'ArrowUp':
      case 'k':
        return moveTo(index - 1);
      case 'Home':
        return moveTo(0);
      case 'End':
        return moveTo(rows.length - 1);
    }
    if (!item || busyKey !== null) return;
    const byKey: Record<string, RowAction> = { a: 'main', s: 'skip', z: 'snooze', l: 'log_call' };
    const action = byKey[key];
    if (action) {
      event.preventDefault();
      act(item, action);
    }
  };

  const todo = actions.reduce((sum, section) => sum + section.items.length, 0);
  const day = formatDay(value?.date ?? business.today, business.locale);
  const header = (
    <PageHeader
      title="Today"
      description={todo > 0 ? `${day} · ${format.count(todo, 'thing', 'things')} to look at` : day}
    />
  );
  if (!value) {
    return (
      <StillLoading top={header} error={queue.error} onRetry={queue.reload} what="today's list" />
    );
  }

  return (
    <Stack className="screen" gap="lg">
      {header}
      {done && (
        <DoneNotice who={done.customerName} message={done.message} onClose={() => setDone(null)} />
      )}
      {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
      {queue.error && <FormProblem>{queue.error.message}</FormProblem>}
      {anythingReady && <KeyHints />}
      {/* Keys pressed on a row or its buttons land here; see onKeyDown. */}
      <div ref={listRef} className={classes.sections} onKeyDown={onKeyDown}>
        {!anythingReady && (
          <EmptyState
            icon={<IconSun size={26} />}
            title="Nothing to do today"
            action={
              <Button
                variant="light"
                leftSection={<IconClockExclamation size={18} />}
                onClick={() => navigate({ screen: 'overdue' })}
              >
                See who owes you, and how late
              </Button>
            }
          >
            Goodwill proposes reminders when invoices fall overdue: a friendly nudge first, firmer
            steps later, a call when one would help. Each waits here for your approval, so nothing
            goes out without you.
          </EmptyState>
        )}
        {actions.map((section) => (
          <QueueSection
            key={section.key}
            section={section}
            busyKey={busyKey}
            onAction={act}
            checkLetter={letters.check}
          />
        ))}
        {paused.items.length > 0 && (
          <QueueSection
            section={paused}
            quiet
            description="Steps that wait for the contact window, a snooze or a pause. Each says why, and until when."
            busyKey={busyKey}
            onAction={act}
          />
        )}
      </div>
      <ActionDialog open={dialog} onClose={() => setDialog(null)} onDone={finished} />
      <HandOverDialog
        key={handOver?.id ?? 'closed'}
        item={handOver}
        onClose={() => setHandOver(null)}
        onDone={(item, message) => {
          setHandOver(null);
          finished(item, {
            itemId: item.id,
            customerId: item.customerId,
            status: 'done',
            sendAfter: null,
            message,
          });
        }}
      />
      <SendAnywayDialog
        open={sendAnyway}
        busy={sendAnyway !== null && busyKey === rowKey(sendAnyway.item)}
        onClose={() => setSendAnyway(null)}
        onSend={(item) => void approve(item, true)}
      />
    </Stack>
  );
}

function QueueSection(props: {
  section: TodaySection;
  quiet?: boolean;
  description?: string;
  busyKey: string | null;
  onAction: (item: QueueItem, action: RowAction) => void;
  checkLetter?: (item: QueueItem & { id: number }, occasion: Occasion) => Promise<CheckedLetter>;
}) {
  const { section } = props;
  const format = useFormat();
  const titleId = `today-${section.key}`;
  return (
    <section aria-labelledby={titleId}>
      <div className={classes.sectionTitle}>
        <Title order={2} size="h4" id={titleId} c={props.quiet ? 'dimmed' : undefined}>
          {section.title}
        </Title>
        {section.items.length > 0 && (
          <Text span fz="sm" c="dimmed">
            {format.number(section.items.length)}
          </Text>
        )}
      </div>
      {props.description && (
        <Text fz="sm" c="dimmed" mb="xs">
          {props.description}
        </Text>
      )}
      {section.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {section.none}
        </Text>
      ) : (
        <ul className={classes.list} aria-labelledby={titleId}>
          {section.items.map((item) => (
            <QueueRow
              key={rowKey(item)}
              item={item}
              quiet={props.quiet ?? false}
              busy={props.busyKey === rowKey(item)}
              onAction={props.onAction}
              checkLetter={props.checkLetter}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The keys, shown small, so nobody has to guess them. */
function KeyHints() {
  return (
    <div className={classes.keys} aria-label="Keyboard shortcuts">
      <span>
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> or <Kbd>J</Kbd> <Kbd>K</Kbd> move between rows
      </span>
      <span>
        <Kbd>A</Kbd> approve
      </span>
      <span>
        <Kbd>S</Kbd> skip
      </span>
      <span>
        <Kbd>Z</Kbd> snooze
      </span>
      <span>
        <Kbd>L</Kbd> log a call
      </span>
    </div>
  );
}
