/**
 * Property tests over random ledgers, built through the API as a user would: whatever the
 * sequence of invoices, payments, credits and write-offs, the books balance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agingBuckets } from '../../shared/aging';
import { addDays } from '../../shared/dates';
import type { AgingReport, Customer, Invoice } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

const step = fc.oneof(
  fc.record({
    kind: fc.constant('invoice' as const),
    customer: fc.nat(2),
    currency: fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD'),
    issueDay: fc.nat(60),
    termDays: fc.nat(45),
    unitPrice: fc.integer({ min: 1, max: 500_000 }),
    quantity: fc.constantFrom('1', '2', '0.5', '1.25', '3.333'),
    taxRate: fc.constantFrom(null, '20', '5', '17.5'),
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    customer: fc.nat(2),
    currency: fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD'),
    day: fc.nat(70),
    amount: fc.integer({ min: 1, max: 900_000 }),
  }),
  fc.record({
    kind: fc.constant('credit' as const),
    invoice: fc.nat(30),
    share: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ kind: fc.constant('writeOff' as const), invoice: fc.nat(30) }),
);

describe('any ledger', () => {
  it('balances: open = total − paid − credited − written off ≥ 0, payments fully accounted, buckets add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const ledger = await startLedgerApp(await tempDir());
        try {
          const customers: Customer[] = [];
          for (const name of ['Ava', 'Bryn', 'Ciarán'])
            customers.push(await ledger.ok<Customer>('customers.create', { name }));
          const invoices: Invoice[] = [];
          for (const s of steps) {
            if (s.kind === 'invoice') {
              const issueDate = addDays('2027-01-01', s.issueDay);
              invoices.push(
                await ledger.ok<Invoice>('invoices.create', {
                  customerId: customers[s.customer]!.id,
                  issueDate,
                  dueDate: addDays(issueDate, s.termDays),
                  currency: s.currency,
                  lines: [
                    {
                      description: 'Work',
                      quantity: s.quantity,
                      unitPrice: s.unitPrice,
                      taxRate: s.taxRate,
                    },
                  ],
                }),
              );
            } else if (s.kind === 'payment') {
              await ledger.ok('payments.record', {
                customerId: customers[s.customer]!.id,
                date: addDays('2027-01-01', s.day),
                amount: s.amount,
                currency: s.currency,
              });
            } else if (invoices.length > 0) {
              const target = await ledger.ok<Invoice>('invoices.get', {
                id: invoices[s.invoice % invoices.length]!.id,
              });
              if (target.open === 0) continue;
              if (s.kind === 'credit') {
                const amount = Math.max(1, Math.floor((target.open * s.share) / 100));
                await ledger.ok('creditNotes.create', {
                  invoiceId: target.id,
                  amount,
                  reason: 'Adjustment',
                });
              } else {
                await ledger.ok('invoices.writeOff', {
                  invoiceId: target.id,
                  reason: 'Small balance',
                });
              }
            }
          }

          const db = ledger.app.connection.sqlite;
          // The kept settled sum always equals its rows.
          const drift = db
            .prepare(
              `SELECT count(*) FROM invoices i WHERE settled_amount !=
                 coalesce((SELECT sum(amount) FROM allocations WHERE invoice_id = i.id), 0)
               + coalesce((SELECT sum(amount) FROM credit_notes WHERE invoice_id = i.id), 0)
               + coalesce((SELECT sum(amount) FROM write_offs WHERE invoice_id = i.id), 0)`,
            )
            .pluck()
            .get();
          expect(drift).toBe(0);
          const appliedDrift = db
            .prepare(
              `SELECT count(*) FROM payments p WHERE applied_amount !=
                 coalesce((SELECT sum(amount) FROM allocations WHERE payment_id = p.id), 0)
               + coalesce((SELECT sum(amount) FROM refunds WHERE payment_id = p.id), 0)`,
            )
            .pluck()
            .get();
          expect(appliedDrift).toBe(0);
          for (const created of invoices) {
            const invoice = await ledger.ok<Invoice>('invoices.get', { id: created.id });
            expect(invoice.open).toBe(
              invoice.total - invoice.paid - invoice.credited - invoice.writtenOff,
            );
            expect(invoice.open).toBeGreaterThanOrEqual(0);
          }
          // Every payment is allocated, refunded or kept as credit, never over-allocated.
          const overAllocated = db
            .prepare(
              'SELECT count(*) FROM payments p WHERE (SELECT coalesce(sum(amount), 0) FROM allocations WHERE payment_id = p.id) > p.amount',
            )
            .pluck()
            .get();
          expect(overAllocated).toBe(0);
          const crossed = db
            .prepare(
              `SELECT count(*) FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
               WHERE p.customer_id != i.customer_id OR p.currency != i.currency`,
            )
            .pluck()
            .get();
          expect(crossed).toBe(0);

          const aging = await ledger.ok<AgingReport>('ledger.aging', {});
          for (const row of [...aging.rows, ...aging.totals]) {
            expect(agingBuckets.reduce((sum, b) => sum + row[b], 0)).toBe(row.total);
          }
          const open = db
            .prepare(
              'SELECT currency, sum(total_amount - settled_amount) AS open FROM invoices GROUP BY currency HAVING open > 0 ORDER BY currency',
            )
            .all();
          expect(aging.totals.map((t) => ({ currency: t.currency, open: t.total }))).toEqual(open);
          // A day later, aging rebuilt from the rows as of yesterday (when everything was dated)
          // agrees with aging from the kept sums today.
          ledger.clock.set('2027-03-16T09:00:00Z');
          const rebuilt = await ledger.ok<AgingReport>('ledger.aging', { asOf: '2027-03-15' });
          const current = await ledger.ok<AgingReport>('ledger.aging', {});
          expect(rebuilt.totals.map((t) => t.total)).toEqual(current.totals.map((t) => t.total));
          expect(rebuilt.unappliedCredit).toEqual(current.unappliedCredit);
        } finally {
          await ledger.app.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
