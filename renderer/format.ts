/**
 * Amounts and dates written for people, in the business's locale. Amounts go through
 * shared/money.ts (never a float); a calendar date is formatted as UTC midnight in UTC, so no
 * machine time zone can move it to the day before.
 */
import { useMemo } from 'react';
import { formatCalendarDate } from '../shared/date-format';
import { isCalendarDate, type CalendarDate } from '../shared/dates';
import { formatMoney, type Minor } from '../shared/money';
import { useBusiness } from './business';

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  key: string,
  make: () => Intl.DateTimeFormat,
) {
  let formatter = cache.get(key);
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

/** "15 Mar 2027" (en-GB), "Mar 15, 2027" (en-US); anything that is not a date, as it is. */
export function formatDate(date: CalendarDate, locale: string): string {
  return isCalendarDate(date) ? formatCalendarDate(date, locale, 'short') : date;
}

/** An instant as the business sees it: "15 Mar 2027, 09:00". */
export function formatInstant(instant: string, locale: string, timeZone: string): string {
  const when = new Date(instant);
  if (Number.isNaN(when.getTime())) return instant;
  return cached(
    instantFormatters,
    `${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
  ).format(when);
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** A whole number for people: "2,005". */
export function formatNumber(value: number, locale: string): string {
  let formatter = numberFormatters.get(locale);
  if (!formatter) numberFormatters.set(locale, (formatter = new Intl.NumberFormat(locale)));
  return formatter.format(value);
}

export interface Formatters {
  money(amount: Minor, currency: string): string;
  number(value: number): string;
  /** A count of things: `count(3, 'customer', 'customers')` is "3 customers". */
  count(count: number, one: string, many: string): string;
  date(date: CalendarDate): string;
  instant(instant: string): string;
}

export function useFormat(): Formatters {
  const { locale, timeZone } = useBusiness();
  return useMemo(
    () => ({
      money: (amount, currency) => formatMoney(amount, currency, locale),
      number: (value) => formatNumber(value, locale),
      count: (count, one, many) => `${formatNumber(count, locale)} ${count === 1 ? one : many}`,
      date: (date) => formatDate(date, locale),
      instant: (instant) => formatInstant(instant, locale, timeZone),
    }),
    [locale, timeZone],
  );
}
