/**
 * A payment plan's life through the API, on real SQLite with a pinned clock: payments matched
 * to instalments and allocated to the plan's invoices oldest first; activation on the first
 * payment; a missed payment → a gentle note after the grace period, a second → a call, then
 * the owner's decision; renegotiation; calling it off or marking it defaulted (the ladder
 * resumes where it stopped); completion → the thank-you; the confirmation with the agreement
 * attached; restarts that never double a step.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/api/plans';
import type { OutboxMessage } from '../../shared/mail/outbox';
import type { Customer, Invoice } from '../../shared/ledger';
import type { QueueItem, ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

// Europe/London; 2027-03-15 is a Monday, 10:00 is inside the contact window.
async function planCustomer(dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const ledger = await startLedgerApp(dir, '2027-03-15T10:00:00Z');
  const { ok } = ledger;
  const customer = await ok<Customer>('customers.create', {
    name: 'Rowan Joinery',
    kind: 'company',
    email: 'accounts@rowan.example',
  });
  const invoice = (dueDate: string, unitPrice: number) =>
    ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-05',
      dueDate,
      currency: 'GBP',
      lines: [{ description: 'Joinery', quantity: '1', unitPrice }],
    });
  // Oldest of all, but not in the plan.
  const outside = await invoice('2027-01-20', 10000);
  const older = await invoice('2027-02-01', 30000);
  const newer = await invoice('2027-03-01', 20000);
  const queue = async () => (await ok<ReminderQueue>('reminders.queue', {})).items;
  /** The plan's steps in the queue, and whether each is ready (weekends wait for Monday). */
  const planSteps = async () =>
    (await queue())
      .filter((item) => item.group === 'plans')
      .map((item) => [item.step, item.status === 'ready' ? 'ready' : 'waiting'] as const);
  const createPlan = (extra: Record<string, unknown> = {}) =>
    ok<Plan>('plans.create', {
      customerId: customer.id,
      invoiceIds: [newer.id, older.id],
      currency: 'GBP',
      count: 4,
      frequency: 'monthly',
      firstDue: '2027-04-01',
      ...extra,
    });
  const pay = (date: string, amount: number) =>
    ok('payments.record', { customerId: customer.id, date, amount, currency: 'GBP' });
  const at = (day: string) => ledger.clock.set(`${day}T10:00:00Z`);
  const stepOf = async (step: string): Promise<QueueItem> => {
    const item = (await queue()).find((row) => row.step === step);
    if (!item) throw new Error(`No ${step} in the queue`);
    return item;
  };
  const eventKinds = async () =>
    (
      await ledger.app.connection.db
        .selectFrom('events')
        .select('kind')
        .where('customer_id', '=', customer.id)
        .orderBy('id')
        .execute()
    ).map((row) => row.kind);
  return {
    ...ledger,
    dir,
    customer,
    invoices: { outside, older, newer },
    queue,
    planSteps,
    createPlan,
    pay,
    at,
    stepOf,
    eventKinds,
  };
}

describe('a plan and its payments', () => {
  it("matches payments to instalments oldest first, allocated to the plan's invoices oldest first", async () => {
    const { app, ok, createPlan, pay, at, invoices, eventKinds } = await planCustomer();
    const plan = await createPlan({ activation: 'first_payment' });
    expect(plan).toMatchObject({
      state: 'proposed',
      activation: 'first_payment',
      checkInDays: 3,
      graceDays: 3,
      pauseUntil: null,
      total: 50000,
      paid: 0,
      remaining: 50000,
      nextDue: { number: 1, due: '2027-04-01', amount: 12500 },
      missedCount: 0,
      signed: false,
      signedAgreement: null,
      payments: [],
      replacesPlanId: null,
      replacedByPlanId: null,
    });
    expect(plan.instalments.map((i) => [i.number, i.status, i.paid])).toEqual([
      [1, 'due', 0],
      [2, 'due', 0],
      [3, 'due', 0],
      [4, 'due', 0],
    ]);

    at('2027-03-20');
    await pay('2027-03-20', 15000);
    const after = await ok<Plan>('plans.get', { planId: plan.id });
    // The first payment starts a plan that starts on the first payment.
    expect(after.state).toBe('active');
    expect(after.activatedAt).toBe('2027-03-20T10:00:00.000Z');
    expect(after.instalments.map((i) => [i.number, i.status, i.paid, i.paidOn])).toEqual([
      [1, 'paid', 12500, '2027-03-20'],
      [2, 'partly_paid', 2500, null],
      [3, 'due', 0, null],
      [4, 'due', 0, null],
    ]);
    expect(after).toMatchObject({
      paid: 15000,
      remaining: 35000,
      nextDue: { number: 2, due: '2027-05-01', amount: 10000 },
    });
    expect(after.payments).toEqual([
      { paymentId: expect.any(Number), date: '2027-03-20', amount: 15000 },
    ]);
    // The plan's oldest invoice took it all; the older invoice outside the plan nothing.
    const rows = await app.connection.db
      .selectFrom('invoices')
      .select(['id', 'settled_amount'])
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.id, row.settled_amount])).toEqual([
      [invoices.outside.id, 0],
      [invoices.older.id, 15000],
      [invoices.newer.id, 0],
    ]);
    expect(await eventKinds()).toContain('plans.activated');

    // Payment 2 passes with 25.00 of its 125.00 in: missed, though partly paid.
    at('2027-05-02');
    const late = await ok<Plan>('plans.get', { planId: plan.id });
    expect(late.instalments[1]).toMatchObject({ status: 'missed', paid: 2500 });
    expect(late.missedCount).toBe(1);

    // Paying more than one payment's worth fills the next ones too.
    await pay('2027-05-02', 22500);
    const caughtUp = await ok<Plan>('plans.get', { planId: plan.id });
    expect(caughtUp.instalments.map((i) => [i.status, i.paid])).toEqual([
      ['paid', 12500],
      ['paid', 12500],
      ['paid', 12500],
      ['due', 0],
    ]);
    expect(caughtUp.instalments[1]!.paidOn).toBe('2027-05-02');
    await app.close();
  });

  it('starts on signature by default: a payment alone does not start it', async () => {
    const { app, ok, createPlan, pay } = await planCustomer();
    const plan = await createPlan();
    expect(plan.activation).toBe('signature');
    await pay('2027-03-15', 1000);
    expect((await ok<Plan>('plans.get', { planId: plan.id })).state).toBe('proposed');
    await app.close();
  });

  it('completes when everything is paid, and queues "plan completed, thank you" for review', async () => {
    const { app, ok, createPlan, pay, queue, eventKinds } = await planCustomer();
    const plan = await createPlan({ count: 2 });
    await ok('plans.activate', { planId: plan.id });
    await pay('2027-03-15', 20000);
    await pay('2027-03-15', 30000);
    const done = await ok<Plan>('plans.get', { planId: plan.id });
    expect(done).toMatchObject({ state: 'completed', remaining: 0, nextDue: null });
    expect(done.endedAt).toBe('2027-03-15T10:00:00.000Z');
    expect(await eventKinds()).toContain('plans.completed');

    const items = await queue();
    const thanks = items.filter((item) => item.step === 'plan_completed');
    expect(thanks).toHaveLength(1);
    expect(thanks[0]).toMatchObject({ group: 'plans', status: 'ready' });
    // The ladder's own thank-you is not said twice.
    expect(items.filter((item) => item.step === 'thank_you')).toEqual([]);

    await ok('reminders.act', { itemId: thanks[0]!.id, action: 'approve' });
    const outbox = await ok<OutboxMessage[]>('outbox.list', {});
    expect(outbox.map((m) => [m.occasion, m.subject])).toEqual([
      ['plan_completed', 'Your payment plan is complete: thank you'],
    ]);
    await app.close();
  });
});

describe('plan steps in the Today queue', () => {
  it('queues the confirmation with the agreement PDF attached when a plan is made', async () => {
    const { app, ok, createPlan, stepOf, planSteps } = await planCustomer();
    await createPlan();
    expect(await planSteps()).toEqual([['plan_confirmation', 'ready']]);
    const item = await stepOf('plan_confirmation');
    expect(item.why[0]).toMatch(/agreement to sign/);
    await ok('reminders.act', { itemId: item.id, action: 'approve' });
    const [message] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(message).toMatchObject({
      occasion: 'plan_confirmation',
      subject: expect.stringContaining('Your payment plan with'),
    });
    expect(message!.attachments).toEqual([
      {
        fileName: expect.stringMatching(/agreement.*\.pdf$/i),
        contentType: 'application/pdf',
        size: expect.any(Number),
      },
    ]);
    expect(await planSteps()).toEqual([]);
    await app.close();
  });

  it('checks in before a payment, off by default for weekly plans', async () => {
    const { app, ok, createPlan, at, planSteps, stepOf, pay } = await planCustomer();
    const plan = await createPlan();
    const confirmation = await stepOf('plan_confirmation');
    await ok('reminders.act', { itemId: confirmation.id, action: 'skip', reason: 'Given by hand' });

    at('2027-03-28');
    expect(await planSteps()).toEqual([]);
    at('2027-03-29');
    expect(await planSteps()).toEqual([['plan_check_in', 'ready']]);
    const checkIn = await stepOf('plan_check_in');
    expect(checkIn.why[0]).toContain('Payment 1 of the plan (£125.00) is due on');
    // Paid before the day: the check-in is no longer wanted and leaves the queue.
    await pay('2027-03-29', 12500);
    expect(await planSteps()).toEqual([]);
    expect((await ok<Plan>('plans.get', { planId: plan.id })).instalments[0]!.status).toBe('paid');

    const weekly = await ok<Plan>('plans.renegotiate', {
      planId: plan.id,
      count: 10,
      frequency: 'weekly',
      firstDue: '2027-04-05',
      checkInDays: null,
    });
    expect(weekly.checkInDays).toBeNull();
    await app.close();
  });

  it('after a missed payment: a gentle note once the grace has passed, a call on the second, then the decision', async () => {
    const { app, ok, createPlan, at, planSteps, stepOf, queue, invoices } = await planCustomer();
    const plan = await createPlan();
    await ok('plans.activate', { planId: plan.id });
    await ok('reminders.act', {
      itemId: (await stepOf('plan_confirmation')).id,
      action: 'skip',
      reason: 'Given by hand',
    });

    // Payment 1 was due on 1 April; the grace runs three days.
    at('2027-04-03');
    expect(await planSteps()).toEqual([]);
    at('2027-04-04');
    // A Sunday: proposed now, it waits for the contact window on Monday.
    expect(await planSteps()).toEqual([['plan_missed', 'waiting']]);
    at('2027-04-05');
    expect(await planSteps()).toEqual([['plan_missed', 'ready']]);
    const note = await stepOf('plan_missed');
    expect(note.why.join(' ')).toContain('Payment 1 of the plan (£125.00) was due on');
    expect(note.why.join(' ')).toContain('3-day grace period has passed');
    // The ladder chases only the invoice outside the plan.
    const ladder = (await queue()).filter((item) => item.group !== 'plans');
    expect(ladder.flatMap((item) => item.invoices.map((i) => i.number))).toEqual([
      invoices.outside.number,
    ]);

    await ok('reminders.act', { itemId: note.id, action: 'approve' });
    const [message] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(message).toMatchObject({ occasion: 'plan_missed' });
    expect(message!.subject).toBe('Your payment plan: £125.00 due on 1 April 2027');
    const detail = await ok<{ text: string }>('outbox.get', { id: message!.id });
    expect(detail.text).toContain('We can change the plan so it works for you.');
    expect(detail.text).not.toContain('free and confidential advice');

    // The check-in before payment 2 (1 May) comes and goes; then payment 2 is missed too.
    at('2027-04-28');
    expect(await planSteps()).toEqual([['plan_check_in', 'ready']]);
    at('2027-05-04');
    expect(await planSteps()).toEqual([['plan_call', 'ready']]);
    const call = await stepOf('plan_call');
    expect(call.channel).toBe('call');
    expect(call.why[0]).toContain('A second payment of the plan has been missed');

    await ok('reminders.act', { itemId: call.id, action: 'log_call', outcome: 'no_answer' });
    expect(await planSteps()).toEqual([['plan_decision', 'ready']]);
    const decision = await stepOf('plan_decision');
    expect(decision.why.join(' ')).toMatch(/new terms.*call the plan off.*defaulted/);
    await app.close();
  });

  it('renegotiating replaces the rest of the plan with a new one over the same invoices', async () => {
    const { app, ok, createPlan, at, pay, planSteps, eventKinds } = await planCustomer();
    const old = await createPlan();
    await ok('plans.activate', { planId: old.id });
    await pay('2027-03-20', 12500);
    at('2027-05-10');
    const renewed = await ok<Plan>('plans.renegotiate', {
      planId: old.id,
      count: 5,
      frequency: 'fortnightly',
      firstDue: '2027-05-14',
      hardship: true,
    });
    expect(renewed).toMatchObject({
      state: 'proposed',
      total: 37500,
      hardship: true,
      replacesPlanId: old.id,
      frequency: 'fortnightly',
      checkInDays: 3,
      invoiceIds: old.invoiceIds,
    });
    expect(renewed.instalments.map((i) => i.amount)).toEqual([7500, 7500, 7500, 7500, 7500]);
    const ended = await ok<Plan>('plans.get', { planId: old.id });
    expect(ended).toMatchObject({
      state: 'cancelled',
      endReason: 'new terms agreed',
      replacedByPlanId: renewed.id,
      paid: 12500,
    });
    // The old plan's steps leave the queue; the new one asks for its confirmation only.
    expect(await planSteps()).toEqual([['plan_confirmation', 'ready']]);
    const kinds = await eventKinds();
    expect(kinds.filter((k) => k === 'plans.renegotiated')).toHaveLength(1);
    // A payment now counts towards the new plan, not the old one.
    await pay('2027-05-10', 7500);
    expect((await ok<Plan>('plans.get', { planId: renewed.id })).paid).toBe(7500);
    expect((await ok<Plan>('plans.get', { planId: old.id })).paid).toBe(12500);
    await app.close();
  });

  it('marking a plan defaulted ends it, and the ladder resumes where it stopped', async () => {
    const { app, ok, createPlan, at, queue, stepOf } = await planCustomer();
    // The ladder first: its check-in step (the outside invoice is 54 days overdue).
    const ladderStep = (await queue()).find((item) => item.group !== 'plans');
    expect(ladderStep).toBeDefined();
    const plan = await createPlan();
    await ok('plans.activate', { planId: plan.id });
    await ok('reminders.act', {
      itemId: (await stepOf('plan_confirmation')).id,
      action: 'skip',
      reason: 'Given by hand',
    });
    at('2027-05-10');
    const defaulted = await ok<Plan>('plans.markDefaulted', {
      planId: plan.id,
      reason: 'No word since April',
    });
    expect(defaulted).toMatchObject({
      state: 'defaulted',
      endReason: 'No word since April',
      nextDue: null,
    });
    const items = await queue();
    expect(items.filter((item) => item.group === 'plans')).toEqual([]);
    const resumed = items.find((item) => item.step !== null);
    expect(resumed?.why.join(' ')).toContain('resumes where it stopped after the payment plan');
    await app.close();
  });

  it('calling off a plan made before the ladder ever started resumes from its first step, never jumping', async () => {
    const { app, ok, createPlan, at, queue } = await planCustomer();
    // No queue was ever built: no episode, no step taken. The plan holds two invoices.
    const plan = await createPlan();
    await ok('plans.activate', { planId: plan.id });
    at('2027-05-10');
    await ok('plans.cancel', { planId: plan.id, reason: 'They asked to pay it all in June' });
    // The oldest plan invoice is now 98 days late, which alone would fit the +90 decision;
    // after the plan the ladder starts at its first overdue step instead.
    const items = await queue();
    const resumed = items.find((item) => item.group !== 'plans' && item.step !== null);
    expect(resumed?.step).toBe('slipped');
    expect(resumed?.why.join(' ')).toContain('resumes where it stopped after the payment plan');
    expect(resumed?.why.join(' ')).not.toContain('Skipped');
    await app.close();
  });

  it('a restart never doubles a plan step', async () => {
    const dir = await tempDir();
    const first = await planCustomer(dir);
    const plan = await first.createPlan();
    await first.ok('plans.activate', { planId: plan.id });
    first.at('2027-05-04');
    const before = (await first.queue()).filter((item) => item.group === 'plans');
    expect(before.map((item) => item.step).sort()).toEqual(
      ['plan_confirmation', 'plan_missed', 'plan_call'].sort(),
    );
    const count = () =>
      first.app.connection.sqlite.prepare('SELECT count(*) FROM reminder_items').pluck().get();
    const rows = count();
    await first.ok('reminders.queue', {});
    expect(count()).toBe(rows);
    await first.app.close();

    const second = await startLedgerApp(dir, '2027-05-04T10:00:00Z');
    const after = (await second.ok<ReminderQueue>('reminders.queue', {})).items.filter(
      (item) => item.group === 'plans',
    );
    expect(after.map((item) => item.id).sort()).toEqual(before.map((item) => item.id).sort());
    const total = second.app.connection.sqlite
      .prepare("SELECT count(*) FROM reminder_items WHERE step LIKE 'plan_%'")
      .pluck()
      .get();
    expect(total).toBe(3);
    await second.app.close();
  });
});

describe('a hardship plan', () => {
  it('drafts its letters from the hardship templates, and asks nothing during its pause', async () => {
    const { app, ok, createPlan, at, planSteps, stepOf } = await planCustomer();
    const plan = await createPlan({
      hardship: true,
      pauseUntil: '2027-04-30',
      firstDue: '2027-05-03',
    });
    expect(plan.pauseUntil).toBe('2027-04-30');
    const confirmation = await stepOf('plan_confirmation');
    await ok('reminders.act', { itemId: confirmation.id, action: 'approve' });
    const [message] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(message).toMatchObject({ occasion: 'plan_confirmation_hardship' });
    const detail = await ok<{ text: string }>('outbox.get', { id: message!.id });
    expect(detail.text).toContain(
      'If you would like free, confidential advice about money, you can contact MoneyHelper',
    );
    expect(detail.text).toContain(
      'We can pause the plan for a while, or make the payments smaller.',
    );

    // Within the pause nothing is asked, not even a check-in.
    at('2027-04-30');
    expect(await planSteps()).toEqual([]);
    at('2027-05-01');
    expect(await planSteps()).toEqual([['plan_check_in', 'waiting']]);
    await app.close();
  });

  it('lets the owner move the pause, never past the next payment nor into the past', async () => {
    const { app, ok, call, createPlan, fingerprint, clock } = await planCustomer();
    const plan = await createPlan({ hardship: true, pauseUntil: '2027-03-31' });
    const before = fingerprint();
    for (const [pauseUntil, message] of [
      ['2027-04-01', /must end before the next payment, due on 1 April 2027/],
      ['2027-05-20', /must end before the next payment, due on 1 April 2027/],
      ['2027-03-14', /That day has passed/],
    ] as const) {
      const result = await call('plans.update', { planId: plan.id, pauseUntil });
      expect(result, pauseUntil).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'pauseUntil' },
      });
      if (!result.ok) expect(result.error.message, pauseUntil).toMatch(message);
    }
    expect(fingerprint()).toBe(before);
    expect(
      await ok<Plan>('plans.update', { planId: plan.id, pauseUntil: '2027-03-25' }),
    ).toMatchObject({ pauseUntil: '2027-03-25' });
    // Today is a day still to come for this rule: the pause may end today.
    expect(
      await ok<Plan>('plans.update', { planId: plan.id, pauseUntil: '2027-03-15' }),
    ).toMatchObject({ pauseUntil: '2027-03-15' });
    // Once the pause has run its course, other changes go through with it left as it is.
    clock.set('2027-03-20T10:00:00Z');
    expect(
      await ok<Plan>('plans.update', { planId: plan.id, pauseUntil: '2027-03-15', graceDays: 5 }),
    ).toMatchObject({ pauseUntil: '2027-03-15', graceDays: 5 });
    expect(await ok<Plan>('plans.update', { planId: plan.id, pauseUntil: null })).toMatchObject({
      pauseUntil: null,
    });
    await app.close();
  });
});

describe('bad input', () => {
  it('refuses bad plan options, renegotiation and changes by field, and writes nothing', async () => {
    const { app, ok, call, fingerprint, createPlan, customer, invoices } = await planCustomer();
    const live = await createPlan();
    const ended = await ok<Plan>('plans.create', {
      customerId: customer.id,
      invoiceIds: [invoices.outside.id],
      currency: 'GBP',
      count: 2,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    });
    await ok('plans.cancel', { planId: ended.id, reason: 'Changed our minds' });
    const before = fingerprint();
    const base = {
      customerId: customer.id,
      invoiceIds: [invoices.outside.id],
      currency: 'GBP',
      count: 2,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    };
    const cases: [string, Parameters<typeof call>, string, string, RegExp][] = [
      [
        'a count over 520',
        ['plans.create', { ...base, count: 521 }],
        'invalid_input',
        'count',
        /from 1 to 520/,
      ],
      [
        'a check-in of -1 days',
        ['plans.create', { ...base, checkInDays: -1 }],
        'invalid_input',
        'checkInDays',
        /0 days or more/,
      ],
      [
        'a grace of 61 days',
        ['plans.create', { ...base, graceDays: 61 }],
        'invalid_input',
        'graceDays',
        /at most 60/,
      ],
      [
        'an unknown activation',
        ['plans.create', { ...base, activation: 'handshake' }],
        'invalid_input',
        'activation',
        /signature or on the first payment/,
      ],
      [
        'a pause past the first payment',
        ['plans.create', { ...base, pauseUntil: '2027-04-01' }],
        'invalid_input',
        'firstDue',
        /after the pause/,
      ],
      [
        'a pause on a plan that is not a hardship plan',
        ['plans.create', { ...base, pauseUntil: '2027-03-20' }],
        'invalid_input',
        'pauseUntil',
        /Only a hardship plan/,
      ],
      [
        'a pause that ended yesterday',
        ['plans.create', { ...base, hardship: true, pauseUntil: '2027-03-14' }],
        'invalid_input',
        'pauseUntil',
        /That day has passed/,
      ],
      [
        'renegotiating with a pause, hardship neither asked for nor there before',
        [
          'plans.renegotiate',
          {
            planId: live.id,
            count: 2,
            frequency: 'monthly',
            firstDue: '2027-04-01',
            pauseUntil: '2027-03-20',
          },
        ],
        'invalid_input',
        'pauseUntil',
        /Only a hardship plan/,
      ],
      [
        'a pause on a live plan that is not a hardship plan',
        ['plans.update', { planId: live.id, pauseUntil: '2027-03-20' }],
        'invalid_input',
        'pauseUntil',
        /Only a hardship plan/,
      ],
      [
        'a zero total',
        [
          'plans.preview',
          { total: 0, currency: 'GBP', count: 1, frequency: 'monthly', firstDue: '2027-04-01' },
        ],
        'invalid_input',
        'total',
        /more than zero/,
      ],
      [
        'renegotiating with no count',
        ['plans.renegotiate', { planId: live.id, frequency: 'monthly', firstDue: '2027-04-01' }],
        'invalid_input',
        'count',
        /how many payments/,
      ],
      [
        'renegotiating with a count of 0',
        [
          'plans.renegotiate',
          { planId: live.id, count: 0, frequency: 'monthly', firstDue: '2027-04-01' },
        ],
        'invalid_input',
        'count',
        /from 1 to 520/,
      ],
      [
        'renegotiating with a deposit above what is left',
        [
          'plans.renegotiate',
          {
            planId: live.id,
            count: 2,
            deposit: 50001,
            frequency: 'monthly',
            firstDue: '2027-04-01',
          },
        ],
        'invalid_input',
        'deposit',
        /more than the £500.00/,
      ],
      [
        'renegotiating from a past date',
        [
          'plans.renegotiate',
          { planId: live.id, count: 2, frequency: 'monthly', firstDue: '2027-03-14' },
        ],
        'invalid_input',
        'firstDue',
        /has passed/,
      ],
      [
        'renegotiating a plan called off',
        [
          'plans.renegotiate',
          { planId: ended.id, count: 2, frequency: 'monthly', firstDue: '2027-04-01' },
        ],
        'conflict',
        'planId',
        /called off/,
      ],
      [
        'renegotiating an unknown plan',
        [
          'plans.renegotiate',
          { planId: 999, count: 2, frequency: 'monthly', firstDue: '2027-04-01' },
        ],
        'not_found',
        'planId',
        /no payment plan 999/,
      ],
      [
        'defaulting a plan called off',
        ['plans.markDefaulted', { planId: ended.id, reason: 'Gone' }],
        'conflict',
        'planId',
        /called off/,
      ],
      [
        'defaulting without a reason',
        ['plans.markDefaulted', { planId: live.id, reason: ' ' }],
        'invalid_input',
        'reason',
        /say why/,
      ],
      [
        'changing nothing',
        ['plans.update', { planId: live.id }],
        'invalid_input',
        '',
        /what to change/,
      ],
      [
        'changing a plan called off',
        ['plans.update', { planId: ended.id, graceDays: 5 }],
        'conflict',
        'planId',
        /called off/,
      ],
    ];
    for (const [what, [method, input], code, field, message] of cases) {
      const result = await call(method, input);
      expect(result, what).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) {
        expect(result.error.field ?? '', what).toBe(field);
        expect(result.error.message, what).toMatch(message);
      }
    }
    expect(fingerprint()).toBe(before);
    await app.close();
  });

  it('changes how a live plan runs, on the timeline', async () => {
    const { app, ok, createPlan, eventKinds } = await planCustomer();
    const plan = await createPlan();
    const changed = await ok<Plan>('plans.update', {
      planId: plan.id,
      checkInDays: 5,
      graceDays: 7,
      activation: 'first_payment',
    });
    expect(changed).toMatchObject({ checkInDays: 5, graceDays: 7, activation: 'first_payment' });
    expect(await eventKinds()).toContain('plans.updated');
    await app.close();
  });
});
