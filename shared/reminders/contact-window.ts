/**
 * When a customer may be contacted: the business's window (weekdays and hours) read in the
 * customer's own time zone, narrowed for consumers to never before 08:00 or after 21:00 their
 * time, whatever the settings say. Wall-clock times are turned into instants with
 * @date-fns/tz, so a window edge on a daylight-saving day is still the edge the owner set.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, calendarDateIn, type CalendarDate } from '../dates';
import type { CustomerKind } from '../ledger';
import { weekdays, type ContactWindow, type Weekday } from '../settings';

/** The hours no consumer is contacted outside, in their time. */
export const consumerWindowLimits = { start: '08:00', end: '21:00' } as const;

/** The window that applies to this kind of customer. */
export function windowFor(kind: CustomerKind, window: ContactWindow): ContactWindow {
  if (kind !== 'consumer') return window;
  const start =
    window.start < consumerWindowLimits.start ? consumerWindowLimits.start : window.start;
  const end = window.end > consumerWindowLimits.end ? consumerWindowLimits.end : window.end;
  // A window narrowed to nothing stays nothing rather than turning inside out.
  return { days: window.days, start, end: end < start ? start : end };
}

/** The weekday of a calendar date (no zone needed: a date is the same day everywhere). */
export function weekdayOf(date: CalendarDate): Weekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekdays[(sundayFirst + 6) % 7]!;
}

/** The instant a wall-clock time happens on a date in a zone. */
export function instantAt(date: CalendarDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, 0, timeZone).getTime());
}

export interface WindowCheck {
  open: boolean;
  /** When it next opens (now, if open). Null when the window has no days at all. */
  opensAt: Date | null;
  /** The customer's local date and time now, for explanations: `2027-03-20 21:30 (sat)`. */
  localNow: string;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

function localClock(instant: Date, timeZone: string): string {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

// The Today queue asks the same question for thousands of customers at one instant, in a few
// zones: remember the last answers (the function is pure, so a cached answer is the answer).
const recentChecks = new Map<string, WindowCheck>();

/** Is the window open at `now` in `timeZone`, and if not, when does it open? */
export function checkWindow(now: Date, timeZone: string, window: ContactWindow): WindowCheck {
  const key = `${now.getTime()}|${timeZone}|${window.days.join(',')}|${window.start}|${window.end}`;
  const known = recentChecks.get(key);
  if (known) return known;
  const answer = computeWindow(now, timeZone, window);
  if (recentChecks.size >= 256) recentChecks.clear();
  recentChecks.set(key, answer);
  return answer;
}

function computeWindow(now: Date, timeZone: string, window: ContactWindow): WindowCheck {
  const today = calendarDateIn(now, timeZone);
  const localNow = `${today} ${localClock(now, timeZone)} (${weekdayOf(today)})`;
  if (window.days.length === 0 || window.start >= window.end) {
    return { open: false, opensAt: null, localNow };
  }
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = addDays(today, offset);
    if (!window.days.includes(weekdayOf(date))) continue;
    const opens = instantAt(date, window.start, timeZone);
    const closes = instantAt(date, window.end, timeZone);
    if (now < opens) return { open: false, opensAt: opens, localNow };
    if (now < closes) return { open: true, opensAt: now, localNow };
  }
  return { open: false, opensAt: null, localNow };
}

/** True when `instant` falls inside the window in `timeZone`. */
export function isInsideWindow(instant: Date, timeZone: string, window: ContactWindow): boolean {
  return checkWindow(instant, timeZone, window).open;
}
