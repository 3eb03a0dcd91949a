/**
 * cash.expected and cash.expectedRows through the API on a real ledger with the clock pinned
 * (Monday 2027-03-15): a customer's usual lateness moves their invoices, an active plan's
 * instalments replace its invoice (the deposit paid), a promise takes its amount off the
 * invoice it will pay, a disputed invoice waits; every bar lists its rows; bad input by field.
 */
import { describe, expect, it } from 'vitest';
import type { ExpectedCash, ExpectedRow, OwedOverTime } from '../../shared/api/cash';
import type { Plan } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

async function ledgerWithPlansAndPromises() {
  const ledger = await startLedgerApp(await tempDir());
  const { ok } = ledger;
  const customer = (name: string) => ok<Customer>('customers.create', { name });
  const invoice = (customerId: number, dueDate: string, unitPrice: number) =>
    ok<Invoice>('invoices.create', {
      customerId,
      issueDate: '2027-01-01',
      dueDate,
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: '1', unitPrice }],
    });
  const pay = (customerId: number, date: string, invoiceId: number, amount: number) =>
    ok('payments.record', {
      customerId,
      date,
      amount,
      currency: 'GBP',
      allocations: [{ invoiceId, amount }],
    });
  // Ana usually pays 9 days late.
  const ana = await customer('Ana Pereira');
  const paid = await invoice(ana.id, '2027-01-10', 1000);
  await pay(ana.id, '2027-01-19', paid.id, 1000);
  const anaOpen = await invoice(ana.id, '2027-03-10', 10000);
  // Bob's invoice is in an active plan: a 6,000 deposit (paid) and 3 monthly payments.
  const bob = await customer('Bob Okafor');
  const planned = await invoice(bob.id, '2027-02-01', 30000);
  const plan = await ok<Plan>('plans.create', {
    customerId: bob.id,
    invoiceIds: [planned.id],
    currency: 'GBP',
    deposit: 6000,
    count: 3,
    frequency: 'monthly',
    firstDue: '2027-03-20',
  });
  await ok('plans.activate', { planId: plan.id });
  await pay(bob.id, '2027-03-15', planned.id, 6000);
  // Cara: one invoice disputed, another partly promised.
  const cara = await customer('Cara Nguyen');
  const disputed = await invoice(cara.id, '2027-03-01', 5000);
  await ok('disputes.open', { customerId: cara.id, invoiceIds: [disputed.id], reason: 'Late job' });
  const promised = await invoice(cara.id, '2027-03-20', 4000);
  await ok('promises.create', {
    customerId: cara.id,
    date: '2027-03-24',
    amount: 1500,
    currency: 'GBP',
    channel: 'phone',
  });
  return { ...ledger, ana, bob, cara, anaOpen, promised, plan };
}

describe('cash.expected', () => {
  it('places invoices, plan payments and promises in the weeks they should come', async () => {
    const { ok, plan } = await ledgerWithPlansAndPromises();
    expect(plan.instalments.map((i) => [i.number, i.due, i.amount])).toEqual([
      [0, expect.any(String), 6000],
      [1, '2027-03-20', 8000],
      [2, '2027-04-20', 8000],
      [3, '2027-05-20', 8000],
    ]);
    const cash = await ok<ExpectedCash>('cash.expected', {});
    expect(cash.asOf).toBe('2027-03-15');
    expect(cash.currencies.map((c) => c.currency)).toEqual(['GBP']);
    const gbp = cash.currencies[0]!;
    expect(gbp.bars).toHaveLength(14);
    // Week 1: Ana's 10,000 (due 10 March + 9 days), Bob's 8,000 (20 March), Cara's 4,000 less
    // the 1,500 promised; week 2: the promise (24 March); 20 April is in week 6, 20 May in 10.
    expect(gbp.bars.filter((b) => b.count > 0).map((b) => [b.bar, b.amount, b.count])).toEqual([
      [0, 20500, 3],
      [1, 1500, 1],
      [5, 8000, 1],
      [9, 8000, 1],
    ]);
    expect(gbp.total).toBe(38000);
    expect(gbp.lateAlready).toBe(0);
  });

  it('lists the rows behind a bar, each traced to its invoice, plan or promise', async () => {
    const { ok, ana, bob, cara, anaOpen, promised } = await ledgerWithPlansAndPromises();
    const rows = await ok<ExpectedRow[]>('cash.expectedRows', { currency: 'GBP', bar: 0 });
    expect(
      rows.map((r) => [r.customerName, r.source, r.reference, r.expectedOn, r.amount]),
    ).toEqual([
      ['Ana Pereira', 'invoice', anaOpen.number, '2027-03-19', 10000],
      [
        'Bob Okafor',
        'instalment',
        expect.stringMatching(/^Plan \d+, payment 1$/),
        '2027-03-20',
        8000,
      ],
      ['Cara Nguyen', 'invoice', promised.number, '2027-03-20', 2500],
    ]);
    expect(rows.map((r) => r.customerId)).toEqual([ana.id, bob.id, cara.id]);
    expect(rows[0]!.usualDaysLate).toBe(9);
    const promise = await ok<ExpectedRow[]>('cash.expectedRows', { currency: 'GBP', bar: 1 });
    expect(promise.map((r) => [r.source, r.dueDate, r.amount])).toEqual([
      ['promise', '2027-03-24', 1500],
    ]);
    expect(await ok('cash.expectedRows', { currency: 'EUR', bar: 0 })).toEqual([]);
  });

  it('refuses a bar or currency that is not there, by field, writing nothing', async () => {
    const { call, fingerprint } = await ledgerWithPlansAndPromises();
    const before = fingerprint();
    for (const [input, field] of [
      [{ currency: 'GBP', bar: 13 }, 'bar'],
      [{ currency: 'GBP', bar: -2 }, 'bar'],
      [{ currency: 'GBP', bar: 1.5 }, 'bar'],
      [{ currency: 'GBP' }, 'bar'],
      [{ currency: 'ZZZ', bar: 0 }, 'currency'],
      [{ bar: 0 }, 'currency'],
    ] as const) {
      expect(await call('cash.expectedRows', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field },
      });
    }
    expect(await call('cash.expected', { weeks: 20 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(fingerprint()).toBe(before);
  });
});

describe('cash.overTime', () => {
  it('gives owed, overdue and DSO at each month end and today, from the ledger', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const { ok, call } = ledger;
    const dora = await ok<Customer>('customers.create', { name: 'Dora Hale' });
    const invoice = await ok<Invoice>('invoices.create', {
      customerId: dora.id,
      issueDate: '2027-01-01',
      dueDate: '2027-01-31',
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: '1', unitPrice: 10000 }],
    });
    await ok('payments.record', {
      customerId: dora.id,
      date: '2027-02-10',
      amount: 4000,
      currency: 'GBP',
      allocations: [{ invoiceId: invoice.id, amount: 4000 }],
    });
    const over = await ok<OwedOverTime>('cash.overTime', {});
    expect(over.asOf).toBe('2027-03-15');
    const points = over.currencies[0]!.points;
    expect(points.map((p) => p.date)).toHaveLength(13);
    expect(points[0]).toEqual({
      date: '2026-03-31',
      owed: 0,
      overdue: 0,
      overdueShare: null,
      dso: 0,
    });
    const [january, february, today] = points.slice(-3);
    // Due on 31 January: owed but not yet overdue that day; January's invoicing explains it.
    expect(january).toEqual({
      date: '2027-01-31',
      owed: 10000,
      overdue: 0,
      overdueShare: 0,
      dso: 31,
    });
    // 6,000 left: February (28 days, nothing invoiced), then 60% of January's 31 days.
    expect(february).toMatchObject({ owed: 6000, overdue: 6000, overdueShare: 1 });
    expect(february!.dso).toBeCloseTo(28 + 18.6, 10);
    expect(today).toMatchObject({ date: '2027-03-15', owed: 6000, overdue: 6000 });
    expect(today!.dso).toBeCloseTo(15 + 28 + 18.6, 10);
    expect(await call('cash.overTime', { months: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
