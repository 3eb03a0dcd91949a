/**
 * Calendar dates and instants. A calendar date is a `YYYY-MM-DD` string with no zone (invoice,
 * due and promise dates); an instant is a UTC moment. "Today" depends on the business's time
 * zone, so it is always computed from an instant and a zone, never from the machine's zone.
 */

/** Where "now" comes from. Passed to every service; tests and demos pin it. */
export interface Clock {
  now(): Date;
}

export type CalendarDate = string;

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real `YYYY-MM-DD` date (2025-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  return utcMidnightOf(value) !== undefined;
}

/**
 * The UTC midnight of a real `YYYY-MM-DD` date, undefined for anything else: one parse serves
 * both the check and the arithmetic (aging works out hundreds of dates a call).
 */
function utcMidnightOf(value: string): number | undefined {
  const match = calendarDatePattern.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const ms = Date.UTC(year, month, day);
  const probe = new Date(ms);
  const real =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month && probe.getUTCDate() === day;
  return real ? ms : undefined;
}

/** True when the zone is an IANA time zone this runtime knows ("Europe/London"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Building a formatter costs ~70 µs, using one ~6 µs: keep one per zone, since listing
// thousands of invoices asks for "today" or a date in the same few zones again and again.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date at `instant` in `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const parts = dayFormatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** An instant as an ISO 8601 UTC string, the form stored and sent over the API. */
export function toInstant(date: Date): string {
  return date.toISOString();
}

// Calendar arithmetic runs on UTC midnights: a day is always 24 hours there, so daylight
// saving can never add or lose one.
const msPerDay = 86_400_000;

function toUtc(date: CalendarDate): number {
  const ms = utcMidnightOf(date);
  if (ms === undefined) throw new RangeError(`Not a calendar date: ${date}`);
  return ms;
}

function fromUtc(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(toUtc(date) + days * msPerDay);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / msPerDay);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * The same day of the month `months` later, clamped to the month's end: 31 Jan + 1 → 28/29
 * Feb. `dayOfMonth` keeps a series on its day (31 Jan → 28 Feb → 31 Mar, not 28 Mar).
 */
export function addMonths(date: CalendarDate, months: number, dayOfMonth?: number): CalendarDate {
  toUtc(date);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(dayOfMonth ?? Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
