/**
 * customers.behaviour and customers.behaviours through the API on a real ledger: which
 * invoices count as paid and on which date (partly paid, credited, written off, void, draft),
 * the figures and words, the batch form kept in step as payments arrive, and bad input.
 */
import { describe, expect, it } from 'vitest';
import type { BehaviourList, CustomerBehaviour } from '../../shared/api/behaviour';
import { fromColumns } from '../../shared/columns';
import type { Customer, Invoice } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';
import { createBehaviourService } from './behaviour.service';

const tempDir = useTempDirs();

// The ledger app's clock: 2027-03-15T09:00:00Z, the business in Europe/London.
async function ledgerWithHistory() {
  const ledger = await startLedgerApp(await tempDir());
  const { ok } = ledger;
  const ana = await ok<Customer>('customers.create', { name: 'Ana Pereira' });
  const bob = await ok<Customer>('customers.create', { name: 'Bob Okafor' });
  const invoice = (dueDate: string, unitPrice: number, extra = {}) =>
    ok<Invoice>('invoices.create', {
      customerId: ana.id,
      issueDate: '2027-01-05',
      dueDate,
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: '1', unitPrice }],
      ...extra,
    });
  const pay = (date: string, invoiceId: number, amount: number) =>
    ok('payments.record', {
      customerId: ana.id,
      date,
      amount,
      currency: 'GBP',
      allocations: [{ invoiceId, amount }],
    });
  // Paid in two parts, the first on time: paid on the date of the second, 10 days late.
  const partly = await invoice('2027-01-10', 10000);
  await pay('2027-01-08', partly.id, 4000);
  await pay('2027-01-20', partly.id, 6000);
  // Paid two days early: on time, never "−2 days late".
  const early = await invoice('2027-02-01', 20000);
  await pay('2027-01-30', early.id, 20000);
  // Paid 5 days late; a credit note after that does not move the paid date.
  const credited = await invoice('2027-02-10', 5000);
  await pay('2027-02-15', credited.id, 4000);
  await ok('creditNotes.create', {
    invoiceId: credited.id,
    amount: 1000,
    reason: 'Fewer hours',
    date: '2027-03-01',
  });
  // Part paid, the rest written off: not paid in full, so not counted.
  const writtenOff = await invoice('2027-02-01', 3000);
  await pay('2027-02-05', writtenOff.id, 1000);
  await ok('invoices.writeOff', {
    invoiceId: writtenOff.id,
    reason: 'Goodwill',
    date: '2027-03-01',
  });
  // Credited in full: nothing paid, so not counted.
  const allCredited = await invoice('2027-02-01', 2500);
  await ok('creditNotes.create', {
    invoiceId: allCredited.id,
    amount: 2500,
    reason: 'Cancelled job',
    date: '2027-02-02',
  });
  // Still open, partly paid: 64 days overdue on 15 March.
  const open = await invoice('2027-01-10', 7000);
  await pay('2027-02-01', open.id, 2000);
  // Neither billed nor paid.
  const voided = await invoice('2027-02-01', 9999);
  await ok('invoices.void', { id: voided.id, reason: 'Sent twice' });
  await invoice('2027-04-01', 8888, { draft: true });
  await ok('contacts.logCall', { customerId: ana.id, outcome: 'reached', note: 'All fine' });
  await ok('disputes.open', { customerId: ana.id, invoiceIds: [open.id], reason: 'Wrong rate' });
  /** The open invoice paid in full today, 64 days late. */
  const payOpenToday = () => pay('2027-03-15', open.id, 5000);
  /** A service that has read nothing yet, on the same ledger. */
  const freshService = () =>
    createBehaviourService({
      db: ledger.app.connection.db,
      sqlite: ledger.app.connection.sqlite,
      context: () => Promise.resolve({ today: '2027-03-15', locale: 'en-GB' }),
    });
  return { ...ledger, ana, bob, open, payOpenToday, freshService };
}

describe('customers.behaviour', () => {
  it('works out the figures from the ledger as documented, with a summary and suggestions', async () => {
    const { ok, ana } = await ledgerWithHistory();
    const behaviour = await ok<CustomerBehaviour>('customers.behaviour', { customerId: ana.id });
    const { figures } = behaviour;
    expect(behaviour.asOf).toBe('2027-03-15');
    // Paid: 10 (partly), 0 (early) and 5 (credited) days late.
    expect(figures.invoicesPaid).toBe(3);
    expect(figures.medianDaysLate).toBe(5);
    expect(figures.averageDaysLate).toBe(5);
    // (10×10000 + 0×20000 + 5×5000) / 35000
    expect(figures.weightedDaysLate).toBeCloseTo(125000 / 35000, 10);
    expect(figures.onTimeShare).toBeCloseTo(1 / 3, 10);
    expect(figures.within7Share).toBeCloseTo(2 / 3, 10);
    expect(figures.lateStreak).toBe(1);
    expect(figures.contacts).toBe(1);
    expect(figures.contactsPerInvoicePaid).toBeCloseTo(1 / 3, 10);
    expect(figures.disputes).toBe(1);
    expect(figures.longestOverdueDays).toBe(64);
    // Billed: 10000 + 20000 + 5000 + 3000 + 2500 + 7000 (not the void or the draft).
    expect(figures.billed).toEqual([{ currency: 'GBP', amount: 47500 }]);
    // Received: 4000 + 6000 + 20000 + 4000 + 1000 + 2000.
    expect(figures.received).toEqual([{ currency: 'GBP', amount: 37000 }]);
    expect(behaviour.summary).toBe('Usually pays about 5 days late.');
    expect(behaviour.points.map((p) => [p.paidOn, p.daysLate])).toEqual([
      ['2027-01-20', 10],
      ['2027-01-30', 0],
      ['2027-02-15', 5],
    ]);
    expect(behaviour.suggestions.map((s) => s.kind)).toEqual(['credit_hold']);
    expect(behaviour.creditHold).toBeNull();
  });

  it('asks no more for credit hold once it is on, and shows its reason', async () => {
    const { ok, ana } = await ledgerWithHistory();
    await ok('customers.update', { id: ana.id, creditHold: { reason: 'Until March is paid' } });
    const behaviour = await ok<CustomerBehaviour>('customers.behaviour', { customerId: ana.id });
    expect(behaviour.creditHold).toEqual({ reason: 'Until March is paid' });
    expect(behaviour.suggestions).toEqual([]);
  });

  it('a customer with no history has no figures, and says so kindly', async () => {
    const { ok, bob } = await ledgerWithHistory();
    const behaviour = await ok<CustomerBehaviour>('customers.behaviour', { customerId: bob.id });
    expect(behaviour.figures.invoicesPaid).toBe(0);
    expect(behaviour.figures.medianDaysLate).toBeNull();
    expect(behaviour.summary).toBe('No invoices paid yet.');
    expect(behaviour.points).toEqual([]);
  });

  it('refuses an unknown customer or a malformed request by field, writing nothing', async () => {
    const { call, fingerprint } = await ledgerWithHistory();
    const before = fingerprint();
    expect(await call('customers.behaviour', { customerId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'customerId' },
    });
    for (const input of [{}, { customerId: 'one' }, { customerId: 1.5 }, { customerId: 1, x: 1 }]) {
      const result = await call('customers.behaviour', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(await call('customers.behaviours', { customerId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(fingerprint()).toBe(before);
  });
});

describe('customers.behaviours', () => {
  it('agrees with the one-customer form, and keeps in step as payments arrive', async () => {
    const { ok, ana, payOpenToday, freshService } = await ledgerWithHistory();
    const rowOf = async (customerId: number) =>
      fromColumns((await ok<BehaviourList>('customers.behaviours', {})).rows).find(
        (row) => row.customerId === customerId,
      );
    expect(await rowOf(ana.id)).toEqual({
      customerId: ana.id,
      invoicesPaid: 3,
      usualDaysLate: 5,
      onTimeShare: 1 / 3,
      label: '5 days late',
      summary: 'Usually pays about 5 days late.',
    });
    // The open invoice is paid today, 64 days late: 0, 5, 10, 64 → a median of 7.5.
    await payOpenToday();
    const after = await rowOf(ana.id);
    expect(after).toMatchObject({ invoicesPaid: 4, usualDaysLate: 8, label: '8 days late' });
    const single = await ok<CustomerBehaviour>('customers.behaviour', { customerId: ana.id });
    expect(single.figures.medianDaysLate).toBe(7.5);
    // What was kept and brought up to date equals a fresh read of the whole ledger.
    expect(await ok('customers.behaviours', {})).toEqual(await freshService().list());
  });

  it('gives expected cash the same usual days late, read on its own, kept and brought up to date', async () => {
    const { ok, ana, bob, payOpenToday, freshService } = await ledgerWithHistory();
    const usualFromList = async () =>
      new Map(
        fromColumns((await ok<BehaviourList>('customers.behaviours', {})).rows)
          .filter((row) => row.usualDaysLate !== null)
          .map((row) => [row.customerId, row.usualDaysLate]),
      );
    const kept = freshService();
    // 10, 0 and 5 days late: 5. The invoice written off after a part payment (4 days late)
    // is left out, as in the figures.
    expect(await kept.usualDaysLate()).toEqual(new Map([[ana.id, 5]]));
    expect(await kept.usualDaysLate()).toEqual(await usualFromList());
    await payOpenToday();
    // 0, 5, 10 and 64: 7.5, so 8; with the written-off invoice it would be 5.
    expect((await kept.usualDaysLate()).get(ana.id)).toBe(8);
    expect(await kept.usualDaysLate()).toEqual(await usualFromList());
    expect(await freshService().usualDaysLate()).toEqual(await kept.usualDaysLate());
    expect((await kept.usualDaysLate()).has(bob.id)).toBe(false);
    // Bob's one invoice, part paid and the rest written off: settled, but not paid, so
    // nothing to say how he pays, fresh or brought up to date.
    const bobs = await ok<Invoice>('invoices.create', {
      customerId: bob.id,
      issueDate: '2027-01-05',
      dueDate: '2027-02-01',
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: '1', unitPrice: 3000 }],
    });
    await ok('payments.record', {
      customerId: bob.id,
      date: '2027-02-20',
      amount: 1000,
      currency: 'GBP',
      allocations: [{ invoiceId: bobs.id, amount: 1000 }],
    });
    await ok('invoices.writeOff', { invoiceId: bobs.id, reason: 'Goodwill', date: '2027-03-01' });
    expect((await kept.usualDaysLate()).has(bob.id)).toBe(false);
    expect((await freshService().usualDaysLate()).has(bob.id)).toBe(false);
    expect(await kept.usualDaysLate()).toEqual(await usualFromList());
  });
});
