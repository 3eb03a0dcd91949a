import { afterEach, describe, expect, it } from 'vitest';
import type { ActResult, PromiseView } from '../../shared/api/reminders';
import { fromColumns } from '../../shared/columns';
import type { AgingReport, Customer, Invoice } from '../../shared/ledger';
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

  it('runs an autopilot step by itself, but only once the contact window is open', async () => {
    // Saturday 2027-03-13 10:00 London: outside the Mon–Fri window.
    const { ok, app, clock, queue } = await ledgerWithOverdue('2027-03-13T10:00:00Z');
    const policy = await ok<{ ladder: { key: string; autopilot: boolean }[] }>(
      'reminders.policy',
      {},
    );
    await ok('reminders.updatePolicy', {
      ladder: policy.ladder.map((step) => ({
        ...step,
        autopilot: ['reminder', 'check_in'].includes(step.key),
      })),
    });
    await app.reminders.tick();
    const waiting = await queue();
    // 12 days overdue on Saturday: the reminder (+7) waits for Monday.
    expect(waiting.items[0]).toMatchObject({
      step: 'reminder',
      status: 'waiting',
      autopilot: true,
    });
    expect(waiting.items[0]!.why.join(' ')).toContain('Outside the contact window');

    clock.set('2027-03-15T07:59:00Z'); // Monday 07:59 London (GMT): still closed
    await app.reminders.tick();
    // By Monday the check-in (+14) fits; the reminder that never went is passed over.
    expect((await queue()).items.map((i) => [i.step, i.status])).toEqual([['check_in', 'waiting']]);
    clock.set('2027-03-15T08:00:00Z');
    const run = await app.reminders.tick();
    expect(run.autopilotApproved).toBe(1);
    expect((await queue()).items).toHaveLength(0);
    const contacts = app.connection.sqlite.prepare('SELECT occurred_at, step FROM contacts').all();
    expect(contacts).toEqual([{ occurred_at: '2027-03-15T08:00:00.000Z', step: 'check_in' }]);
  });

  it('approved outside the window, a message is held until the window opens', async () => {
    // Monday 21:30 London: after hours.
    const { ok, queue } = await ledgerWithOverdue('2027-03-15T21:30:00Z');
    const [item] = (await queue()).items;
    expect(item!.status).toBe('waiting');
    expect(item!.readyAt).toBe('2027-03-16T08:00:00.000Z');
    const acted = await ok<ActResult>('reminders.act', { itemId: item!.id, action: 'approve' });
    expect(acted).toMatchObject({ status: 'approved', sendAfter: '2027-03-16T08:00:00.000Z' });
  });

  it('respects the minimum gap and the cap after a contact', async () => {
    const { ok, clock, queue, customer } = await ledgerWithOverdue();
    await ok('contacts.logCall', { customerId: customer.id, outcome: 'no_answer' });
    const [item] = (await queue()).items;
    expect(item).toMatchObject({ step: 'check_in', status: 'waiting' });
    expect(item!.why.join(' ')).toContain('the minimum gap is 5 days');
    clock.set('2027-03-20T10:00:00Z'); // Saturday: gap passed, window closed
    expect((await queue()).items[0]!.status).toBe('waiting');
    clock.set('2027-03-22T10:00:00Z');
    expect((await queue()).items[0]!.status).toBe('ready');
  });

  it('skips with a reason, snoozes to a later day, and refuses a snooze into the past', async () => {
    const { ok, call, queue, fingerprint } = await ledgerWithOverdue();
    const [item] = (await queue()).items;
    const before = fingerprint();
    const past = await call('reminders.act', {
      itemId: item!.id,
      action: 'snooze',
      until: '2027-03-15',
    });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'until' } });
    const noReason = await call('reminders.act', { itemId: item!.id, action: 'skip', reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await call('reminders.act', { itemId: 999, action: 'approve' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', field: 'itemId' } });
    expect(fingerprint()).toBe(before);

    await ok('reminders.act', { itemId: item!.id, action: 'snooze', until: '2027-03-18' });
    expect((await queue()).items[0]).toMatchObject({
      status: 'snoozed',
      snoozedUntil: '2027-03-18',
    });
    await ok('reminders.act', {
      itemId: item!.id,
      action: 'skip',
      reason: 'Spoke to them at the door',
    });
    expect((await queue()).items).toHaveLength(0);
  });

  it('logs a call with a promise in one step, which then holds chasing', async () => {
    const { ok, call, app, clock, queue, customer, fingerprint } = await ledgerWithOverdue();
    // 46 days overdue on 2027-04-16: the call step (+45).
    clock.set('2027-04-16T10:00:00Z');
    const [item] = (await queue()).items;
    expect(item).toMatchObject({ step: 'call', group: 'call', status: 'ready' });
    const approve = await call('reminders.act', { itemId: item!.id, action: 'approve' });
    expect(approve).toMatchObject({ ok: false, error: { field: 'action' } });
    const before = fingerprint();
    const badPromise = await call('reminders.act', {
      itemId: item!.id,
      action: 'log_call',
      outcome: 'promised',
      promise: { date: '2027-04-01', amount: 50000, currency: 'GBP', channel: 'phone' },
    });
    expect(badPromise).toMatchObject({ ok: false, error: { field: 'promise.date' } });
    expect(fingerprint()).toBe(before);
    await ok('reminders.act', {
      itemId: item!.id,
      action: 'log_call',
      outcome: 'promised',
      note: 'Will pay Friday',
      promise: { date: '2027-04-23', amount: 50000, currency: 'GBP', channel: 'phone' },
    });
    const promises = await ok<PromiseView[]>('promises.list', { customerId: customer.id });
    expect(promises.map((p) => p.state)).toEqual(['in_time']);
    expect((await queue()).items.map((i) => i.status)).toEqual(['blocked']);
    const timeline = await ok<{ kind: string }[]>('customers.timeline', { id: customer.id });
    expect(timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['contacts.call_logged', 'promises.made']),
    );
    await app.reminders.tick();
  });

  it('a broken promise brings a gentle "we noticed", then the ladder goes on step by step', async () => {
    const { ok, clock, queue, customer } = await ledgerWithOverdue();
    const [first] = (await queue()).items;
    await ok('reminders.act', { itemId: first!.id, action: 'approve' }); // check-in, day 14
    await ok('promises.create', {
      customerId: customer.id,
      date: '2027-03-19',
      amount: 50000,
      currency: 'GBP',
      channel: 'email',
    });
    clock.set('2027-03-23T10:00:00Z'); // 19 + 3 days' grace has passed
    const noticed = await queue();
    expect(noticed.items[0]).toMatchObject({ step: 'promise_broken', status: 'ready' });
    await ok('reminders.act', { itemId: noticed.items[0]!.id, action: 'approve' });
    clock.set('2027-04-05T10:00:00Z'); // 35 days overdue: firm fits, and comes next
    const next = await queue();
    expect(next.items[0]).toMatchObject({ step: 'firm' });
    const promises = await ok<PromiseView[]>('promises.list', { customerId: customer.id });
    expect(promises[0]!.state).toBe('broken');
  });

  it('turning reminders off for a customer withdraws their step; pausing an invoice holds it', async () => {
    const { ok, call, clock, queue, customer, invoice } = await ledgerWithOverdue();
    expect((await queue()).items).toHaveLength(1);
    await ok('reminders.setCustomerLadder', { customerId: customer.id, mode: 'none' });
    expect((await queue()).items).toHaveLength(0);
    await ok('reminders.setCustomerLadder', { customerId: customer.id, mode: 'business' });
    const bad = await call('reminders.pauseInvoice', {
      invoiceId: invoice.id,
      until: '2027-03-01',
      reason: 'Waiting for their PO',
    });
    expect(bad).toMatchObject({ ok: false, error: { field: 'until' } });
    await ok('reminders.pauseInvoice', {
      invoiceId: invoice.id,
      until: '2027-03-19',
      reason: 'Waiting for their PO',
    });
    const held = await queue();
    expect(held.items[0]!.status).toBe('blocked');
    expect(held.items[0]!.why.join(' ')).toContain('paused until');
    // The pause ends on Friday; on Monday chasing resumes from the first step, no jump.
    clock.set('2027-03-22T10:00:00Z');
    const resumed = await queue();
    expect(resumed.items[0]).toMatchObject({ status: 'ready', step: 'slipped' });
    expect(resumed.items[0]!.why.join(' ')).toContain('resumes where it stopped after the pause');
  });
  it("tells a customer's ladder and paused invoices, and forgets a pause once resumed", async () => {
    const { ok, customer, invoice } = await ledgerWithOverdue();
    const ladder = [
      { key: 'reminder', days: 10, channel: 'letter', enabled: true, autopilot: false },
    ];
    await ok('reminders.setCustomerLadder', { customerId: customer.id, mode: 'custom', ladder });
    await ok('reminders.pauseInvoice', {
      invoiceId: invoice.id,
      until: '2027-04-01',
      reason: 'Waiting for their new purchase order',
    });
    expect(await ok('reminders.customer', { customerId: customer.id })).toEqual({
      customerId: customer.id,
      mode: 'custom',
      ladder,
      pausedInvoices: [
        {
          invoiceId: invoice.id,
          number: invoice.number,
          until: '2027-04-01',
          reason: 'Waiting for their new purchase order',
        },
      ],
    });
    await ok('reminders.resumeInvoice', { invoiceId: invoice.id });
    await ok('reminders.setCustomerLadder', { customerId: customer.id, mode: 'none' });
    expect(await ok('reminders.customer', { customerId: customer.id })).toMatchObject({
      mode: 'none',
      ladder: null,
      pausedInvoices: [],
    });
  });

  it('previews another day without storing anything', async () => {
    const { ok, fingerprint, app } = await ledgerWithOverdue();
    await app.reminders.tick();
    const before = fingerprint();
    const ahead = await ok<ReminderQueue>('reminders.queue', { date: '2027-03-31' });
    expect(ahead.preview).toBe(true);
    expect(ahead.items).toHaveLength(1);
    expect(ahead.items[0]).toMatchObject({
      id: null,
      step: 'firm',
      stepName: 'firm reminder (+30)',
    });
    expect(fingerprint()).toBe(before);
  });

  it('names the step from the customer’s own ladder, and logs a promise made on any call', async () => {
    const { ok, call, queue, customer, invoice, fingerprint } = await ledgerWithOverdue();
    const policy = await ok<{ ladder: { key: string; days: number }[] }>('reminders.policy', {});
    await ok('reminders.setCustomerLadder', {
      customerId: customer.id,
      mode: 'custom',
      ladder: policy.ladder.map((step) => (step.key === 'check_in' ? { ...step, days: 10 } : step)),
    });
    const [item] = (await queue()).items;
    expect(item).toMatchObject({ step: 'check_in', stepName: 'check-in (+10)' });

    const before = fingerprint();
    const missing = await call('contacts.logCall', {
      customerId: customer.id,
      outcome: 'promised',
    });
    expect(missing).toMatchObject({ ok: false, error: { field: 'promise' } });
    expect(fingerprint()).toBe(before);
    await ok('contacts.logCall', {
      customerId: customer.id,
      outcome: 'promised',
      promise: { date: '2027-03-19', amount: 20000, currency: 'GBP' },
    });
    const promises = await ok<PromiseView[]>('promises.list', { customerId: customer.id });
    expect(promises[0]).toMatchObject({ channel: 'phone', amount: 20000, state: 'in_time' });

    await ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-15',
      amount: 50000,
      currency: 'GBP',
    });
    const paid = await call('reminders.pauseInvoice', {
      invoiceId: invoice.id,
      until: '2027-03-20',
      reason: 'x',
    });
    expect(paid).toMatchObject({ ok: false, error: { code: 'conflict', field: 'invoiceId' } });
  });

  it('shows the last contact on the aging row', async () => {
    const { ok, customer } = await ledgerWithOverdue();
    const before = await ok<AgingReport>('ledger.aging', {});
    expect(fromColumns(before.rows)[0]!.lastContactAt).toBeNull();
    await ok('contacts.logCall', { customerId: customer.id, outcome: 'voicemail' });
    const after = await ok<AgingReport>('ledger.aging', {});
    expect(fromColumns(after.rows)[0]!.lastContactAt).toBe('2027-03-15T10:00:00.000Z');
  });

  it('asks for "send anyway" before a letter with threatening words goes, on autopilot never', async () => {
    const { ok, call, app, queue, fingerprint } = await ledgerWithOverdue();
    await ok('letters.saveTemplate', {
      occasion: 'check_in',
      subject: 'Invoice {{oldest.number}}',
      body: 'Failure to pay will result in legal action.\n\n{{invoiceTable}}',
    });
    const [item] = (await queue()).items;
    const before = fingerprint();
    const refused = await call('reminders.act', { itemId: item!.id, action: 'approve' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'sendAnyway' } });
    expect(fingerprint()).toBe(before);

    const policy = await ok<{ ladder: { key: string }[] }>('reminders.policy', {});
    await ok('reminders.updatePolicy', {
      ladder: policy.ladder.map((step) => ({ ...step, autopilot: step.key === 'check_in' })),
    });
    const run = await app.reminders.tick();
    expect(run.autopilotApproved).toBe(0);
    const [waiting] = (await queue()).items;
    expect(waiting).toMatchObject({ id: item!.id, autopilot: true, status: 'ready' });

    const sent = await ok<ActResult>('reminders.act', {
      itemId: item!.id,
      action: 'approve',
      sendAnyway: true,
    });
    expect(sent.status).toBe('approved');
  });
});
