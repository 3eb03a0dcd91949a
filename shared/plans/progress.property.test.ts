/**
 * Where a plan stands, for random schedules and payments: what the instalments received adds
 * up to what was paid (never more than the total), they fill oldest first, and each status
 * follows from its amount, what it received and its date against today.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { planProgress } from './progress';

const schedule = fc
  .array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 30 })
  .map((amounts) =>
    amounts.map((amount, i) => ({
      id: i + 1,
      number: i,
      due: addDays('2027-01-01', 14 * i),
      amount,
    })),
  );
const payments = fc.array(
  fc.record({
    paymentId: fc.integer({ min: 1, max: 1_000 }),
    date: fc.integer({ min: 0, max: 500 }).map((d) => addDays('2027-01-01', d)),
    amount: fc.integer({ min: 1, max: 200_000 }),
  }),
  { maxLength: 12 },
);
const today = fc.integer({ min: 0, max: 500 }).map((d) => addDays('2027-01-01', d));

describe('planProgress', () => {
  it('shares out exactly what was paid, oldest first, with statuses that follow from it', () => {
    fc.assert(
      fc.property(schedule, payments, today, (rows, paid, day) => {
        const total = rows.reduce((sum, r) => sum + r.amount, 0);
        const received = paid.reduce((sum, p) => sum + p.amount, 0);
        const progress = planProgress(rows, paid, day);
        expect(progress.paid).toBe(Math.min(total, received));
        expect(progress.remaining).toBe(total - progress.paid);
        expect(progress.instalments.reduce((sum, i) => sum + i.paid, 0)).toBe(progress.paid);
        expect(progress.complete).toBe(received >= total);
        let gapSeen = false;
        for (const row of progress.instalments) {
          // Oldest first: once one is short, every later one received nothing.
          if (gapSeen) expect(row.paid).toBe(0);
          if (row.paid < row.amount) gapSeen = true;
          const expected =
            row.paid === row.amount
              ? 'paid'
              : row.due < day
                ? 'missed'
                : row.paid > 0
                  ? 'partly_paid'
                  : 'due';
          expect(row.status).toBe(expected);
          expect(row.paidOn !== null).toBe(row.status === 'paid');
        }
        expect(progress.missedCount).toBe(
          progress.instalments.filter((i) => i.status === 'missed').length,
        );
        const next = progress.instalments.find((i) => i.status !== 'paid');
        expect(progress.nextDue?.number ?? null).toBe(next?.number ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it('dates a payment paid in full by the payment that completed it', () => {
    const rows = [
      { id: 1, number: 1, due: '2027-04-01', amount: 100 },
      { id: 2, number: 2, due: '2027-05-01', amount: 100 },
    ];
    const progress = planProgress(
      rows,
      [
        { paymentId: 2, date: '2027-04-20', amount: 60 },
        { paymentId: 1, date: '2027-03-30', amount: 80 },
      ],
      '2027-04-25',
    );
    expect(progress.instalments.map((i) => [i.status, i.paid, i.paidOn])).toEqual([
      ['paid', 100, '2027-04-20'],
      ['partly_paid', 40, null],
    ]);
  });
});
