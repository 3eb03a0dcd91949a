/**
 * A payment plan's schedule: an optional deposit, then instalments on calendar dates, each
 * with its amount and the balance left after it. Pure: the caller gives "today" and the
 * locale, so the same terms always give the same schedule.
 *
 * Dates: weekly and fortnightly instalments are 7 and 14 calendar days apart (calendar
 * arithmetic, so daylight saving never moves one); monthly ones keep the first date's day of
 * the month and clamp to the month's end (31 Jan → 28/29 Feb → 31 Mar, not 28 Mar). A date on
 * a weekend or a public holiday stays where it is: that is allowed, and the schedule says so.
 */
import { isKnownCurrency } from '../currencies';
import { formatCalendarDate } from '../date-format';
import { addDays, addMonths, isCalendarDate, type CalendarDate } from '../dates';
import { formatMoney, isMinor, type Minor } from '../money';
import { holidayCoverage, holidayRegionFor, isWeekend, publicHolidayOn } from './holidays';
import {
  remainderSentence,
  shapeProblem,
  splitBalance,
  type InstalmentShape,
  type RemainderRule,
} from './remainder-rule';

export const planFrequencies = ['weekly', 'fortnightly', 'monthly'] as const;
export type PlanFrequency = (typeof planFrequencies)[number];

/** Ten years of weekly payments. */
export const maxInstalments = 520;
/** How far ahead the first instalment may be (a plan may start after a short pause). */
export const maxDaysToFirstInstalment = 366;

/** Messages the API's schema and this module share, so a refusal reads the same either way. */
export const planMessages = {
  count: `A plan has from 1 to ${maxInstalments} payments.`,
  countOrAmount: 'Please give either how many payments (count) or how much each is (amount).',
  notBoth: 'Please give how many payments or how much each is, not both.',
  roundToWithAmount:
    'Round amounts go with a number of payments; with an amount each, that amount is already what each payment is.',
};

export interface PlanTerms {
  /** Everything the plan covers, in minor units. */
  total: Minor;
  currency: string;
  /** Paid on the day the plan is agreed; 0 or left out for none. */
  deposit?: Minor | undefined;
  /** Either how many instalments ... */
  count?: number | undefined;
  /** ... or how much each one is (the last one smaller). */
  amount?: Minor | undefined;
  frequency: PlanFrequency;
  firstDue: CalendarDate;
  /** Round instalments to a multiple of this (with a count); the last one takes the rest. */
  roundTo?: Minor | undefined;
}

export interface PlanContext {
  /** The business's today: the deposit's date, and the earliest first instalment. */
  today: CalendarDate;
  /** The business's locale: the holidays of its country, and how sentences show money. */
  locale: string;
}

export interface ScheduleRow {
  kind: 'deposit' | 'instalment';
  /** 0 for the deposit, then 1, 2, 3 ... */
  number: number;
  due: CalendarDate;
  amount: Minor;
  /** What is still owed once this is paid. */
  balanceAfter: Minor;
  weekend: boolean;
  /** The public holiday's name when the date is one. */
  holiday: string | null;
}

export interface PlanSchedule {
  currency: string;
  total: Minor;
  deposit: ScheduleRow | null;
  instalments: ScheduleRow[];
  /** What the instalments pay: the total less the deposit. */
  instalmentsTotal: Minor;
  count: number;
  frequency: PlanFrequency;
  firstDue: CalendarDate;
  lastDue: CalendarDate;
  remainderRule: RemainderRule;
  /** Where the remainder goes, as a sentence for the agreement. */
  remainderSentence: string;
  /** When the payments fall, as a sentence ("On the 31st of each month, or ..."). */
  datesSentence: string;
  /** Which instalments fall on a weekend or public holiday; null when none do. */
  nonWorkingDaysSentence: string | null;
  /** Which public holidays were checked. */
  holidayCoverage: string;
}

export type PlanScheduleResult =
  { ok: true; schedule: PlanSchedule } | { ok: false; field: string; message: string };

/** The instalments' dates: strictly increasing, by the frequency's rule. */
export function instalmentDates(
  firstDue: CalendarDate,
  frequency: PlanFrequency,
  count: number,
): CalendarDate[] {
  const dayOfMonth = Number(firstDue.slice(8, 10));
  return Array.from({ length: count }, (_, i) => {
    switch (frequency) {
      case 'weekly':
        return addDays(firstDue, 7 * i);
      case 'fortnightly':
        return addDays(firstDue, 14 * i);
      case 'monthly':
        // Always from the first date, never from the previous one: a clamp never sticks.
        return addMonths(firstDue, i, dayOfMonth);
    }
  });
}

/** Works out the schedule, or says which field is at fault and why. */
export function planSchedule(terms: PlanTerms, context: PlanContext): PlanScheduleResult {
  const problem = termsProblem(terms, context);
  if (problem) return { ok: false, ...problem };
  const { total, currency, frequency, firstDue } = terms;
  const { today, locale } = context;
  const deposit = terms.deposit ?? 0;
  const balance = total - deposit;
  const shape = shapeOf(terms);
  const money = (amount: Minor) => formatMoney(amount, currency, locale);
  const shapeIssue = shapeProblem(balance, shape, maxInstalments, money);
  if (shapeIssue) return { ok: false, ...shapeIssue };

  const { amounts, rule } = splitBalance(balance, shape);
  const dates = instalmentDates(firstDue, frequency, amounts.length);
  const region = holidayRegionFor(locale);
  const row = (
    kind: ScheduleRow['kind'],
    number: number,
    due: CalendarDate,
    amount: Minor,
    balanceAfter: Minor,
  ): ScheduleRow => ({
    kind,
    number,
    due,
    amount,
    balanceAfter,
    weekend: isWeekend(due),
    holiday: publicHolidayOn(due, region),
  });
  const depositRow = deposit > 0 ? row('deposit', 0, today, deposit, balance) : null;
  let owed = balance;
  const instalments = amounts.map((amount, i) => {
    owed -= amount;
    return row('instalment', i + 1, dates[i]!, amount, owed);
  });
  return {
    ok: true,
    schedule: {
      currency,
      total,
      deposit: depositRow,
      instalments,
      instalmentsTotal: balance,
      count: instalments.length,
      frequency,
      firstDue,
      lastDue: dates[dates.length - 1]!,
      remainderRule: rule,
      remainderSentence: remainderSentence(rule, balance, currency, locale),
      datesSentence: datesSentence(frequency, dates, locale),
      nonWorkingDaysSentence: nonWorkingDaysSentence(instalments, locale),
      holidayCoverage: holidayCoverage(region, locale),
    },
  };
}

function shapeOf(terms: PlanTerms): InstalmentShape {
  return terms.amount !== undefined
    ? { amount: terms.amount }
    : { count: terms.count!, roundTo: terms.roundTo };
}

/** The first field at fault in the terms themselves, before any splitting. */
function termsProblem(
  terms: PlanTerms,
  context: PlanContext,
): { field: string; message: string } | null {
  const { total, currency, deposit, count, amount, roundTo, firstDue } = terms;
  if (!isKnownCurrency(currency)) {
    return { field: 'currency', message: 'Please use a currency code such as GBP.' };
  }
  const money = (value: Minor) => formatMoney(value, currency, context.locale);
  if (!isMinor(total) || total <= 0) {
    return { field: 'total', message: 'A plan is for an amount more than zero.' };
  }
  if (deposit !== undefined) {
    if (!isMinor(deposit) || deposit < 0) {
      return { field: 'deposit', message: 'A deposit is zero or more, in whole minor units.' };
    }
    if (deposit > total) {
      return {
        field: 'deposit',
        message: `The deposit (${money(deposit)}) is more than the ${money(total)} the plan covers.`,
      };
    }
    if (deposit === total) {
      return {
        field: 'deposit',
        message: `A deposit of the whole ${money(total)} leaves nothing to pay in instalments; please record it as a payment instead.`,
      };
    }
  }
  if (count === undefined && amount === undefined) {
    return { field: 'count', message: planMessages.countOrAmount };
  }
  if (count !== undefined && amount !== undefined) {
    return { field: 'amount', message: planMessages.notBoth };
  }
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > maxInstalments)) {
    return { field: 'count', message: planMessages.count };
  }
  if (amount !== undefined && (!isMinor(amount) || amount <= 0)) {
    return { field: 'amount', message: 'Each payment must be more than zero.' };
  }
  if (roundTo !== undefined) {
    if (!isMinor(roundTo) || roundTo <= 0) {
      return { field: 'roundTo', message: 'A round amount is more than zero.' };
    }
    if (amount !== undefined) {
      return { field: 'roundTo', message: planMessages.roundToWithAmount };
    }
  }
  if (!isCalendarDate(firstDue)) {
    return { field: 'firstDue', message: 'Please give a real date as YYYY-MM-DD.' };
  }
  if (firstDue < context.today) {
    return {
      field: 'firstDue',
      message: `The first payment is due today or later; ${formatCalendarDate(firstDue, context.locale)} has passed.`,
    };
  }
  if (firstDue > addDays(context.today, maxDaysToFirstInstalment)) {
    return { field: 'firstDue', message: 'The first payment is due within a year from today.' };
  }
  return null;
}

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

function weekdayName(date: CalendarDate, locale: string): string {
  let formatter = weekdayFormatters.get(locale);
  if (!formatter) {
    // A calendar date is the UTC midnight of its day, formatted in UTC: no zone can shift it.
    formatter = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    weekdayFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

/** "Saturday 1 May 2027", as the Today screen writes a day (no comma to confuse a list). */
function dayAndDate(date: CalendarDate, locale: string): string {
  return `${weekdayName(date, locale)} ${formatCalendarDate(date, locale)}`;
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th'}`;
}

function datesSentence(frequency: PlanFrequency, dates: CalendarDate[], locale: string): string {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  if (dates.length === 1) return `One payment, on ${dayAndDate(first, locale)}.`;
  const span = `from ${formatCalendarDate(first, locale)} to ${formatCalendarDate(last, locale)}`;
  const weekday = weekdayName(first, locale);
  switch (frequency) {
    case 'weekly':
      return `Every week on a ${weekday}, ${span}.`;
    case 'fortnightly':
      return `Every two weeks on a ${weekday}, ${span}.`;
    case 'monthly': {
      const day = Number(first.slice(8, 10));
      if (day === 31) return `On the last day of each month, ${span}.`;
      if (day > 28) {
        return `On the ${ordinal(day)} of each month, or the month's last day when it is shorter, ${span}.`;
      }
      return `On the ${ordinal(day)} of each month, ${span}.`;
    }
  }
}

const listedDays = 3;

function nonWorkingDaysSentence(instalments: ScheduleRow[], locale: string): string | null {
  const off = instalments.filter((row) => row.weekend || row.holiday !== null);
  if (off.length === 0) return null;
  const named = off.slice(0, listedDays).map((row) => {
    // "Boxing Day (substitute day)" reads "(Boxing Day, substitute day)" inside brackets.
    const holiday = row.holiday?.replace(/ \((.+)\)$/, ', $1');
    return `${dayAndDate(row.due, locale)}${holiday ? ` (${holiday})` : ''}`;
  });
  const more = off.length - named.length;
  const list =
    more > 0
      ? `${named.join(', ')} and ${more} more`
      : named.length === 1
        ? named[0]!
        : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]!}`;
  const count = off.length === 1 ? 'One payment date falls' : `${off.length} payment dates fall`;
  const stay = off.length === 1 ? 'it stays as agreed' : 'they stay as agreed';
  return `${count} on a weekend or a public holiday: ${list}. That is allowed and ${stay}; a bank payment made on such a day may arrive on the next working day.`;
}

/** A saved plan's rows (the deposit as number 0), as agreed: the amounts are never re-split. */
export interface SavedPlanRows {
  currency: string;
  total: Minor;
  frequency: PlanFrequency;
  remainderSentence: string;
  rows: { number: number; due: CalendarDate; amount: Minor }[];
}

/** The schedule of a plan already made, for its agreement PDF: its own rows and sentences. */
export function savedSchedule(saved: SavedPlanRows, locale: string): PlanSchedule {
  const region = holidayRegionFor(locale);
  let owed = saved.total;
  const rows = saved.rows.map((row): ScheduleRow => {
    owed -= row.amount;
    return {
      kind: row.number === 0 ? 'deposit' : 'instalment',
      number: row.number,
      due: row.due,
      amount: row.amount,
      balanceAfter: owed,
      weekend: isWeekend(row.due),
      holiday: publicHolidayOn(row.due, region),
    };
  });
  const deposit = rows.find((row) => row.kind === 'deposit') ?? null;
  const instalments = rows.filter((row) => row.kind === 'instalment');
  const amounts = instalments.map((row) => row.amount);
  const dates = instalments.map((row) => row.due);
  return {
    currency: saved.currency,
    total: saved.total,
    deposit,
    instalments,
    instalmentsTotal: saved.total - (deposit?.amount ?? 0),
    count: instalments.length,
    frequency: saved.frequency,
    firstDue: dates[0]!,
    lastDue: dates.at(-1)!,
    remainderRule: ruleOf(amounts),
    remainderSentence: saved.remainderSentence,
    datesSentence: datesSentence(saved.frequency, dates, locale),
    nonWorkingDaysSentence: nonWorkingDaysSentence(instalments, locale),
    holidayCoverage: holidayCoverage(region, locale),
  };
}

/** The rule the saved amounts follow (the sentence stored with them says it in words). */
function ruleOf(amounts: readonly Minor[]): RemainderRule {
  const count = amounts.length;
  const first = amounts[0]!;
  const last = amounts.at(-1)!;
  const rest = amounts.at(-2) ?? first;
  if (amounts.every((a) => a === first)) return { kind: 'equal', count, amount: first };
  const largerCount = amounts.filter((a) => a === first).length;
  if (amounts.every((a, i) => a === (i < largerCount ? first : first - 1))) {
    return { kind: 'first_larger', count, largerCount, larger: first, amount: first - 1 };
  }
  return last < rest
    ? { kind: 'last_smaller', count, amount: rest, last }
    : { kind: 'last_balloon', count, amount: rest, last, roundTo: rest };
}
