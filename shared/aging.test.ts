import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agingBuckets,
  agingTotals,
  bucketFor,
  bucketStartDates,
  bucketsFromStarts,
  compareAgingRows,
  daysOverdue,
  type AgingRow,
  type BucketAmounts,
} from './aging';
import { addDays } from './dates';

describe('aging buckets', () => {
  it('treats an invoice due on the day as current, and one day later as 1–30', () => {
    expect(bucketFor(daysOverdue('2027-03-15', '2027-03-15'))).toBe('current');
    expect(bucketFor(daysOverdue('2027-03-14', '2027-03-15'))).toBe('d1_30');
    expect(bucketFor(daysOverdue('2027-04-01', '2027-03-15'))).toBe('current');
  });

  it.each([
    [0, 'current'],
    [1, 'd1_30'],
    [30, 'd1_30'],
    [31, 'd31_60'],
    [60, 'd31_60'],
    [61, 'd61_90'],
    [90, 'd61_90'],
    [91, 'd90_plus'],
    [4000, 'd90_plus'],
  ])('puts %i days late in %s', (days, bucket) => {
    expect(bucketFor(days)).toBe(bucket);
  });

  it('counts across a leap day', () => {
    expect(daysOverdue('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysOverdue('2027-02-28', '2027-03-01')).toBe(1);
  });

  it('has bucket start dates that agree with bucketFor for every due date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 3000 }),
        (offset, dayIndex) => {
          const asOf = addDays('2024-01-01', dayIndex);
          const due = addDays(asOf, offset);
          const starts = bucketStartDates(asOf);
          const bySql =
            due >= starts.current
              ? 'current'
              : due >= starts.d1_30
                ? 'd1_30'
                : due >= starts.d31_60
                  ? 'd31_60'
                  : due >= starts.d61_90
                    ? 'd61_90'
                    : 'd90_plus';
          expect(bySql).toBe(bucketFor(daysOverdue(due, asOf)));
        },
      ),
    );
  });
});

function agingRow(
  customerId: number,
  currency: string,
  buckets: Partial<BucketAmounts>,
  oldestDaysOverdue: number,
): AgingRow {
  const amounts = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, ...buckets };
  const total = agingBuckets.reduce((sum, bucket) => sum + amounts[bucket], 0);
  return { customerId, currency, ...amounts, total, oldestDaysOverdue };
}

describe('buckets from what is due on or after each start date', () => {
  it('agree with putting each amount in the bucket of its lateness', () => {
    const amount = fc.record({
      late: fc.oneof(
        fc.constantFrom(0, 1, 30, 31, 60, 61, 90, 91),
        fc.integer({ min: -60, max: 400 }),
      ),
      open: fc.integer({ min: 1, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.array(amount), (dayIndex, amounts) => {
        const asOf = addDays('2024-01-01', dayIndex);
        const starts = bucketStartDates(asOf);
        const from = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0 };
        const expected: BucketAmounts = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };
        let total = 0;
        for (const { late, open } of amounts) {
          const due = addDays(asOf, -late);
          for (const start of ['current', 'd1_30', 'd31_60', 'd61_90'] as const) {
            if (due >= starts[start]) from[start] += open;
          }
          expected[bucketFor(daysOverdue(due, asOf))] += open;
          total += open;
        }
        expect(bucketsFromStarts(from, total)).toEqual(expected);
      }),
    );
  });
});

describe('aging rows and totals', () => {
  it('totals per currency, in currency order, counting customers', () => {
    const totals = agingTotals([
      agingRow(1, 'GBP', { current: 3750, d31_60: 3999 }, 34),
      agingRow(1, 'EUR', { d90_plus: 100 }, 165),
      agingRow(2, 'GBP', { d1_30: 500 }, 5),
    ]);
    expect(totals).toEqual([
      {
        currency: 'EUR',
        current: 0,
        d1_30: 0,
        d31_60: 0,
        d61_90: 0,
        d90_plus: 100,
        total: 100,
        customers: 1,
      },
      {
        currency: 'GBP',
        current: 3750,
        d1_30: 500,
        d31_60: 3999,
        d61_90: 0,
        d90_plus: 0,
        total: 8249,
        customers: 2,
      },
    ]);
  });

  it('orders rows most overdue first, then largest, then by customer and currency', () => {
    const rows = [
      agingRow(3, 'GBP', { current: 100 }, 0),
      agingRow(2, 'GBP', { d1_30: 500 }, 5),
      agingRow(1, 'GBP', { current: 900 }, 0),
      agingRow(4, 'EUR', { d1_30: 500 }, 5),
      agingRow(2, 'EUR', { d1_30: 500 }, 5),
      agingRow(5, 'EUR', { d90_plus: 1 }, 400),
    ].sort(compareAgingRows);
    expect(rows.map((row) => `${row.customerId} ${row.currency}`)).toEqual([
      '5 EUR',
      '2 EUR',
      '2 GBP',
      '4 EUR',
      '1 GBP',
      '3 GBP',
    ]);
  });

  it('always has totals whose buckets add up, and add up to the rows', () => {
    const row = fc
      .record({
        customerId: fc.integer({ min: 1, max: 20 }),
        currency: fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD'),
        buckets: fc.record({
          current: fc.integer({ min: 0, max: 10_000_000 }),
          d1_30: fc.integer({ min: 0, max: 10_000_000 }),
          d31_60: fc.integer({ min: 0, max: 10_000_000 }),
          d61_90: fc.integer({ min: 0, max: 10_000_000 }),
          d90_plus: fc.integer({ min: 0, max: 10_000_000 }),
        }),
        late: fc.integer({ min: 0, max: 800 }),
      })
      .map((r) => agingRow(r.customerId, r.currency, r.buckets, r.late));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const totals = agingTotals(rows);
        for (const total of totals) {
          expect(agingBuckets.reduce((sum, bucket) => sum + total[bucket], 0)).toBe(total.total);
        }
        const grand = rows.reduce((sum, r) => sum + r.total, 0);
        expect(totals.reduce((sum, t) => sum + t.total, 0)).toBe(grand);
        expect(totals.reduce((sum, t) => sum + t.customers, 0)).toBe(rows.length);
      }),
    );
  });
});
