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

const emptyBuckets = (): BucketAmounts => ({
  current: 0,
  d1_30: 0,
  d31_60: 0,
  d61_90: 0,
  d90_plus: 0,
});

/**
 * The order aging rows are reported in: most overdue first, then largest, then by customer and
 * currency (codes compared as the database does, byte by byte).
 */
export function compareAgingRows(a: AgingRow, b: AgingRow): number {
  return (
    b.oldestDaysOverdue - a.oldestDaysOverdue ||
    b.total - a.total ||
    a.customerId - b.customerId ||
    (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)
  );
}

/**
 * Totals per currency, added to one customer's row at a time: the aging service writes its
 * rows straight into columns and builds no row objects to total afterwards.
 */
export class AgingTotalsBuilder {
  private readonly totals = new Map<string, AgingTotals>();

  add(currency: string, buckets: BucketAmounts, total: Minor): void {
    let sums = this.totals.get(currency);
    if (!sums) {
      sums = { currency, ...emptyBuckets(), total: 0, customers: 0 };
      this.totals.set(currency, sums);
    }
    // Field by field rather than a loop over agingBuckets: a few times quicker at thousands of rows.
    sums.current += buckets.current;
    sums.d1_30 += buckets.d1_30;
    sums.d31_60 += buckets.d31_60;
    sums.d61_90 += buckets.d61_90;
    sums.d90_plus += buckets.d90_plus;
    sums.total += total;
    sums.customers += 1;
  }

  /** In currency order. */
  result(): AgingTotals[] {
    return [...this.totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }
}

/**
 * Totals per currency, in currency order, of rows already summed per customer, currency and
 * bucket (the query does that part; see electron/db/aging.repository.ts).
 */
export function agingTotals(rows: Iterable<AgingRow>): AgingTotals[] {
  const builder = new AgingTotalsBuilder();
  for (const row of rows) builder.add(row.currency, row, row.total);
  return builder.result();
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

/** What is open on invoices due on or after each bucket's start date (see bucketStartDates). */
export type OpenFromStarts = Record<keyof ReturnType<typeof bucketStartDates>, Minor>;

/**
 * The five buckets from what is open on invoices due on or after each bucket's start date, and
 * the total: a query then sums with one comparison per boundary instead of two per bucket.
 * Agrees with bucketFor (shared/aging.test.ts).
 */
export function bucketsFromStarts(from: OpenFromStarts, total: Minor): BucketAmounts {
  return {
    current: from.current,
    d1_30: from.d1_30 - from.current,
    d31_60: from.d31_60 - from.d1_30,
    d61_90: from.d61_90 - from.d31_60,
    d90_plus: total - from.d61_90,
  };
}
