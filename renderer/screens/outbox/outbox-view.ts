/** The Outbox screen's words and grouping: which messages go where, in what order. */
import type { OutboxMessage, OutboxState } from '../../../shared/mail/outbox';

export type GroupKey = 'needsYou' | 'onItsWay' | 'sent' | 'cancelled';

export interface OutboxGroup {
  key: GroupKey;
  title: string;
  /** Said when the group is empty. */
  none: string;
  /** In the order they are shown: the most pressing first. */
  states: readonly OutboxState[];
}

export const outboxGroups: readonly OutboxGroup[] = [
  {
    key: 'needsYou',
    title: 'Needs you',
    none: 'Nothing needs you: every message is on its way or sent.',
    states: ['uncertain', 'failed', 'draft'],
  },
  {
    key: 'onItsWay',
    title: 'On its way',
    none: 'Nothing is waiting to go.',
    states: ['sending', 'queued', 'waiting', 'retrying'],
  },
  { key: 'sent', title: 'Sent', none: 'Nothing sent yet.', states: ['sent'] },
  { key: 'cancelled', title: 'Cancelled', none: 'Nothing cancelled.', states: ['cancelled'] },
];

/** States the app is still working on: the screen looks again every few seconds. */
export const onItsWayStates: readonly OutboxState[] = outboxGroups[1]!.states;

/** How many of the latest sent and cancelled messages the screen shows. */
export const historyLimit = 50;

export const stateLabels: Record<OutboxState, string> = {
  draft: 'Draft',
  queued: 'Queued',
  sending: 'Sending',
  waiting: 'Waiting',
  retrying: 'Trying again',
  sent: 'Sent',
  failed: 'Not sent',
  uncertain: 'Check',
  cancelled: 'Cancelled',
};

export const stateColors: Record<OutboxState, string> = {
  draft: 'grape',
  queued: 'blue',
  sending: 'blue',
  waiting: 'yellow',
  retrying: 'yellow',
  sent: 'teal',
  failed: 'red',
  uncertain: 'orange',
  cancelled: 'gray',
};

export interface GroupedOutbox {
  group: OutboxGroup;
  messages: OutboxMessage[];
}

/** Messages under their groups: by state in the group's order, the newest first within one. */
export function groupOutbox(messages: readonly OutboxMessage[]): GroupedOutbox[] {
  return outboxGroups.map((group) => ({
    group,
    messages: messages
      .filter((message) => group.states.includes(message.state))
      .sort((a, b) => group.states.indexOf(a.state) - group.states.indexOf(b.state) || b.id - a.id),
  }));
}

/** "24 KB", "1.2 MB": sizes of attachments, roughly. */
export function fileSize(bytes: number, locale: string): string {
  if (bytes < 1024 * 1024) {
    return `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** What "Send now" did, in a sentence. */
export function sendNowWords(result: { sent: number; other: number }): string {
  const messages = (n: number) => (n === 1 ? '1 message' : `${n} messages`);
  if (result.sent === 0 && result.other === 0) return 'Nothing was due to go just now.';
  if (result.other === 0) return `Sent ${messages(result.sent)}.`;
  const notYet = `${messages(result.other)} could not go yet: see below.`;
  return result.sent === 0 ? notYet : `Sent ${messages(result.sent)}; ${notYet}`;
}
