/**
 * Whether a proposed step may go now: inside the customer's contact window, after the
 * minimum gap since the last contact, and under the cap for the last 7 days. A step that
 * fails one of these is waiting, and says until when; it comes ready by itself.
 */
import { addDays, calendarDateIn, daysBetween, type CalendarDate } from '../dates';
import { formatCalendarDate } from '../date-format';
import type { CustomerKind } from '../ledger';
import type { ContactWindow, Weekday } from '../settings';
import { checkWindow, instantAt, weekdayOf, windowFor } from './contact-window';
import type { Guardrails } from './guardrails';
import type { StepChannel, StepKey } from './ladder';
import type { SituationContact } from './situation';

export type Readiness =
  { status: 'ready'; why: string[] } | { status: 'waiting'; why: string[]; readyAt: Date | null };

export interface ReadinessContext {
  now: Date;
  today: CalendarDate;
  window: ContactWindow;
  guardrails: Guardrails;
  locale: string;
}

const sevenDaysMs = 7 * 86_400_000;

const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

function ago(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** The kind of contact a step makes, if any: decisions and promise checks make none. */
const notChasing = new Set<StepKey>([
  'thank_you',
  'plan_confirmation',
  'plan_check_in',
  'plan_completed',
]);

export function contactKind(step: StepKey, channel: StepChannel): 'message' | 'call' | null {
  if (step === 'promise_due' || channel === 'decision') return null;
  return channel === 'call' ? 'call' : 'message';
}

export function readiness(
  item: { step: StepKey; channel: StepChannel },
  customer: { kind: CustomerKind; timeZone: string; contacts: readonly SituationContact[] },
  context: ReadinessContext,
): Readiness {
  const kind = contactKind(item.step, item.channel);
  if (kind === null) {
    return { status: 'ready', why: ['Nothing is sent: this is for you to decide.'] };
  }
  const why: string[] = [];
  const waits: Date[] = [];
  const { now, guardrails } = context;
  const window = windowFor(customer.kind, context.window);
  const atStartOf = (date: CalendarDate) => instantAt(date, window.start, customer.timeZone);

  const last = customer.contacts[0];
  // A thank-you is not chasing, nor is a plan's confirmation, check-in or completion: only the
  // window applies to them.
  const chasing = !notChasing.has(item.step);
  if (!last) {
    why.push('No contact yet.');
  } else {
    const lastDay = calendarDateIn(last.at, customer.timeZone);
    const since = daysBetween(lastDay, calendarDateIn(now, customer.timeZone));
    if (chasing && since < guardrails.minGapDays) {
      const from = addDays(lastDay, guardrails.minGapDays);
      why.push(
        `Last contact ${ago(since)}; the minimum gap is ${guardrails.minGapDays} days (from ${formatCalendarDate(from, context.locale)}).`,
      );
      waits.push(atStartOf(from));
    } else {
      why.push(`Last contact ${ago(since)}.`);
    }
  }

  if (chasing) {
    const cap = kind === 'call' ? guardrails.callsPer7Days : guardrails.messagesPer7Days;
    const recent = customer.contacts.filter(
      (contact) => contact.channel === kind && now.getTime() - contact.at.getTime() < sevenDaysMs,
    );
    if (recent.length >= cap) {
      // The oldest of the last `cap` contacts leaving the 7 days frees one place.
      const freeing = recent[cap - 1]!;
      const freeAt = new Date(freeing.at.getTime() + sevenDaysMs);
      why.push(
        `${recent.length} ${kind === 'call' ? 'calls' : 'messages'} in the last 7 days (the cap is ${cap}).`,
      );
      waits.push(freeAt);
    }
  }

  const windowNow = checkWindow(now, customer.timeZone, window);
  if (!windowNow.open) {
    const day = (date: CalendarDate) =>
      `${weekdayNames[weekdayOf(date)]} ${formatCalendarDate(date, context.locale)}`;
    const [localDate = '', localTime = ''] = windowNow.localNow.split(' ');
    const opens = windowNow.opensAt
      ? `; it opens ${day(calendarDateIn(windowNow.opensAt, customer.timeZone))} at ${window.start}`
      : '; the contact window has no hours at all';
    why.push(
      `Outside the contact window: it is ${localTime} on ${day(localDate)} where they are${opens}.`,
    );
    if (!windowNow.opensAt) return { status: 'waiting', why, readyAt: null };
    waits.push(windowNow.opensAt);
  }

  if (waits.length === 0) return { status: 'ready', why: [...why, 'Ready.'] };
  const latest = waits.reduce((a, b) => (b.getTime() > a.getTime() ? b : a));
  // After the gap or the cap, the window must still be open: take its next opening.
  const opening = checkWindow(latest, customer.timeZone, window).opensAt;
  return { status: 'waiting', why, readyAt: opening };
}
