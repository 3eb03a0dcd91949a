/**
 * Where a plan stands, for random schedules, payments and reductions: what the instalments
 * received adds up to what was paid (never more than the total less what was taken off), they
 * fill oldest first, reductions come off the last ones, the agreed amounts and balances never
 * change, and each status follows from its amount, what it received, what was taken off it
 * and its date against today.
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

const reduced = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000_000 }));

describe('planProgress', () => {
  it('shares out exactly what was paid, oldest first, with statuses that follow from it', () => {
    fc.assert(
      fc.property(schedule, payments, today, (rows, paid, day) => {
        const total = rows.reduce((sum, r) => sum + r.amount, 0);
        const received = paid.reduce((sum, p) => sum + p.amount, 0);
        const progress = planProgress(rows, paid, day);
        expect(progress.paid).toBe(Math.min(total, received));
        expect(progress.reduced).toBe(0);
        expect(progress.remaining).toBe(total - progress.paid);
        expect(progress.instalments.reduce((sum, i) => sum + i.paid, 0)).toBe(progress.paid);
        expect(progress.complete).toBe(received >= total);
        let gapSeen = false;
        for (const row of progress.instalments) {
          // Oldest first: once one is short, every later one received nothing.
          if (gapSeen) expect(row.paid).toBe(0);
          if (row.paid < row.amount) gapSeen = true;
          expect(row.reduced).toBe(0);
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

  it('takes credits and write-offs off the last payments, and asks only for the rest', () => {
    fc.assert(
      fc.property(schedule, payments, today, reduced, (rows, paid, day, cut) => {
        const total = rows.reduce((sum, r) => sum + r.amount, 0);
        const received = paid.reduce((sum, p) => sum + p.amount, 0);
        const progress = planProgress(rows, paid, day, cut);
        const takenOff = Math.min(total, cut);
        expect(progress.reduced).toBe(takenOff);
        expect(progress.paid).toBe(Math.min(total - takenOff, received));
        expect(progress.remaining).toBe(total - takenOff - progress.paid);
        expect(progress.remaining).toBeGreaterThanOrEqual(0);
        expect(progress.complete).toBe(received >= total - takenOff);
        expect(progress.instalments.reduce((sum, i) => sum + i.reduced, 0)).toBe(takenOff);
        expect(progress.instalments.reduce((sum, i) => sum + i.paid, 0)).toBe(progress.paid);
        // The signed schedule stands (amounts and dates as agreed); the balance after each
        // runs down from what is still asked for, to nothing.
        let balance = total - takenOff;
        for (const [index, row] of progress.instalments.entries()) {
          expect(row.amount).toBe(rows[index]!.amount);
          expect(row.due).toBe(rows[index]!.due);
          balance -= row.amount - row.reduced;
          expect(row.balanceAfter).toBe(balance);
        }
        expect(progress.instalments.at(-1)!.balanceAfter).toBe(0);
        // From the back: once one is cut, every later one is cut in full.
        let cutSeen = false;
        let gapSeen = false;
        for (const row of progress.instalments) {
          if (cutSeen) expect(row.reduced).toBe(row.amount);
          if (row.reduced > 0) cutSeen = true;
          const owed = row.amount - row.reduced;
          expect(row.paid).toBeLessThanOrEqual(owed);
          // Payments still fill oldest first, over what is still asked of each.
          if (gapSeen) expect(row.paid).toBe(0);
          if (row.paid < owed) gapSeen = true;
          const expected =
            owed === 0
              ? 'reduced'
              : row.paid === owed
                ? 'paid'
                : row.due < day
                  ? 'missed'
                  : row.paid > 0
                    ? 'partly_paid'
                    : 'due';
          expect(row.status).toBe(expected);
          expect(row.paidOn !== null).toBe(row.status === 'paid');
        }
        const next = progress.instalments.find(
          (i) => i.status !== 'paid' && i.status !== 'reduced',
        );
        expect(progress.nextDue?.number ?? null).toBe(next?.number ?? null);
        expect(progress.nextDue === null).toBe(progress.remaining === 0);
        if (next) expect(progress.nextDue!.amount).toBe(next.amount - next.reduced - next.paid);
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

  it('keeps the next payment as agreed when part of the plan is credited', () => {
    const rows = [
      { id: 1, number: 1, due: '2027-04-01', amount: 250 },
      { id: 2, number: 2, due: '2027-05-01', amount: 250 },
      { id: 3, number: 3, due: '2027-06-01', amount: 250 },
      { id: 4, number: 4, due: '2027-07-01', amount: 250 },
    ];
    const progress = planProgress(
      rows,
      [{ paymentId: 1, date: '2027-04-01', amount: 250 }],
      '2027-04-10',
      300,
    );
    expect(progress.instalments.map((i) => [i.status, i.paid, i.reduced])).toEqual([
      ['paid', 250, 0],
      ['due', 0, 0],
      ['due', 0, 50],
      ['reduced', 0, 250],
    ]);
    expect(progress.nextDue).toEqual({ number: 2, due: '2027-05-01', amount: 250 });
    expect(progress.remaining).toBe(450);
  });
});
