import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOldestFirst } from './allocation';
import { addDays } from './dates';

describe('allocating a payment', () => {
  const invoices = [
    { invoiceId: 3, dueDate: '2027-03-31', issueDate: '2027-03-01', open: 3750 },
    { invoiceId: 1, dueDate: '2027-02-09', issueDate: '2027-01-10', open: 8999 },
    { invoiceId: 2, dueDate: '2027-02-09', issueDate: '2027-01-05', open: 1000 },
  ];

  it('pays the oldest due first, then the oldest issued', () => {
    expect(allocateOldestFirst(invoices, 5000)).toEqual({
      allocations: [
        { invoiceId: 2, amount: 1000 },
        { invoiceId: 1, amount: 4000 },
      ],
      unapplied: 0,
    });
  });

  it('keeps what is left over as credit', () => {
    expect(allocateOldestFirst(invoices, 20000).unapplied).toBe(20000 - 8999 - 1000 - 3750);
  });

  it('never gives an invoice more than is open, nor more than was paid', () => {
    const open = fc.record({
      invoiceId: fc.integer({ min: 1, max: 1e6 }),
      dueDate: fc.integer({ min: 0, max: 500 }).map((d) => addDays('2026-01-01', d)),
      issueDate: fc.constant('2025-12-01'),
      open: fc.integer({ min: 0, max: 1e7 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(open, { selector: (i) => i.invoiceId, maxLength: 50 }),
        fc.integer({ min: 1, max: 1e8 }),
        (list, amount) => {
          const plan = allocateOldestFirst(list, amount);
          const byId = new Map(list.map((i) => [i.invoiceId, i]));
          let given = 0;
          for (const allocation of plan.allocations) {
            expect(allocation.amount).toBeGreaterThan(0);
            expect(allocation.amount).toBeLessThanOrEqual(byId.get(allocation.invoiceId)!.open);
            given += allocation.amount;
          }
          expect(given + plan.unapplied).toBe(amount);
          expect(plan.unapplied).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
