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
  const match = calendarDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
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
