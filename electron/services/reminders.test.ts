import { afterEach, describe, expect, it } from 'vitest';
import type { ActResult, PromiseView } from '../../shared/api/reminders';
import type { Customer, Invoice } from '../../shared/ledger';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const running: { close(): Promise<void> }[] = [];
// Registered after the temp folders, so it runs first: close, then remove.
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/** Sample business: Europe/London, Mon–Fri 08:00–20:00. 2027-03-15 is a Monday. */
async function ledgerWithOverdue(now = '2027-03-15T10:00:00Z') {
  const ledger = await startLedgerApp(await tempDir(), now);
  running.push(ledger.app);
  const customer = await ledger.ok<Customer>('customers.create', {
    name: 'Alder & Co',
    kind: 'company',
    email: 'accounts@alder.example',
  });
  const invoice = await ledger.ok<Invoice>('invoices.create', {
    customerId: customer.id,
    issueDate: '2027-01-15',
    dueDate: '2027-03-01',
    currency: 'GBP',
    lines: [{ description: 'Shelving', quantity: '1', unitPrice: 50000 }],
  });
  const queue = () => ledger.ok<ReminderQueue>('reminders.queue', {});
  return { ...ledger, customer, invoice, queue };
}

describe('the Today queue', () => {
  it('proposes one step per customer, explained, and approving it takes it out for good', async () => {
    const { ok, call, queue, customer, invoice } = await ledgerWithOverdue();
    const first = await queue();
    expect(first.items).toHaveLength(1);
    const [item] = first.items;
    expect(item).toMatchObject({
      customerId: customer.id,
      step: 'check_in',
      status: 'ready',
      group: 'send',
      openTotals: [{ currency: 'GBP', amount: 50000 }],
    });
    expect(item!.why.join(' ')).toContain(`Invoice ${invoice.number} is 14 days overdue`);
    expect(item!.why.join(' ')).toContain('Skipped, so no backlog goes out');

    const acted = await ok<ActResult>('reminders.act', { itemId: item!.id, action: 'approve' });
    expect(acted.status).toBe('approved');
    expect((await queue()).items).toHaveLength(0);
    const again = await call('reminders.act', { itemId: item!.id, action: 'approve' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', field: 'itemId' } });
  });

  it('never makes a second item for a key, however many ticks run at once', async () => {
    const { app, queue } = await ledgerWithOverdue();
    await Promise.all([
      app.reminders.tick({ full: true }),
      app.reminders.tick({ full: true }),
      app.reminders.tick(),
    ]);
    await queue();
    const rows = app.connection.sqlite
      .prepare(
        'SELECT customer_id, step, episode, ref, count(*) AS n FROM reminder_items GROUP BY 1, 2, 3, 4',
      )
      .all() as { n: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.n).toBe(1);
    const nothing = await app.reminders.tick();
    expect(nothing.customers).toBe(0);
  });

  it('withdraws the step when the customer pays, and proposes a thank-you after chasing', async () => {
    const { ok, queue, customer } = await ledgerWithOverdue();
    const [item] = (await queue()).items;
    await ok('reminders.act', { itemId: item!.id, action: 'approve' });
    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-15',
      amount: 50000,
      currency: 'GBP',
    });
    const after = await queue();
    expect(after.items.map((i) => i.step)).toEqual(['thank_you']);
  });

  it('holds chasing while a promise is in time, and refuses a promise that cannot be', async () => {
    const { ok, call, queue, customer, fingerprint } = await ledgerWithOverdue();
    const before = fingerprint();
    const past = await call('promises.create', {
      customerId: customer.id,
      date: '2027-03-01',
      amount: 1000,
      currency: 'GBP',
      channel: 'phone',
    });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'date' } });
    const tooMuch = await call('promises.create', {
      customerId: customer.id,
      date: '2027-03-20',
      amount: 50001,
      currency: 'GBP',
      channel: 'phone',
    });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'amount' } });
    expect(fingerprint()).toBe(before);

    const promise = await ok<PromiseView>('promises.create', {
      customerId: customer.id,
      date: '2027-03-20',
      amount: 50000,
      currency: 'GBP',
      channel: 'phone',
    });
    expect(promise.state).toBe('in_time');
    const paused = await queue();
    expect(paused.items).toHaveLength(1);
    expect(paused.items[0]).toMatchObject({ status: 'blocked', id: null });
    expect(paused.items[0]!.why[0]).toMatch(/^Blocked: promise to pay £500\.00 by/);
  });

  it('refuses a ladder whose days do not rise, naming the step, and writes nothing', async () => {
    const { call, fingerprint } = await ledgerWithOverdue();
    const before = fingerprint();
    const result = await call('reminders.updatePolicy', {
      ladder: [
        { key: 'slipped', days: 7, channel: 'email', enabled: true, autopilot: false },
        { key: 'reminder', days: 7, channel: 'email', enabled: true, autopilot: false },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(result)).toContain('ladder.1.days');
    expect(fingerprint()).toBe(before);
  });

  it('pauses chasing of disputed invoices and resumes where it stopped once rejected', async () => {
    const { ok, queue, customer, invoice } = await ledgerWithOverdue();
    const dispute = await ok<{ id: number }>('disputes.open', {
      customerId: customer.id,
      invoiceIds: [invoice.id],
      reason: 'Two shelves arrived damaged',
    });
    const held = await queue();
    expect(held.items.map((i) => i.status)).toEqual(['blocked']);
    await ok('disputes.resolve', { disputeId: dispute.id, resolution: 'rejected' });
    const resumed = await queue();
    expect(resumed.items[0]).toMatchObject({ step: 'slipped', status: 'ready' });
    expect(resumed.items[0]!.why.join(' ')).toContain('resumes where it stopped');
  });
});
