/**
 * Aging: how late each open amount is, in the buckets owners and agencies use. An invoice due
 * on the as-of date is current; one day later it is 1–30 days overdue.
 */
import { addDays, daysBetween, type CalendarDate } from './dates';
import type { Minor } from './money';

export const agingBuckets = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

export const bucketLabels: Record<AgingBucket, string> = {
  current: 'Not yet due',
  d1_30: '1–30 days',
  d31_60: '31–60 days',
  d61_90: '61–90 days',
  d90_plus: 'Over 90 days',
};

export function daysOverdue(dueDate: CalendarDate, asOf: CalendarDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

export function bucketFor(daysLate: number): AgingBucket {
  if (daysLate <= 0) return 'current';
  if (daysLate <= 30) return 'd1_30';
  if (daysLate <= 60) return 'd31_60';
  if (daysLate <= 90) return 'd61_90';
  return 'd90_plus';
}

/** The open amounts of one customer in one currency, by bucket. */
export type BucketAmounts = Record<AgingBucket, Minor>;

export interface AgingRow extends BucketAmounts {
  customerId: number;
  currency: string;
  total: Minor;
  oldestDaysOverdue: number;
}

export interface AgingTotals extends BucketAmounts {
  currency: string;
  total: Minor;
  customers: number;
}

/** One open invoice (or the sum of several in one bucket) as the query returns them. */
export interface OpenAmount {
  customerId: number;
  currency: string;
  dueDate: CalendarDate;
  open: Minor;
}

const emptyBuckets = (): BucketAmounts => ({
  current: 0,
  d1_30: 0,
  d31_60: 0,
  d61_90: 0,
  d90_plus: 0,
});

/**
 * Folds open amounts into one row per customer and currency, and totals per currency. Rows
 * come back most overdue first, then largest.
 */
export function ageOpenAmounts(
  amounts: Iterable<OpenAmount>,
  asOf: CalendarDate,
): { rows: AgingRow[]; totals: AgingTotals[] } {
  const rows = new Map<string, AgingRow>();
  const totals = new Map<string, AgingTotals>();
  // Thousands of amounts share a few hundred due dates: work each one out once.
  const lateness = new Map<CalendarDate, number>();
  for (const item of amounts) {
    if (item.open === 0) continue;
    let late = lateness.get(item.dueDate);
    if (late === undefined) lateness.set(item.dueDate, (late = daysOverdue(item.dueDate, asOf)));
    const bucket = bucketFor(late);
    const key = `${item.customerId}|${item.currency}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        customerId: item.customerId,
        currency: item.currency,
        ...emptyBuckets(),
        total: 0,
        oldestDaysOverdue: 0,
      };
      rows.set(key, row);
    }
    row[bucket] += item.open;
    row.total += item.open;
    row.oldestDaysOverdue = Math.max(row.oldestDaysOverdue, late);
    let total = totals.get(item.currency);
    if (!total) {
      total = { currency: item.currency, ...emptyBuckets(), total: 0, customers: 0 };
      totals.set(item.currency, total);
    }
    total[bucket] += item.open;
    total.total += item.open;
  }
  for (const row of rows.values()) totals.get(row.currency)!.customers += 1;
  return {
    rows: [...rows.values()].sort(
      (a, b) =>
        b.oldestDaysOverdue - a.oldestDaysOverdue ||
        b.total - a.total ||
        a.customerId - b.customerId,
    ),
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/**
 * The earliest due date of each bucket at `asOf`, so a query can bucket with plain date
 * comparisons: due on or after `current` is not yet due; on or after `d1_30` is 1–30 days
 * late; and so on; anything earlier than `d61_90` is over 90 days. Agrees with bucketFor().
 */
export function bucketStartDates(asOf: CalendarDate) {
  return {
    current: asOf,
    d1_30: addDays(asOf, -30),
    d31_60: addDays(asOf, -60),
    d61_90: addDays(asOf, -90),
  };
}
