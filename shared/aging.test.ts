import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOpenAmounts, agingBuckets, bucketFor, bucketStartDates, daysOverdue } from './aging';
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

describe('folding open amounts', () => {
  it('groups per customer and currency, with totals per currency', () => {
    const { rows, totals } = ageOpenAmounts(
      [
        { customerId: 1, currency: 'GBP', dueDate: '2027-02-09', open: 3999 },
        { customerId: 1, currency: 'GBP', dueDate: '2027-03-31', open: 3750 },
        { customerId: 1, currency: 'EUR', dueDate: '2026-10-01', open: 100 },
        { customerId: 2, currency: 'GBP', dueDate: '2027-03-10', open: 500 },
      ],
      '2027-03-15',
    );
    expect(rows).toEqual([
      {
        customerId: 1,
        currency: 'EUR',
        current: 0,
        d1_30: 0,
        d31_60: 0,
        d61_90: 0,
        d90_plus: 100,
        total: 100,
        oldestDaysOverdue: 165,
      },
      {
        customerId: 1,
        currency: 'GBP',
        current: 3750,
        d1_30: 0,
        d31_60: 3999,
        d61_90: 0,
        d90_plus: 0,
        total: 7749,
        oldestDaysOverdue: 34,
      },
      {
        customerId: 2,
        currency: 'GBP',
        current: 0,
        d1_30: 500,
        d31_60: 0,
        d61_90: 0,
        d90_plus: 0,
        total: 500,
        oldestDaysOverdue: 5,
      },
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

  it('always has buckets that add up to the total, per row and per currency', () => {
    const amount = fc.record({
      customerId: fc.integer({ min: 1, max: 20 }),
      currency: fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD'),
      dueDate: fc.integer({ min: 0, max: 800 }).map((d) => addDays('2025-01-01', d)),
      open: fc.integer({ min: 1, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), (amounts) => {
        const { rows, totals } = ageOpenAmounts(amounts, '2026-06-30');
        for (const row of [...rows, ...totals]) {
          expect(agingBuckets.reduce((sum, bucket) => sum + row[bucket], 0)).toBe(row.total);
        }
        const grand = amounts.reduce((sum, a) => sum + a.open, 0);
        expect(totals.reduce((sum, t) => sum + t.total, 0)).toBe(grand);
      }),
    );
  });
});
