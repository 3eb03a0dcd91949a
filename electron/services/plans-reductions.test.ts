/**
 * What is taken off a plan's invoices counts towards the plan, through the API on real SQLite
 * with a pinned clock: a credit note, a write-off, an early-payment discount or a dispute
 * upheld lowers what the plan still asks for, from the last payments backwards (the next
 * payment stays as agreed), and once nothing is left the plan completes with one thank-you,
 * each change and the completion on the timeline in the same transaction.
 */
import { describe, expect, it } from 'vitest';
import type { ExpectedCash, ExpectedRow } from '../../shared/api/cash';
import type { ImportPreview, ImportRecord } from '../../shared/api/imports';
import type { Plan } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

// Europe/London; 2027-03-15 is a Monday.
async function planCustomer() {
  const ledger = await startLedgerApp(await tempDir(), '2027-03-15T10:00:00Z');
  const { ok } = ledger;
  const customer = await ok<Customer>('customers.create', {
    name: 'Hazel Pottery',
    kind: 'sole_trader',
    email: 'hazel@pottery.example',
  });
  const invoice = (dueDate: string, unitPrice: number, extra: Record<string, unknown> = {}) =>
    ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-05',
      dueDate,
      currency: 'GBP',
      lines: [{ description: 'Glazes', quantity: '1', unitPrice }],
      ...extra,
    });
  const plan = (invoiceIds: number[], extra: Record<string, unknown> = {}) =>
    ok<Plan>('plans.create', {
      customerId: customer.id,
      invoiceIds,
      currency: 'GBP',
      count: 4,
      frequency: 'monthly',
      firstDue: '2027-04-01',
      activation: 'first_payment',
      ...extra,
    });
  const get = (planId: number) => ok<Plan>('plans.get', { planId });
  const pay = (date: string, amount: number) =>
    ok('payments.record', { customerId: customer.id, date, amount, currency: 'GBP' });
  const thanks = async () =>
    (await ok<ReminderQueue>('reminders.queue', {})).items.filter(
      (item) => item.step === 'plan_completed',
    );
  const events = async () =>
    (
      await ledger.app.connection.db
        .selectFrom('events')
        .select(['kind', 'summary'])
        .where('customer_id', '=', customer.id)
        .orderBy('id')
        .execute()
    ).map((row) => [row.kind, row.summary] as const);
  const statuses = (p: Plan) => p.instalments.map((i) => [i.number, i.status, i.paid, i.reduced]);
  return { ...ledger, customer, invoice, plan, get, pay, thanks, events, statuses };
}

describe('credits and write-offs count towards a plan', () => {
  it('a credit note for what is left completes the plan, with one thank-you', async () => {
    const { app, ok, invoice, plan, get, pay, thanks, events, statuses } = await planCustomer();
    const only = await invoice('2027-03-01', 40000);
    const created = await plan([only.id]);
    await pay('2027-03-20', 10000);
    expect((await get(created.id)).state).toBe('active');

    const before = (await events()).length;
    await ok('creditNotes.create', {
      invoiceId: only.id,
      amount: 30000,
      reason: 'Goods returned',
    });
    const done = await get(created.id);
    expect(done).toMatchObject({
      state: 'completed',
      paid: 10000,
      reduced: 30000,
      remaining: 0,
      nextDue: null,
      missedCount: 0,
      endedAt: '2027-03-15T10:00:00.000Z',
    });
    expect(statuses(done)).toEqual([
      [1, 'paid', 10000, 0],
      [2, 'reduced', 0, 10000],
      [3, 'reduced', 0, 10000],
      [4, 'reduced', 0, 10000],
    ]);
    // The agreement's schedule is not rewritten; the balance runs down from what is asked.
    expect(done.instalments.map((i) => [i.due, i.amount, i.balanceAfter])).toEqual([
      ['2027-04-01', 10000, 0],
      ['2027-05-01', 10000, 0],
      ['2027-06-01', 10000, 0],
      ['2027-07-01', 10000, 0],
    ]);
    expect(done.reductions).toEqual([
      {
        kind: 'credit_note',
        id: expect.any(Number),
        invoiceId: only.id,
        invoiceNumber: only.number,
        date: '2027-03-15',
        amount: 30000,
        reason: 'Goods returned',
      },
    ]);
    // The credit and the completion, on the timeline, in that order.
    const added = (await events()).slice(before);
    expect(added.map(([kind]) => kind)).toEqual([
      'invoice.credited',
      'plans.completed',
      'reminders.proposed',
    ]);
    expect(added[1]![1]).toBe(
      'Payment plan of £400.00 is complete: nothing is left to pay (£100.00 paid, £300.00 taken off by credit notes or write-offs).',
    );
    const items = await thanks();
    expect(items).toHaveLength(1);
    expect(items[0]!.why[0]).toBe(
      'Nothing is left to pay on the plan (the rest was credited or written off): a warm thank-you.',
    );

    // Nothing more can reopen or repeat it: the queue holds one thank-you still.
    await ok('reminders.queue', {});
    expect(await thanks()).toHaveLength(1);
    await app.close();
  });

  it('a plan written off whole with nothing paid closes quietly: no thank-you', async () => {
    const { app, ok, invoice, plan, get, thanks, events } = await planCustomer();
    const only = await invoice('2027-03-01', 40000);
    const created = await plan([only.id], { activation: 'signature' });
    const before = (await events()).length;
    await ok('invoices.writeOff', {
      invoiceId: only.id,
      reason: 'Letting it go',
      date: '2027-03-15',
    });
    expect(await get(created.id)).toMatchObject({ state: 'completed', paid: 0, remaining: 0 });
    expect(await thanks()).toEqual([]);
    const added = (await events()).slice(before);
    // The confirmation still waiting in Today goes with the plan.
    expect(added.map(([kind]) => kind)).toEqual([
      'invoice.written_off',
      'plans.completed',
      'reminders.withdrawn',
    ]);
    expect(added[1]![1]).toBe(
      'Payment plan of £400.00 is closed: all of it was taken off by credit notes or write-offs, nothing was paid, so no thank-you is proposed.',
    );
    await app.close();
  });

  it('a partial write-off shortens the plan from the end; the next payment stays as agreed', async () => {
    const { app, ok, clock, invoice, plan, get, pay, thanks, statuses } = await planCustomer();
    const only = await invoice('2027-03-01', 40000);
    const created = await plan([only.id]);
    await pay('2027-03-20', 10000);
    await ok('invoices.writeOff', { invoiceId: only.id, amount: 15000, reason: 'Chipped vases' });
    const shorter = await get(created.id);
    expect(shorter).toMatchObject({
      state: 'active',
      paid: 10000,
      reduced: 15000,
      remaining: 15000,
      nextDue: { number: 2, due: '2027-05-01', amount: 10000 },
    });
    expect(statuses(shorter)).toEqual([
      [1, 'paid', 10000, 0],
      [2, 'due', 0, 0],
      [3, 'due', 0, 5000],
      [4, 'reduced', 0, 10000],
    ]);
    expect(shorter.instalments.map((i) => i.balanceAfter)).toEqual([15000, 5000, 0, 0]);
    expect(shorter.reductions.map((r) => [r.kind, r.amount, r.reason])).toEqual([
      ['write_off', 15000, 'Chipped vases'],
    ]);
    // Expected cash counts it the same way: payment 2 in full, 3 in part, 4 not at all.
    const cash = await ok<ExpectedCash>('cash.expected', {});
    const gbp = cash.currencies.find((c) => c.currency === 'GBP')!;
    expect(gbp.total + gbp.lateAlready).toBe(15000);
    const rows = (
      await Promise.all(
        gbp.bars
          .filter((bar) => bar.amount > 0)
          .map((bar) => ok<ExpectedRow[]>('cash.expectedRows', { currency: 'GBP', bar: bar.bar })),
      )
    ).flat();
    expect(rows.map((r) => [r.reference, r.expectedOn, r.amount])).toEqual([
      [`Plan ${created.id}, payment 2`, '2027-05-01', 10000],
      [`Plan ${created.id}, payment 3`, '2027-06-01', 5000],
    ]);

    // Payment 4 is no longer asked for: its day passing is not a missed payment.
    clock.set('2027-07-10T10:00:00Z');
    await pay('2027-05-01', 10000);
    await pay('2027-06-01', 4000);
    const late = await get(created.id);
    expect(statuses(late)).toEqual([
      [1, 'paid', 10000, 0],
      [2, 'paid', 10000, 0],
      [3, 'missed', 4000, 5000],
      [4, 'reduced', 0, 10000],
    ]);
    expect(late.missedCount).toBe(1);
    expect(late.nextDue).toEqual({ number: 3, due: '2027-06-01', amount: 1000 });

    await pay('2027-07-10', 1000);
    expect(await get(created.id)).toMatchObject({ state: 'completed', remaining: 0 });
    expect((await thanks()).map((item) => item.why[0])).toEqual([
      'Nothing is left to pay on the plan (the rest was credited or written off): a warm thank-you.',
    ]);
    await app.close();
  });

  it('an early-payment discount completes the plan its payment paid off', async () => {
    const { app, invoice, plan, get, pay, events } = await planCustomer();
    const discounted = await invoice('2027-04-10', 20000, {
      issueDate: '2027-03-10',
      discount: { percent: '2', withinDays: 10 },
    });
    const created = await plan([discounted.id], { count: 2 });
    // Paid within the 10 days at the discounted price: the discount is credited, the plan done.
    await pay('2027-03-15', 19600);
    const done = await get(created.id);
    expect(done).toMatchObject({ state: 'completed', paid: 19600, reduced: 400, remaining: 0 });
    expect(done.reductions.map((r) => [r.kind, r.amount])).toEqual([['credit_note', 400]]);
    expect((await events()).map(([kind]) => kind)).toEqual(
      expect.arrayContaining(['invoice.discount_applied', 'plans.completed']),
    );
    await app.close();
  });

  it('a plan over two invoices, one credited in full: the plan asks only for the other', async () => {
    const { app, ok, invoice, plan, get, pay, statuses } = await planCustomer();
    const older = await invoice('2027-02-01', 30000);
    const newer = await invoice('2027-03-01', 10000);
    const created = await plan([older.id, newer.id], { activation: 'signature' });
    await ok('plans.activate', { planId: created.id });
    await ok('creditNotes.create', { invoiceId: newer.id, amount: 10000, reason: 'Wrong order' });
    const after = await get(created.id);
    expect(after).toMatchObject({ state: 'active', paid: 0, reduced: 10000, remaining: 30000 });
    expect(statuses(after)).toEqual([
      [1, 'due', 0, 0],
      [2, 'due', 0, 0],
      [3, 'due', 0, 0],
      [4, 'reduced', 0, 10000],
    ]);
    // The rest paid: complete, and the money went to the invoice still owed.
    await pay('2027-03-15', 30000);
    expect(await get(created.id)).toMatchObject({ state: 'completed', paid: 30000, remaining: 0 });
    const older2 = await ok<Invoice>('invoices.get', { id: older.id });
    expect(older2.open).toBe(0);
    // The agreement as signed still names what each invoice had open when the plan was made.
    const { contentBase64 } = await ok<{ contentBase64: string }>('plans.agreement', {
      planId: created.id,
    });
    const text = (await pdfPages(Buffer.from(contentBase64, 'base64'))).join('\n');
    const invoiceRow = (number: string) =>
      text.split('\n').find((line) => line.includes(number) && line.includes('£'));
    expect(invoiceRow(newer.number)).toContain('£100.00');
    expect(invoiceRow(older.number)).toContain('£300.00');
    await app.close();
  });

  it('a dispute upheld with a credit on a plan invoice lowers the plan', async () => {
    const { app, ok, customer, invoice, plan, get } = await planCustomer();
    const only = await invoice('2027-03-01', 40000);
    const created = await plan([only.id]);
    const dispute = await ok<{ id: number }>('disputes.open', {
      customerId: customer.id,
      invoiceIds: [only.id],
      reason: 'Two mugs arrived broken',
    });
    await ok('disputes.resolve', {
      disputeId: dispute.id,
      resolution: 'upheld',
      credits: [{ invoiceId: only.id, amount: 2500 }],
    });
    expect(await get(created.id)).toMatchObject({
      state: 'proposed',
      reduced: 2500,
      remaining: 37500,
      nextDue: { number: 1, amount: 10000 },
    });
    await app.close();
  });

  it('refuses to void an invoice a live plan holds, and writes nothing', async () => {
    const { app, call, fingerprint, invoice, plan } = await planCustomer();
    const only = await invoice('2027-03-01', 40000);
    const created = await plan([only.id]);
    const before = fingerprint();
    const result = await call('invoices.void', { id: only.id, reason: 'Sent twice' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        field: 'id',
        message: `Invoice ${only.number} is in payment plan ${created.id}; credit it instead (the plan then asks for less), or call the plan off first.`,
      },
    });
    expect(fingerprint()).toBe(before);
    await app.close();
  });
});

describe('an import that pays a plan off', () => {
  it('completes the plan in the import, and the import then cannot be undone', async () => {
    const { app, ok, call, fingerprint, customer, invoice, plan, get, thanks } =
      await planCustomer();
    const only = await invoice('2027-03-01', 40000);
    const created = await plan([only.id], { activation: 'signature' });
    await ok('plans.activate', { planId: created.id });
    const record = await ok<ImportRecord>('import.commit', {
      text: `Customer,Invoice number,Payment date,Payment amount\n${customer.name},${only.number},2027-03-15,400.00\n`,
      fileName: 'bank.csv',
    });
    expect(record.counts.payments.created).toBe(1);
    expect(await get(created.id)).toMatchObject({ state: 'completed', paid: 40000 });
    expect(await thanks()).toHaveLength(1);

    const before = fingerprint();
    const refused = await call('import.undo', { id: record.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        field: 'id',
        message: `This import cannot be undone: its payments completed payment plan ${created.id}.`,
      },
    });
    expect(fingerprint()).toBe(before);
    await app.close();
  });

  it('keeps the total of an invoice in a live plan from a file, and still takes what was paid; refuses its void', async () => {
    const { app, ok, call, fingerprint, customer, get } = await planCustomer();
    const header = 'Customer,Invoice number,Date,Due date,Total,Paid,Status\n';
    const row = (total: string, paid: string, status: string) =>
      `${header}${customer.name},B-7,2027-01-05,2027-02-01,${total},${paid},${status}\n`;
    await ok('import.commit', { text: row('400.00', '0.00', 'sent') });
    const importedId = app.connection.sqlite
      .prepare("SELECT id FROM invoices WHERE number = 'B-7'")
      .pluck()
      .get() as number;
    const created = await ok<Plan>('plans.create', {
      customerId: customer.id,
      invoiceIds: [importedId],
      currency: 'GBP',
      count: 4,
      frequency: 'monthly',
      firstDue: '2027-04-01',
      activation: 'signature',
    });
    await ok('plans.activate', { planId: created.id });

    // Voided in the other program: refused, nothing written.
    const before = fingerprint();
    const voided = row('400.00', '0.00', 'void');
    const refused = await ok<ImportPreview>('import.preview', { text: voided });
    expect(refused.issues.map((issue) => [issue.severity, issue.message])).toEqual([
      [
        'error',
        "Invoice B-7 is in a payment plan agreed with the customer, so the file's void was not taken; credit it, or call the plan off first, in Goodwill.",
      ],
    ]);
    expect(await call('import.commit', { text: voided })).toMatchObject({
      ok: false,
      error: { field: 'skipErrors' },
    });
    expect(fingerprint()).toBe(before);

    // A new total, and 100.00 paid: the total stays, said so kindly; the payment comes in.
    for (const [total, words] of [
      ['350.00', "the file's lower total was not taken. Add a credit note for the difference"],
      ['450.00', "the file's higher total was not taken. If more is owed, agree new terms"],
    ] as const) {
      const preview = await ok<ImportPreview>('import.preview', {
        text: row(total, '100.00', 'sent'),
      });
      expect(preview.errorCount, total).toBe(0);
      expect(preview.issues.map((issue) => issue.severity)).toEqual(['warning']);
      expect(preview.issues[0]!.message).toContain(
        'Invoice B-7 is in a payment plan agreed with the customer, so it keeps its total in Goodwill; ',
      );
      expect(preview.issues[0]!.message).toContain(words);
    }
    await ok('import.commit', { text: row('450.00', '100.00', 'sent') });
    expect(
      app.connection.sqlite
        .prepare('SELECT total_amount, settled_amount FROM invoices WHERE id = ?')
        .get(importedId),
    ).toEqual({ total_amount: 40000, settled_amount: 10000 });
    expect(await get(created.id)).toMatchObject({ total: 40000, paid: 10000, remaining: 30000 });
    await app.close();
  });

  it('an import that only paid part of a plan is undone, and the plan asks again', async () => {
    const { app, ok, customer, invoice, plan, get } = await planCustomer();
    const only = await invoice('2027-03-01', 40000);
    const created = await plan([only.id], { activation: 'signature' });
    await ok('plans.activate', { planId: created.id });
    const record = await ok<ImportRecord>('import.commit', {
      text: `Customer,Invoice number,Payment date,Payment amount\n${customer.name},${only.number},2027-03-15,100.00\n`,
    });
    expect(await get(created.id)).toMatchObject({ state: 'active', paid: 10000 });
    await ok('import.undo', { id: record.id });
    expect(await get(created.id)).toMatchObject({ state: 'active', paid: 0, remaining: 40000 });
    await app.close();
  });
});
