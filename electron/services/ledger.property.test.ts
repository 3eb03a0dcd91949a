/**
 * Property tests over random ledgers, built through the API as a user would: whatever the
 * sequence of invoices, payments, credits and write-offs, the books balance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agingBuckets,
  agingTotals,
  bucketFor,
  compareAgingRows,
  daysOverdue,
  type AgingRow,
} from '../../shared/aging';
import { fromColumns } from '../../shared/columns';
import { addDays, type CalendarDate } from '../../shared/dates';
import type {
  AgingDetailRow,
  AgingReport,
  Customer,
  CustomerDetail,
  Invoice,
  Payment,
  UnappliedCredit,
} from '../../shared/ledger';
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
          // The kept date of each invoice's last payment (triggers, migration 0011) equals
          // its rows, though payments dated earlier can be allocated after later ones.
          const paidOnDrift = db
            .prepare(
              `SELECT count(*) FROM invoices i WHERE last_paid_on IS NOT
                 (SELECT max(p.date) FROM allocations a JOIN payments p ON p.id = a.payment_id
                  WHERE a.invoice_id = i.id)`,
            )
            .pluck()
            .get();
          expect(paidOnDrift).toBe(0);
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
          for (const row of [...fromColumns(aging.rows), ...aging.totals]) {
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

/** Days late, near every bucket boundary more often than not. */
const lateness = fc.oneof(
  fc.constantFrom(0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91),
  fc.integer({ min: -30, max: 130 }),
);

/** Days before one of the dates aged at, on the day itself or the day before more often. */
const daysBefore = fc.oneof(fc.constantFrom(0, 1), fc.nat(40));
/** Which date aged at: the past one (where dates before and after it differ) more often. */
const on = fc.oneof({ arbitrary: fc.constant(1), weight: 2 }, { arbitrary: fc.nat(2), weight: 1 });

// Dates are set from the three dates aged at (today, a past date and a later one: see below),
// so that every boundary is met: due dates, payments, credit notes and write-offs.
const agingStep = fc.oneof(
  fc.record({
    kind: fc.constant('invoice' as const),
    customer: fc.nat(2),
    currency: fc.constantFrom('GBP', 'EUR'),
    // Due so many days before one of the dates aged at, issued up to 40 days before that.
    dueFrom: on,
    late: lateness,
    termDays: fc.nat(40),
    unitPrice: fc.integer({ min: 1, max: 500_000 }),
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    customer: fc.nat(2),
    currency: fc.constantFrom('GBP', 'EUR'),
    on,
    daysBefore,
    amount: fc.integer({ min: 1, max: 400_000 }),
  }),
  fc.record({
    kind: fc.constantFrom('credit' as const, 'writeOff' as const),
    invoice: fc.nat(30),
    share: fc.integer({ min: 1, max: 100 }),
    on,
    daysBefore,
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    payment: fc.nat(30),
    // All of what is left as often as not: a payment used up today, refunded after a past date.
    share: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 100 })),
    on,
    daysBefore,
  }),
);

const notAfter = (date: CalendarDate, last: CalendarDate) => (date < last ? date : last);

/** What was open on an invoice at `asOf`, from its own dated reductions (0: not yet issued). */
function openAt(invoice: Invoice, asOf: CalendarDate): number {
  if (invoice.issueDate > asOf) return 0;
  return invoice.reductions
    .filter((r) => r.date <= asOf)
    .reduce((open, r) => open - r.amount, invoice.total);
}

/** What aging must say at `asOf`, worked out invoice by invoice. */
function expectedAging(invoices: readonly Invoice[], asOf: CalendarDate) {
  const rows = new Map<string, AgingRow>();
  for (const invoice of invoices) {
    const open = openAt(invoice, asOf);
    if (open <= 0) continue;
    const late = daysOverdue(invoice.dueDate, asOf);
    const key = `${invoice.customerId}|${invoice.currency}`;
    const row = rows.get(key) ?? {
      customerId: invoice.customerId,
      currency: invoice.currency,
      current: 0,
      d1_30: 0,
      d31_60: 0,
      d61_90: 0,
      d90_plus: 0,
      total: 0,
      oldestDaysOverdue: 0,
    };
    row[bucketFor(late)] += open;
    row.total += open;
    row.oldestDaysOverdue = Math.max(row.oldestDaysOverdue, late);
    rows.set(key, row);
  }
  return [...rows.values()].sort(compareAgingRows);
}

/**
 * Credit at `asOf`: what was paid by then less what went to invoices (an allocation counts from
 * its payment's date) and what was refunded by then.
 */
function expectedCredit(
  payments: readonly Payment[],
  refunds: readonly { paymentId: number; date: CalendarDate; amount: number }[],
  asOf: CalendarDate,
): UnappliedCredit[] {
  const credit = new Map<string, UnappliedCredit>();
  for (const payment of payments) {
    if (payment.date > asOf) continue;
    const unapplied =
      payment.amount -
      payment.allocations.reduce((sum, a) => sum + a.amount, 0) -
      refunds
        .filter((r) => r.paymentId === payment.id && r.date <= asOf)
        .reduce((sum, r) => sum + r.amount, 0);
    if (unapplied === 0) continue;
    const key = `${payment.customerId}|${payment.currency}`;
    const entry = credit.get(key) ?? {
      customerId: payment.customerId,
      currency: payment.currency,
      amount: 0,
    };
    entry.amount += unapplied;
    credit.set(key, entry);
  }
  return byCustomer([...credit.values()]);
}

const byCustomer = (credit: UnappliedCredit[]) =>
  credit.sort((a, b) => a.customerId - b.customerId || a.currency.localeCompare(b.currency));

describe('aging of any ledger', () => {
  it('puts every open amount in the bucket of its invoice, and credit beside it, today, later and on any past date', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(agingStep, { minLength: 1, maxLength: 25 }),
        fc.nat(73),
        fc.nat(120),
        async (steps, pastDay, futureDays) => {
          const ledger = await startLedgerApp(await tempDir());
          try {
            const today = '2027-03-15';
            const asOfs = [today, addDays('2027-01-01', pastDay), addDays(today, futureDays)];
            const customers: Customer[] = [];
            for (const name of ['Ava', 'Bryn', 'Ciarán'])
              customers.push(await ledger.ok<Customer>('customers.create', { name }));
            const ids: number[] = [];
            const payments: Payment[] = [];
            const refunds: { paymentId: number; date: CalendarDate; amount: number }[] = [];
            for (const s of steps) {
              if (s.kind === 'invoice') {
                const dueDate = addDays(asOfs[s.dueFrom]!, -s.late);
                const issued = addDays(dueDate, -s.termDays);
                const invoice = await ledger.ok<Invoice>('invoices.create', {
                  customerId: customers[s.customer]!.id,
                  issueDate: notAfter(issued, today),
                  dueDate,
                  currency: s.currency,
                  lines: [{ description: 'Work', quantity: '1', unitPrice: s.unitPrice }],
                });
                ids.push(invoice.id);
              } else if (s.kind === 'payment') {
                const payment = await ledger.ok<Payment>('payments.record', {
                  customerId: customers[s.customer]!.id,
                  date: notAfter(addDays(asOfs[s.on]!, -s.daysBefore), today),
                  amount: s.amount,
                  currency: s.currency,
                });
                payments.push(payment);
              } else if (s.kind === 'refund') {
                if (payments.length === 0) continue;
                const { id, customerId, date: paid } = payments[s.payment % payments.length]!;
                const detail = await ledger.ok<CustomerDetail>('customers.get', { id: customerId });
                const unapplied = detail.payments.find((p) => p.id === id)!.unapplied;
                if (unapplied === 0) continue;
                const on = notAfter(addDays(asOfs[s.on]!, -s.daysBefore), today);
                const refund = {
                  paymentId: id,
                  amount: Math.max(1, Math.floor((unapplied * s.share) / 100)),
                  date: on < paid ? paid : on,
                };
                await ledger.ok('payments.refund', refund);
                refunds.push(refund);
              } else if (ids.length > 0) {
                const target = await ledger.ok<Invoice>('invoices.get', {
                  id: ids[s.invoice % ids.length]!,
                });
                if (target.open === 0) continue;
                const on = notAfter(addDays(asOfs[s.on]!, -s.daysBefore), today);
                const date = on < target.issueDate ? target.issueDate : on;
                const reason = 'Adjustment';
                if (s.kind === 'credit') {
                  const amount = Math.max(1, Math.floor((target.open * s.share) / 100));
                  await ledger.ok('creditNotes.create', {
                    invoiceId: target.id,
                    amount,
                    reason,
                    date,
                  });
                } else {
                  await ledger.ok('invoices.writeOff', { invoiceId: target.id, reason, date });
                }
              }
            }
            const invoices: Invoice[] = [];
            for (const id of ids) invoices.push(await ledger.ok<Invoice>('invoices.get', { id }));
            // Payments as they stand, with every allocation made since they were recorded.
            const paid: Payment[] = [];
            for (const customer of customers) {
              const detail = await ledger.ok<CustomerDetail>('customers.get', { id: customer.id });
              paid.push(...detail.payments);
            }

            for (const asOf of asOfs) {
              const aging = await ledger.ok<AgingReport>('ledger.aging', { asOf });
              const expected = expectedAging(invoices, asOf);
              const names = new Map(customers.map((c) => [c.id, c.name]));
              expect(fromColumns(aging.rows)).toEqual(
                expected.map((row) => ({
                  ...row,
                  customerName: names.get(row.customerId),
                  lastContactAt: null,
                })),
              );
              expect(aging.totals).toEqual(agingTotals(expected));
              expect(byCustomer(fromColumns(aging.unappliedCredit))).toEqual(
                expectedCredit(paid, refunds, asOf),
              );
              // Every figure traces to its invoices, with the same open amounts.
              for (const row of expected) {
                const detail = await ledger.ok<AgingDetailRow[]>('ledger.agingDetail', {
                  customerId: row.customerId,
                  currency: row.currency,
                  asOf,
                });
                const behind = invoices
                  .filter((i) => i.customerId === row.customerId && i.currency === row.currency)
                  .map((i) => ({ invoiceId: i.id, open: openAt(i, asOf) }))
                  .filter((i) => i.open > 0);
                expect(
                  detail
                    .map((d) => ({ invoiceId: d.invoiceId, open: d.open }))
                    .sort((a, b) => a.invoiceId - b.invoiceId),
                ).toEqual(behind);
              }
            }
          } finally {
            await ledger.app.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
