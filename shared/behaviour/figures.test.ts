/**
 * Behaviour figures and their words for a table of customer histories, each worked out by
 * hand (as of 2027-03-15: "the last 6 months" are payments after 2026-09-15, "the 12 before"
 * those after 2025-09-15), then properties that hold for any history.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { behaviourOf, type BehaviourInputs, type PaidInvoice } from './figures';
import { behaviourLabel, behaviourSuggestions, behaviourSummary } from './words';

const today = '2027-03-15';
const paid = (paidOn: string, daysLate: number, amount = 10000): PaidInvoice => ({
  paidOn,
  daysLate,
  amount,
});
const history = (extra: Partial<BehaviourInputs>): BehaviourInputs => ({
  paid: [],
  promises: { kept: 0, broken: 0, open: 0 },
  disputes: 0,
  contacts: 0,
  billed: [],
  received: [],
  oldestOverdueDue: null,
  ...extra,
});

describe('a table of customer histories', () => {
  it('the usual late payer: median, plain and weighted averages, shares, promises', () => {
    const figures = behaviourOf(
      history({
        paid: [
          paid('2026-10-01', 9, 10000),
          paid('2026-11-01', 12, 30000),
          paid('2026-12-01', 0, 10000),
          paid('2027-01-10', 9, 50000),
        ],
        promises: { kept: 3, broken: 1, open: 1 },
        disputes: 1,
        contacts: 6,
      }),
      today,
    );
    // Days late 9, 12, 0, 9: sorted 0, 9, 9, 12.
    expect(figures.invoicesPaid).toBe(4);
    expect(figures.medianDaysLate).toBe(9);
    expect(figures.averageDaysLate).toBe(7.5); // 30 / 4
    // (9×100 + 12×300 + 0×100 + 9×500) / 1000 = 9000 / 1000
    expect(figures.weightedDaysLate).toBe(9);
    expect(figures.onTimeShare).toBe(0.25);
    expect(figures.within7Share).toBe(0.25);
    expect(figures.lateStreak).toBe(1);
    expect(figures.onTimeStreak).toBe(0);
    expect(figures.contactsPerInvoicePaid).toBe(1.5);
    expect(figures.disputes).toBe(1);
    expect(figures.trend).toEqual({ recent: 7.5, before: null, direction: 'unknown' });
    expect(behaviourSummary(figures)).toBe('Usually pays about 9 days late; kept 3 of 4 promises.');
    expect(behaviourLabel(figures)).toBe('9 days late');
    expect(behaviourSuggestions(figures, { creditHold: false })).toEqual([]);
  });

  it('always on time: the courtesy reminder could go', () => {
    const figures = behaviourOf(
      history({
        paid: [paid('2026-01-05', 0), paid('2026-06-05', 0), paid('2027-01-05', 0)],
      }),
      today,
    );
    expect(figures.onTimeShare).toBe(1);
    expect(figures.within7Share).toBe(1);
    expect(figures.onTimeStreak).toBe(3);
    expect(figures.trend).toEqual({ recent: 0, before: 0, direction: 'steady' });
    expect(behaviourSummary(figures)).toBe('Always pays on time.');
    expect(behaviourLabel(figures)).toBe('On time');
    expect(behaviourSuggestions(figures, { creditHold: false }).map((s) => s.kind)).toEqual([
      'skip_courtesy',
    ]);
  });

  it('late five times in a row and later than before: shorter terms, and a friendly call', () => {
    const figures = behaviourOf(
      history({
        paid: [
          paid('2026-03-01', 2),
          paid('2026-05-01', 4),
          paid('2026-10-01', 10),
          paid('2026-11-01', 12),
          paid('2026-12-01', 20),
        ],
        promises: { kept: 0, broken: 1, open: 0 },
      }),
      today,
    );
    expect(figures.medianDaysLate).toBe(10);
    expect(figures.lateStreak).toBe(5);
    expect(figures.within7Share).toBe(0.4);
    // Before: (2 + 4) / 2 = 3; recent: (10 + 12 + 20) / 3 = 14.
    expect(figures.trend).toEqual({ recent: 14, before: 3, direction: 'worse' });
    expect(behaviourSummary(figures)).toBe(
      'Usually pays about 10 days late; did not keep their promise.',
    );
    expect(behaviourSuggestions(figures, { creditHold: false })).toEqual([
      {
        kind: 'shorter_terms',
        text: 'Paid late 5 times in a row — shorter terms or a deposit next time?',
      },
      {
        kind: 'paying_later',
        text: 'Paying later than before (about 14 days late lately, 3 before) — a friendly call to ask if all is well?',
      },
    ]);
  });

  it('a new customer with an old debt: nothing paid yet, and credit hold suggested once', () => {
    const figures = behaviourOf(
      history({ oldestOverdueDue: '2027-01-01', promises: { kept: 1, broken: 0, open: 0 } }),
      today,
    );
    // 1 Jan → 15 Mar 2027: 30 + 28 + 15 days.
    expect(figures.longestOverdueDays).toBe(73);
    expect(figures.medianDaysLate).toBeNull();
    expect(figures.averageDaysLate).toBeNull();
    expect(figures.weightedDaysLate).toBeNull();
    expect(figures.onTimeShare).toBeNull();
    expect(figures.contactsPerInvoicePaid).toBeNull();
    expect(behaviourSummary(figures)).toBe('No invoices paid yet; kept their promise.');
    expect(behaviourLabel(figures)).toBe('Nothing paid yet');
    expect(behaviourSuggestions(figures, { creditHold: false })).toEqual([
      {
        kind: 'credit_hold',
        text: 'An invoice is 73 days overdue — hold credit for new work until it is settled?',
      },
    ]);
    expect(behaviourSuggestions(figures, { creditHold: true })).toEqual([]);
  });

  it('one day late is "1 day", in the singular', () => {
    const figures = behaviourOf(history({ paid: [paid('2027-02-01', 1)] }), today);
    expect(behaviourSummary(figures)).toBe('Usually pays about 1 day late.');
    expect(behaviourLabel(figures)).toBe('1 day late');
  });

  it('their only invoice, paid on time', () => {
    const figures = behaviourOf(history({ paid: [paid('2027-02-01', 0)] }), today);
    expect(behaviourSummary(figures)).toBe('Paid their only invoice on time.');
  });

  it('mostly on time, one very late: usually on time, and the average says otherwise', () => {
    const figures = behaviourOf(
      history({ paid: [paid('2026-10-01', 0), paid('2026-11-01', 0), paid('2026-12-01', 45)] }),
      today,
    );
    expect(figures.medianDaysLate).toBe(0);
    expect(figures.averageDaysLate).toBe(15);
    expect(behaviourSummary(figures)).toBe('Usually pays on time.');
  });

  it('an even count takes the mean of the middle two, and promises mostly broken', () => {
    const figures = behaviourOf(
      history({
        paid: [paid('2026-10-01', 3), paid('2026-11-01', 8)],
        promises: { kept: 1, broken: 3, open: 0 },
      }),
      today,
    );
    expect(figures.medianDaysLate).toBe(5.5);
    // 5.5 rounds to 6 in words.
    expect(behaviourSummary(figures)).toBe('Usually pays about 6 days late; kept 1 of 4 promises.');
    expect(behaviourSuggestions(figures, { creditHold: false }).map((s) => s.text)).toEqual([
      'Kept 1 of 4 promises — agree smaller amounts on nearer dates?',
    ]);
  });

  it('paying earlier than before is better; payments after today are left out', () => {
    const figures = behaviourOf(
      history({
        paid: [paid('2026-01-01', 30), paid('2026-12-01', 5), paid('2027-04-01', 90)],
      }),
      today,
    );
    expect(figures.trend).toEqual({ recent: 5, before: 30, direction: 'better' });
  });

  it('invoices of nothing carry no weight', () => {
    const figures = behaviourOf(
      history({ paid: [paid('2026-10-01', 10, 0), paid('2026-11-01', 20, 0)] }),
      today,
    );
    expect(figures.weightedDaysLate).toBe(15);
  });
});

const paidInvoice = fc.record({
  paidOn: fc.integer({ min: -900, max: 0 }).map((days) => addDays(today, days)),
  daysLate: fc.integer({ min: 0, max: 400 }),
  amount: fc.integer({ min: 0, max: 10_000_000 }),
});

describe('for any history', () => {
  it('keeps every figure within what the invoices allow', () => {
    fc.assert(
      fc.property(fc.array(paidInvoice, { maxLength: 60 }), (list) => {
        const figures = behaviourOf(history({ paid: list }), today);
        if (list.length === 0) {
          expect(figures.medianDaysLate).toBeNull();
          expect(figures.lateStreak + figures.onTimeStreak).toBe(0);
          return;
        }
        const days = list.map((p) => p.daysLate);
        const low = Math.min(...days);
        const high = Math.max(...days);
        for (const figure of [
          figures.medianDaysLate!,
          figures.averageDaysLate!,
          figures.weightedDaysLate!,
        ]) {
          expect(figure).toBeGreaterThanOrEqual(low - 1e-9);
          expect(figure).toBeLessThanOrEqual(high + 1e-9);
        }
        expect(figures.onTimeShare!).toBeLessThanOrEqual(figures.within7Share!);
        expect(figures.within7Share!).toBeLessThanOrEqual(1);
        // The last invoice is either late or on time: exactly one streak runs.
        expect(Math.min(figures.lateStreak, figures.onTimeStreak)).toBe(0);
        expect(Math.max(figures.lateStreak, figures.onTimeStreak)).toBeGreaterThan(0);
        expect(figures.lateStreak + figures.onTimeStreak).toBeLessThanOrEqual(list.length);
      }),
    );
  });

  it('says "1 day" and never "1 days", and always ends with a full stop', () => {
    fc.assert(
      fc.property(
        fc.array(paidInvoice, { maxLength: 10 }),
        fc.nat(5),
        fc.nat(5),
        (list, kept, broken) => {
          const figures = behaviourOf(
            history({ paid: list, promises: { kept, broken, open: 0 } }),
            today,
          );
          const summary = behaviourSummary(figures);
          expect(summary).not.toMatch(/\b1 days\b|\b1 promises\b|\b0 of 0\b/);
          expect(summary).toMatch(/^[A-Z].*\.$/);
        },
      ),
    );
  });
});
