/**
 * Calendar dates for people: "15 March 2027" (en-GB), "March 15, 2027" (en-US), or with the
 * short month for tight spaces ("15 Mar 2027"). A calendar date has no zone, so it is
 * formatted as the UTC midnight of that day in the UTC zone: the machine's own zone can never
 * shift it to the day before.
 */
import { isCalendarDate, type CalendarDate } from './dates';

export type DateLength = 'long' | 'short';

// Building a formatter costs far more than using one; documents format many dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatCalendarDate(
  date: CalendarDate,
  locale: string,
  length: DateLength = 'long',
): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const key = `${locale}|${length}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: length,
      year: 'numeric',
    });
    formatters.set(key, formatter);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatter.format(new Date(Date.UTC(year, month - 1, day)));
}
