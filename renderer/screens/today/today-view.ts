/**
 * How the Today queue is laid out: ready rows under what the owner does with them, every
 * other row in one quiet section. The rules of what is due live in shared/reminders; this only
 * sorts what the API said into places on the screen.
 */
import type { CalendarDate } from '../../../shared/dates';
import type { QueueGroup, QueueItem } from '../../../shared/reminders/queue';

export type SectionKey = QueueGroup | 'paused';

export interface TodaySection {
  key: SectionKey;
  title: string;
  /** Said under the title when the section has no rows. */
  none: string;
  items: QueueItem[];
}

const actionSections: { key: QueueGroup; title: string; none: string; alwaysShown: boolean }[] = [
  { key: 'send', title: 'To send', none: 'Nothing to send today.', alwaysShown: true },
  { key: 'call', title: 'To call', none: 'No calls to make today.', alwaysShown: true },
  {
    key: 'promises',
    title: 'Promises falling due',
    none: 'No promises fall due today.',
    alwaysShown: true,
  },
  // Payment plans come later; until then this section only shows when it has rows.
  { key: 'plans', title: 'Plan instalments due', none: '', alwaysShown: false },
  { key: 'decide', title: 'Decisions', none: 'Nothing to decide today.', alwaysShown: true },
];

/** A stable key for a row: blocked rows have no id of their own. */
export function rowKey(item: QueueItem): string {
  return item.id !== null ? `item-${item.id}` : `blocked-${item.customerId}-${item.stepName}`;
}

/**
 * The sections of the screen, in order. Rows acted on a moment ago (`gone`) are left out until
 * the queue is read again. The action sections show only when something is ready at all, so an
 * empty day is one kind sentence rather than four empty headings.
 */
export function todaySections(
  items: readonly QueueItem[],
  gone: ReadonlySet<string> = new Set(),
): { actions: TodaySection[]; paused: TodaySection; anythingReady: boolean } {
  const left = items.filter((item) => !gone.has(rowKey(item)));
  const ready = left.filter((item) => item.status === 'ready');
  const actions = actionSections
    .map(({ key, title, none, alwaysShown }) => ({
      key,
      title,
      none,
      alwaysShown,
      items: ready.filter((item) => item.group === key),
    }))
    .filter((section) => section.alwaysShown || section.items.length > 0)
    .map(({ alwaysShown: _, ...section }) => section);
  return {
    actions: ready.length > 0 ? actions : [],
    paused: {
      key: 'paused',
      title: 'Waiting and paused',
      none: '',
      items: left.filter((item) => item.status !== 'ready'),
    },
    anythingReady: ready.length > 0,
  };
}

/** The action a row's main button takes: calls are logged, decisions and promises noted. */
export type MainAction = 'approve' | 'note' | 'log_call';

export function mainAction(item: QueueItem): MainAction | null {
  if (item.id === null) return null;
  if (item.channel === 'call') return 'log_call';
  if (item.group === 'promises' || item.channel === 'decision') return 'note';
  return 'approve';
}

/** The ladder steps whose message offers a payment plan: the check-in and the final notice. */
const stepsOfferingAPlan: readonly string[] = ['check_in', 'final'];

/** Whether the row can lead to the plan builder for its customer. */
export function offersPlan(item: QueueItem): boolean {
  return item.step !== null && stepsOfferingAPlan.includes(item.step);
}

/** The reasons as sentences: the API starts some with a step's name, in lower case. */
export function whySentences(item: QueueItem): string[] {
  return (
    item.why
      // The status line says when a snooze ends, with the date written for people.
      .filter((line) => !(item.snoozedUntil && line.startsWith('Snoozed until ')))
      .map((line) => line.charAt(0).toLocaleUpperCase() + line.slice(1))
  );
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Monday 15 March 2027" (en-GB), "Monday, March 15, 2027" (en-US). */
export function formatDay(date: CalendarDate, locale: string): string {
  let formatter = dayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    dayFormatters.set(locale, formatter);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatter.format(new Date(Date.UTC(year, month - 1, day)));
}
