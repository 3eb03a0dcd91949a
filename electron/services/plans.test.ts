/**
 * plans.preview through the API: the schedule from a total or from invoices; refusals by field.
 * plans.agreementPdf: the same terms as a PDF to sign. plans.create, get, list, activate and
 * cancel: the plan's life, each change on the customer's timeline, and the ladder paused while
 * a plan is live, resuming where it stopped once it is called off.
 */
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api/contract';
import type { DocumentFile } from '../../shared/api/invoices';
import type { Plan, PlanPreview } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

// The ledger app's clock: 2027-03-15T09:00:00Z, the business in Europe/London.
async function ledgerWithInvoices() {
  const ledger = await startLedgerApp(await tempDir());
  const { ok } = ledger;
  const customer = await ok<Customer>('customers.create', { name: 'Ana Pereira' });
  const other = await ok<Customer>('customers.create', { name: 'Bob Okafor' });
  const invoice = (customerId: number, dueDate: string, unitPrice: number, extra = {}) =>
    ok<Invoice>('invoices.create', {
      customerId,
      issueDate: '2027-01-05',
      dueDate,
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: '1', unitPrice }],
      ...extra,
    });
  const later = await invoice(customer.id, '2027-03-01', 40000);
  const older = await invoice(customer.id, '2027-02-01', 60001);
  await ok('payments.record', {
    customerId: customer.id,
    date: '2027-03-10',
    amount: 10000,
    currency: 'GBP',
    allocations: [{ invoiceId: older.id, amount: 10000 }],
  });
  const euro = await invoice(customer.id, '2027-02-01', 5000, { currency: 'EUR' });
  const othersInvoice = await invoice(other.id, '2027-02-01', 5000);
  const paid = await invoice(customer.id, '2027-02-01', 5000);
  await ok('payments.record', {
    customerId: customer.id,
    date: '2027-03-10',
    amount: 5000,
    currency: 'GBP',
    allocations: [{ invoiceId: paid.id, amount: 5000 }],
  });
  const voided = await invoice(customer.id, '2027-02-01', 5000);
  await ok('invoices.void', { id: voided.id, reason: 'Sent twice' });
  const draft = await invoice(customer.id, '2027-02-01', 5000, { draft: true });
  return {
    ...ledger,
    customer,
    invoices: { later, older, euro, othersInvoice, paid, voided, draft },
  };
}

describe('plans.preview', () => {
  it('splits a plain total: the remainder on the first payment, month ends kept', async () => {
    const { app, ok } = await startLedgerApp(await tempDir());
    const plan = await ok<PlanPreview>('plans.preview', {
      total: 100000,
      currency: 'gbp',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-03-31',
    });
    expect(plan.instalments.map((row) => [row.due, row.amount, row.balanceAfter])).toEqual([
      ['2027-03-31', 33334, 66666],
      ['2027-04-30', 33333, 33333],
      ['2027-05-31', 33333, 0],
    ]);
    expect(plan).toMatchObject({
      currency: 'GBP',
      total: 100000,
      deposit: null,
      customerId: null,
      invoices: [],
      remainderSentence:
        '£1,000.00 does not split exactly into 3 payments, so the first is £333.34 and the other 2 are £333.33.',
      datesSentence: 'On the last day of each month, from 31 March 2027 to 31 May 2027.',
    });
    expect(plan.instalments[2]).toMatchObject({ holiday: 'Spring bank holiday', weekend: false });
    expect(plan.nonWorkingDaysSentence).toContain('Monday 31 May 2027 (Spring bank holiday)');
    await app.close();
  });

  it("covers several invoices' open amounts, oldest due first, with a deposit today, writing nothing", async () => {
    const { app, ok, fingerprint, customer, invoices } = await ledgerWithInvoices();
    const before = fingerprint();
    const plan = await ok<PlanPreview>('plans.preview', {
      customerId: customer.id,
      invoiceIds: [invoices.later.id, invoices.older.id],
      currency: 'GBP',
      deposit: 20001,
      amount: 25000,
      frequency: 'fortnightly',
      firstDue: '2027-03-19',
    });
    expect(plan.invoices).toEqual([
      {
        id: invoices.older.id,
        number: invoices.older.number,
        issueDate: '2027-01-05',
        dueDate: '2027-02-01',
        open: 50001,
      },
      {
        id: invoices.later.id,
        number: invoices.later.number,
        issueDate: '2027-01-05',
        dueDate: '2027-03-01',
        open: 40000,
      },
    ]);
    expect(plan.total).toBe(90001);
    expect(plan.customerId).toBe(customer.id);
    expect(plan.deposit).toMatchObject({ due: '2027-03-15', amount: 20001, balanceAfter: 70000 });
    expect(plan.instalments.map((row) => [row.due, row.amount, row.balanceAfter])).toEqual([
      ['2027-03-19', 25000, 45000],
      ['2027-04-02', 25000, 20000],
      ['2027-04-16', 20000, 0],
    ]);
    expect(plan.remainderSentence).toBe(
      'Each payment is £250.00, and the last, smaller one of £200.00 clears the balance: 3 payments in all.',
    );
    expect(fingerprint()).toBe(before);
    await app.close();
  });

  it("reads today in the business's time zone, and the holidays of its country", async () => {
    // 12:00 UTC on 15 March is already 16 March on Kiritimati (UTC+14).
    const { app, ok, call } = await startLedgerApp(await tempDir(), '2027-03-15T12:00:00Z');
    const terms = { total: 5000, currency: 'USD', count: 1, frequency: 'weekly' };
    await ok('plans.preview', { ...terms, firstDue: '2027-03-15' });
    await ok('settings.update', { timeZone: 'Pacific/Kiritimati', locale: 'en-US' });
    const early = await call('plans.preview', { ...terms, firstDue: '2027-03-15' });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'firstDue' } });
    const plan = await ok<PlanPreview>('plans.preview', { ...terms, firstDue: '2027-07-05' });
    expect(plan.instalments[0]!.holiday).toBe('Independence Day (observed)');
    expect(plan.holidayCoverage).toContain('US federal holidays');
    await app.close();
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { app, call, fingerprint, customer, invoices } = await ledgerWithInvoices();
    const plain = {
      total: 100000,
      currency: 'GBP',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    };
    const fromInvoices = {
      customerId: customer.id,
      invoiceIds: [invoices.older.id],
      currency: 'GBP',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    };
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['zero total', { ...plain, total: 0 }, 'total', /more than zero/],
      ['negative total', { ...plain, total: -100 }, 'total', /more than zero/],
      ['no total, no invoices', { ...plain, total: undefined }, 'total', /Please give the total/],
      ['a total and invoices', { ...fromInvoices, total: 500 }, 'total', /comes from the invoices/],
      ['a count of 0', { ...plain, count: 0 }, 'count', /from 1 to 520/],
      ['a count over 520', { ...plain, count: 521 }, 'count', /from 1 to 520/],
      ['neither count nor amount', { ...plain, count: undefined }, 'count', /either how many/],
      ['count and amount', { ...plain, amount: 1000 }, 'amount', /not both/],
      [
        'an amount over 520 payments',
        { ...plain, count: undefined, amount: 10 },
        'amount',
        /at most 520/,
      ],
      [
        'a deposit above the total',
        { ...plain, deposit: 100001 },
        'deposit',
        /more than the £1,000.00/,
      ],
      [
        'a deposit above the invoices',
        { ...fromInvoices, deposit: 50002 },
        'deposit',
        /more than the £500.01/,
      ],
      ['a negative deposit', { ...plain, deposit: -1 }, 'deposit', /zero or more/],
      ['a first date before today', { ...plain, firstDue: '2027-03-14' }, 'firstDue', /has passed/],
      [
        'a first date that is not one',
        { ...plain, firstDue: '2027-02-29' },
        'firstDue',
        /real date/,
      ],
      [
        'an unknown frequency',
        { ...plain, frequency: 'daily' },
        'frequency',
        /weekly, fortnightly or monthly/,
      ],
      ['an unknown currency', { ...plain, currency: 'XXX' }, 'currency', /ISO 4217/],
      ['a round amount too large', { ...plain, roundTo: 50000 }, 'roundTo', /smaller round amount/],
      [
        'invoices without a customer',
        { ...fromInvoices, customerId: undefined },
        'customerId',
        /whose invoices/,
      ],
      [
        'a customer without invoices',
        { ...fromInvoices, invoiceIds: undefined },
        'invoiceIds',
        /choose the invoices/,
      ],
      [
        'an invoice twice',
        { ...fromInvoices, invoiceIds: [invoices.older.id, invoices.older.id] },
        'invoiceIds',
        /once/,
      ],
      [
        "another customer's invoice",
        { ...fromInvoices, invoiceIds: [invoices.older.id, invoices.othersInvoice.id] },
        'invoiceIds.1',
        /another customer's/,
      ],
      [
        'an invoice in another currency',
        { ...fromInvoices, invoiceIds: [invoices.euro.id] },
        'invoiceIds.0',
        /is in EUR; a plan is in one currency \(GBP\)/,
      ],
      [
        'a paid invoice',
        { ...fromInvoices, invoiceIds: [invoices.paid.id] },
        'invoiceIds.0',
        /nothing left to pay/,
      ],
      [
        'a void invoice',
        { ...fromInvoices, invoiceIds: [invoices.voided.id] },
        'invoiceIds.0',
        /is void/,
      ],
      [
        'a draft invoice',
        { ...fromInvoices, invoiceIds: [invoices.draft.id] },
        'invoiceIds.0',
        /is a draft/,
      ],
      ['a field it does not know', { ...plain, interest: '5' }, 'interest', /not a field/],
    ];
    const before = fingerprint();
    for (const [name, input, field, message] of cases) {
      const result = await call('plans.preview', input);
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, name).toBe('invalid_input');
      expect(result.error.field, name).toBe(field);
      expect(result.error.message, name).toMatch(message);
    }
    const missing = await call('plans.preview', { ...fromInvoices, invoiceIds: [9999] });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'invoiceIds.0' },
    });
    const stranger = await call('plans.preview', { ...fromInvoices, customerId: 9999 });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'customerId' },
    });
    expect(fingerprint()).toBe(before);
    await app.close();
  });
});

describe('plans.agreementPdf', () => {
  it("returns the agreement as a PDF naming the customer and the plan's total", async () => {
    const { ok, customer, invoices } = await ledgerWithInvoices();
    const file = await ok<DocumentFile>('plans.agreementPdf', {
      customerId: customer.id,
      invoiceIds: [invoices.later.id, invoices.older.id],
      currency: 'GBP',
      count: 4,
      frequency: 'monthly',
      firstDue: '2027-04-01',
      hardship: true,
    });
    expect(file.fileName).toBe('Payment plan agreement - Ana Pereira.pdf');
    const pdf = Buffer.from(file.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Ana Pereira');
    // 400.00 + 600.01 - 100.00 paid.
    expect(text).toContain('Total £900.01');
    expect(text).toContain('Jones Plumbing');
  });
});

/** The timeline events of a kind, newest last. */
function eventsOf(app: Awaited<ReturnType<typeof startLedgerApp>>['app'], kind: string) {
  return app.connection.sqlite
    .prepare('SELECT kind, summary, details, customer_id FROM events WHERE kind = ? ORDER BY id')
    .all(kind) as { kind: string; summary: string; details: string; customer_id: number }[];
}

describe('plans.create, get, list, activate and cancel', () => {
  const terms = (customerId: number, invoiceIds: number[]) => ({
    customerId,
    invoiceIds,
    currency: 'GBP',
    deposit: 10001,
    count: 4,
    frequency: 'monthly',
    firstDue: '2027-04-01',
  });

  it('saves a proposed plan with its invoices and payments, on the timeline', async () => {
    const { app, ok, customer, invoices } = await ledgerWithInvoices();
    const plan = await ok<Plan>('plans.create', {
      ...terms(customer.id, [invoices.later.id, invoices.older.id]),
      hardship: true,
    });
    expect(plan).toMatchObject({
      customerId: customer.id,
      currency: 'GBP',
      total: 90001,
      deposit: 10001,
      frequency: 'monthly',
      state: 'proposed',
      hardship: true,
      invoiceIds: [invoices.older.id, invoices.later.id],
      createdAt: '2027-03-15T09:00:00.000Z',
      activatedAt: null,
      endedAt: null,
      remainderSentence: 'The 4 payments are equal: £200.00 each.',
    });
    expect(
      plan.instalments.map((row) => [row.number, row.due, row.amount, row.balanceAfter]),
    ).toEqual([
      [0, '2027-03-15', 10001, 80000],
      [1, '2027-04-01', 20000, 60000],
      [2, '2027-05-01', 20000, 40000],
      [3, '2027-06-01', 20000, 20000],
      [4, '2027-07-01', 20000, 0],
    ]);
    expect(await ok<Plan>('plans.get', { planId: plan.id })).toEqual(plan);
    expect(await ok<Plan[]>('plans.list', { customerId: customer.id })).toEqual([plan]);
    expect(await ok<Plan[]>('plans.list', {})).toEqual([plan]);
    const [created] = eventsOf(app, 'plans.created');
    expect(created).toMatchObject({ customer_id: customer.id });
    expect(created!.summary).toBe(
      `Payment plan proposed: £900.01 in 4 monthly payments after a deposit of £100.01, from 1 April 2027, covering invoices ${invoices.older.number} and ${invoices.later.number}. Reminders for them pause while the plan runs.`,
    );
    expect(JSON.parse(created!.details)).toMatchObject({ planId: plan.id, hardship: true });
  });

  it('activates a proposed plan and cancels a live one, each once, on the timeline', async () => {
    const { app, ok, call, clock, fingerprint, customer, invoices } = await ledgerWithInvoices();
    const plan = await ok<Plan>('plans.create', terms(customer.id, [invoices.older.id]));
    clock.set('2027-03-16T12:00:00Z');
    const active = await ok<Plan>('plans.activate', { planId: plan.id });
    expect(active).toMatchObject({
      state: 'active',
      activatedAt: '2027-03-16T12:00:00.000Z',
      updatedAt: '2027-03-16T12:00:00.000Z',
      endedAt: null,
    });
    expect(eventsOf(app, 'plans.activated')).toHaveLength(1);

    const before = fingerprint();
    const twice = await call('plans.activate', { planId: plan.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', field: 'planId' } });
    expect(fingerprint()).toBe(before);

    clock.set('2027-03-20T12:00:00Z');
    const cancelled = await ok<Plan>('plans.cancel', {
      planId: plan.id,
      reason: 'Paid in full by card',
    });
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      endedAt: '2027-03-20T12:00:00.000Z',
      endReason: 'Paid in full by card',
    });
    const [event] = eventsOf(app, 'plans.cancelled');
    expect(event!.summary).toBe(
      'Payment plan of £500.01 called off (Paid in full by card); reminders resume where they stopped.',
    );
    expect(event!.customer_id).toBe(customer.id);

    const after = fingerprint();
    const late: [MethodName, Record<string, unknown>][] = [
      ['plans.activate', { planId: plan.id }],
      ['plans.cancel', { planId: plan.id, reason: 'Again' }],
    ];
    for (const [method, input] of late) {
      const again = await call(method, input);
      expect(again, method).toMatchObject({
        ok: false,
        error: { code: 'conflict', field: 'planId' },
      });
    }
    expect(fingerprint()).toBe(after);

    // Once it is called off, its invoices may go into a new plan.
    const next = await ok<Plan>('plans.create', terms(customer.id, [invoices.older.id]));
    expect(next.state).toBe('proposed');
    expect((await ok<Plan[]>('plans.list', { customerId: customer.id })).map((p) => p.id)).toEqual([
      next.id,
      plan.id,
    ]);
  });

  it('refuses what the preview refuses, an invoice in a live plan and unknown plans; writes nothing', async () => {
    const { ok, call, fingerprint, customer, invoices } = await ledgerWithInvoices();
    const first = await ok<Plan>('plans.create', terms(customer.id, [invoices.older.id]));
    const before = fingerprint();
    const base = terms(customer.id, [invoices.later.id]);
    const cases: [string, Record<string, unknown>, string, string, RegExp][] = [
      [
        'no customer, no invoices',
        { ...base, customerId: undefined, invoiceIds: undefined, total: 5000 },
        'invalid_input',
        'customerId',
        /agreed with a customer/,
      ],
      [
        'a customer without invoices',
        { ...base, invoiceIds: undefined },
        'invalid_input',
        'invoiceIds',
        /choose the invoices/,
      ],
      ['a count of 0', { ...base, count: 0 }, 'invalid_input', 'count', /from 1 to 520/],
      [
        'a deposit above the invoices',
        { ...base, deposit: 40001 },
        'invalid_input',
        'deposit',
        /more than the £400.00/,
      ],
      [
        'a first date before today',
        { ...base, firstDue: '2027-03-14' },
        'invalid_input',
        'firstDue',
        /has passed/,
      ],
      [
        'hardship that is not true or false',
        { ...base, hardship: 'yes' },
        'invalid_input',
        'hardship',
        /true or false/,
      ],
      [
        "another customer's invoice",
        { ...base, invoiceIds: [invoices.later.id, invoices.othersInvoice.id] },
        'invalid_input',
        'invoiceIds.1',
        /another customer's/,
      ],
      [
        'an invoice in another currency',
        { ...base, invoiceIds: [invoices.euro.id] },
        'invalid_input',
        'invoiceIds.0',
        /one currency/,
      ],
      [
        'a paid invoice',
        { ...base, invoiceIds: [invoices.paid.id] },
        'invalid_input',
        'invoiceIds.0',
        /nothing left to pay/,
      ],
      [
        'an invoice already in a live plan',
        { ...base, invoiceIds: [invoices.later.id, invoices.older.id] },
        'invalid_input',
        'invoiceIds.1',
        new RegExp(`Invoice ${invoices.older.number} is already in payment plan ${first.id}`),
      ],
      [
        'an unknown invoice',
        { ...base, invoiceIds: [9999] },
        'not_found',
        'invoiceIds.0',
        /no invoice 9999/,
      ],
      [
        'an unknown customer',
        { ...base, customerId: 9999 },
        'not_found',
        'customerId',
        /no customer 9999/,
      ],
    ];
    for (const [name, input, code, field, message] of cases) {
      const result = await call('plans.create', input);
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, name).toBe(code);
      expect(result.error.field, name).toBe(field);
      expect(result.error.message, name).toMatch(message);
    }
    for (const method of ['plans.get', 'plans.activate'] as const) {
      const result = await call(method, { planId: 9999 });
      expect(result, method).toMatchObject({
        ok: false,
        error: { code: 'not_found', field: 'planId' },
      });
    }
    const unknown = await call('plans.cancel', { planId: 9999, reason: 'Gone' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', field: 'planId' } });
    const noReason = await call('plans.cancel', { planId: first.id, reason: '  ' });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'reason' },
    });
    const stranger = await call('plans.list', { customerId: 9999 });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'customerId' },
    });
    expect(fingerprint()).toBe(before);
  });
});

describe('a plan and the ladder', () => {
  // Europe/London, Mon–Fri 08:00–20:00; 2027-03-15 is a Monday.
  async function overdueCustomer() {
    const ledger = await startLedgerApp(await tempDir(), '2027-03-15T10:00:00Z');
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
    const createPlan = () =>
      ledger.ok<Plan>('plans.create', {
        customerId: customer.id,
        invoiceIds: [invoice.id],
        currency: 'GBP',
        count: 5,
        frequency: 'monthly',
        firstDue: '2027-04-01',
      });
    return { ...ledger, customer, invoice, queue, createPlan };
  }

  it('pauses chasing while the plan is live, and resumes where it stopped once called off', async () => {
    const { app, ok, clock, queue, createPlan, invoice } = await overdueCustomer();
    const [first] = (await queue()).items;
    expect(first).toMatchObject({ step: 'check_in', status: 'ready' });
    await ok('reminders.act', { itemId: first!.id, action: 'approve' });

    const plan = await createPlan();
    // The plan's own confirmation takes the ladder's place; once it is dealt with, the
    // customer shows as held, and why.
    const confirmation = (await queue()).items;
    expect(confirmation.map((item) => [item.step, item.group])).toEqual([
      ['plan_confirmation', 'plans'],
    ]);
    await ok('reminders.act', {
      itemId: confirmation[0]!.id,
      action: 'skip',
      reason: 'Handed it over in person',
    });
    const held = await queue();
    expect(held.items).toHaveLength(1);
    expect(held.items[0]).toMatchObject({ id: null, status: 'blocked' });
    expect(held.items[0]!.why[0]).toBe('Blocked: every overdue invoice is left out of chasing.');
    expect(held.items[0]!.why.join(' ')).toContain(
      `Invoice ${invoice.number} is left out: it is in a payment plan.`,
    );

    // Active, five weeks on (50 days overdue, where the call would fit): the ladder is still
    // held; the plan speaks instead, about its first payment, missed.
    await ok('plans.activate', { planId: plan.id });
    clock.set('2027-04-20T10:00:00Z');
    expect((await queue()).items.map((item) => [item.step, item.group])).toEqual([
      ['plan_missed', 'plans'],
    ]);

    await ok('plans.cancel', { planId: plan.id, reason: 'Could not keep up the payments' });
    const resumed = await queue();
    expect(resumed.items).toHaveLength(1);
    // The step after the last one taken (check_in), not the call the days would give.
    expect(resumed.items[0]).toMatchObject({ step: 'firm', status: 'ready' });
    expect(resumed.items[0]!.why.join(' ')).toContain(
      'resumes where it stopped after the payment plan',
    );
    expect(resumed.items[0]!.skipped).toEqual([]);
    await app.close();
  });

  it('withdraws a step still waiting in the queue when a plan is proposed', async () => {
    const { app, queue, createPlan } = await overdueCustomer();
    expect((await queue()).items[0]).toMatchObject({ step: 'check_in', status: 'ready' });
    await createPlan();
    const held = await queue();
    expect(held.items.map((item) => [item.step, item.status])).toEqual([
      ['plan_confirmation', 'ready'],
    ]);
    await app.close();
  });
});
