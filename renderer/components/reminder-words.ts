/** Reminder terms in the owner's words: steps, channels, call outcomes, promise states. */
import type { CallOutcomeKey, PromiseView } from '../../shared/api/reminders';
import { stepNames, type StepChannel, type StepKey } from '../../shared/reminders/ladder';
import type { QueueStatus } from '../../shared/reminders/queue';

/** Text to start a line with: its first letter (after any opening quote) made a capital. */
export function capitalised(text: string): string {
  return text.replace(
    /^("?)(\p{Ll})/u,
    (_, quote: string, first: string) => quote + first.toUpperCase(),
  );
}

/** A step's name to start a line or a table cell with: "Check-in", "\"May have slipped through\"". */
export function stepTitle(key: StepKey): string {
  return capitalised(stepNames[key]);
}

/** "3 days before it is due", "the day after it is due", "14 days after it is due". */
export function whenWords(days: number): string {
  const count = Math.abs(days);
  if (days === 0) return 'on the due date';
  const unit = count === 1 ? 'the day' : `${count} days`;
  return days < 0 ? `${unit} before it is due` : `${unit} after it is due`;
}

export const channelLabels: Record<StepChannel, string> = {
  email: 'Email',
  letter: 'Letter',
  letter_email: 'Letter and email',
  call: 'Phone call',
  decision: 'Your decision',
};

export const callOutcomeLabels: Record<CallOutcomeKey, string> = {
  reached: 'Spoke with them',
  no_answer: 'No answer',
  voicemail: 'Left a voicemail',
  promised: 'They promised to pay',
  disputed: 'They dispute it',
  wrong_number: 'Wrong number',
};

export const promiseChannelLabels: Record<PromiseView['channel'], string> = {
  phone: 'By phone',
  email: 'By email',
  letter: 'By letter',
  in_person: 'In person',
  other: 'Another way',
};

export const promiseStateLabels: Record<PromiseView['state'], { label: string; color: string }> = {
  in_time: { label: 'In time', color: 'blue' },
  kept: { label: 'Kept', color: 'teal' },
  broken: { label: 'Broken', color: 'orange' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export const queueStatusLabels: Record<QueueStatus, { label: string; color: string }> = {
  ready: { label: 'Ready today', color: 'teal' },
  waiting: { label: 'Waiting', color: 'blue' },
  snoozed: { label: 'Snoozed', color: 'gray' },
  blocked: { label: 'On hold', color: 'yellow' },
};

/** Select options from a label map, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, string>) {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
