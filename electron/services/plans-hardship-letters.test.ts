/**
 * A hardship plan's letters come from the hardship templates (their own, owner-editable, on
 * the Letters screen), through the API on real SQLite with a pinned clock: the confirmation
 * and the missed-payment note of a hardship plan read as written for someone in difficulty, a
 * normal plan's do not; an edited hardship template is the one used; and an owner's edited
 * plan template from before keeps working for normal plans.
 */
import { describe, expect, it } from 'vitest';
import type { LetterDraft, TemplateDetail, TemplateSummary } from '../../shared/api/letters';
import type { Plan } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import type { OutboxMessage } from '../../shared/mail/outbox';
import type { QueueItem, ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

const hardshipAdvice =
  'If you would like free, confidential advice about money, you can contact MoneyHelper';
const normalConfirmation = 'If a payment is ever hard to make, tell me and we will find a way.';

// Europe/London; 2027-03-15 is a Monday.
async function twoCustomers() {
  const ledger = await startLedgerApp(await tempDir(), '2027-03-15T10:00:00Z');
  const { ok } = ledger;
  const customerWithPlan = async (name: string, hardship: boolean) => {
    const customer = await ok<Customer>('customers.create', {
      name,
      kind: 'consumer',
      email: `${name.split(' ')[0]!.toLowerCase()}@home.example`,
    });
    const invoice = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-05',
      dueDate: '2027-02-05',
      currency: 'GBP',
      lines: [{ description: 'Garden work', quantity: '1', unitPrice: 40000 }],
    });
    const plan = await ok<Plan>('plans.create', {
      customerId: customer.id,
      invoiceIds: [invoice.id],
      currency: 'GBP',
      count: 4,
      frequency: 'monthly',
      firstDue: '2027-04-01',
      hardship,
    });
    await ok('plans.activate', { planId: plan.id });
    return { customer, invoice, plan };
  };
  const hard = await customerWithPlan('Morgan Ellis', true);
  const usual = await customerWithPlan('Priya Shah', false);
  const stepFor = async (customerId: number, step: string): Promise<QueueItem & { id: number }> => {
    const items = (await ok<ReminderQueue>('reminders.queue', {})).items;
    const item = items.find((row) => row.customerId === customerId && row.step === step);
    if (!item || item.id === null) throw new Error(`No ${step} for customer ${customerId}`);
    return item as QueueItem & { id: number };
  };
  /** The letter a queue item drafts, asked for the way the Today screen asks. */
  const draftFor = (item: QueueItem & { id: number }) =>
    ok<LetterDraft>('letters.draft', {
      customerId: item.customerId,
      occasion: item.step,
      itemId: item.id,
    });
  return { ...ledger, hard, usual, stepFor, draftFor };
}

describe("a hardship plan's letters", () => {
  it("draft the confirmation from the hardship template; a normal plan's from the usual one", async () => {
    const { app, ok, hard, usual, stepFor, draftFor } = await twoCustomers();
    const hardDraft = await draftFor(await stepFor(hard.customer.id, 'plan_confirmation'));
    expect(hardDraft.occasion).toBe('plan_confirmation_hardship');
    expect(hardDraft.text).toContain(
      'Thank you for talking to me. I know things are hard at the moment',
    );
    expect(hardDraft.text).toContain(hardshipAdvice);
    expect(hardDraft.text).toContain(
      'We can pause the plan for a while, or make the payments smaller.',
    );
    expect(hardDraft.text).not.toContain(normalConfirmation);
    expect(hardDraft.tone.findings).toEqual([]);

    const usualDraft = await draftFor(await stepFor(usual.customer.id, 'plan_confirmation'));
    expect(usualDraft.occasion).toBe('plan_confirmation');
    expect(usualDraft.text).toContain(normalConfirmation);
    expect(usualDraft.text).not.toContain('free, confidential advice');

    // Approved, each goes to the outbox written from its own template.
    for (const { customer } of [hard, usual]) {
      await ok('reminders.act', {
        itemId: (await stepFor(customer.id, 'plan_confirmation')).id,
        action: 'approve',
      });
    }
    const outbox = await ok<OutboxMessage[]>('outbox.list', {});
    expect(
      outbox.map((m) => [m.customerId, m.occasion]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [hard.customer.id, 'plan_confirmation_hardship'],
      [usual.customer.id, 'plan_confirmation'],
    ]);
    await app.close();
  });

  it('draft the missed-payment note from the hardship template', async () => {
    const { app, ok, clock, hard, usual, stepFor, draftFor } = await twoCustomers();
    for (const { customer } of [hard, usual]) {
      await ok('reminders.act', {
        itemId: (await stepFor(customer.id, 'plan_confirmation')).id,
        action: 'skip',
        reason: 'Given by hand',
      });
    }
    // Payment 1 was due on Thursday 1 April; three days' grace; Monday 5 April it is ready.
    clock.set('2027-04-05T10:00:00Z');
    const hardDraft = await draftFor(await stepFor(hard.customer.id, 'plan_missed'));
    expect(hardDraft.occasion).toBe('plan_missed_hardship');
    expect(hardDraft.subject).toBe('Your payment plan: just checking in');
    expect(hardDraft.text).toContain(
      'The payment of £100.00 that was due on 1 April 2027, under our plan for invoice',
    );
    expect(hardDraft.text).toContain('There is no rush to reply.');
    expect(hardDraft.text).toContain(
      'Free, confidential advice about money is there if you want it: MoneyHelper',
    );
    expect(hardDraft.tone.findings).toEqual([]);

    const usualDraft = await draftFor(await stepFor(usual.customer.id, 'plan_missed'));
    expect(usualDraft.occasion).toBe('plan_missed');
    expect(usualDraft.subject).toBe('Your payment plan: £100.00 due on 1 April 2027');
    expect(usualDraft.text).not.toContain('advice');
    await app.close();
  });

  it('use the hardship template as the owner edited it, and only for hardship plans', async () => {
    const { app, ok, hard, usual, stepFor, draftFor } = await twoCustomers();
    const listed = await ok<TemplateSummary[]>('letters.templates', {});
    expect(
      listed.filter((t) => t.occasion.endsWith('_hardship')).map((t) => [t.occasion, t.name]),
    ).toEqual([
      ['plan_confirmation_hardship', 'Plan confirmation — hardship'],
      ['plan_check_in_hardship', 'Plan payment coming up — hardship'],
      ['plan_missed_hardship', 'Missed instalment — hardship'],
      ['plan_completed_hardship', 'Plan completed — hardship'],
    ]);

    const saved = await ok<TemplateDetail>('letters.saveTemplate', {
      occasion: 'plan_confirmation_hardship',
      subject: 'Our plan, {{customer.greetingName}}',
      body: 'Dear {{customer.greetingName}},\n\nNo rush at all. Here is our plan of {{plan.total}}:\n\n{{planSchedule}}\n\nFree advice: {{adviceLine}}.\n\n{{business.name}}',
    });
    expect(saved).toMatchObject({ customised: true, version: 1 });

    const hardDraft = await draftFor(await stepFor(hard.customer.id, 'plan_confirmation'));
    expect(hardDraft.subject).toBe('Our plan, Morgan Ellis');
    expect(hardDraft.text).toContain('No rush at all. Here is our plan of £400.00:');
    expect(hardDraft.text).toContain('Free advice: MoneyHelper');
    const usualDraft = await draftFor(await stepFor(usual.customer.id, 'plan_confirmation'));
    expect(usualDraft.subject).toBe('Your payment plan with Jones Plumbing');
    expect(usualDraft.text).not.toContain('No rush at all');

    await ok('reminders.act', {
      itemId: (await stepFor(hard.customer.id, 'plan_confirmation')).id,
      action: 'approve',
    });
    const [message] = await ok<OutboxMessage[]>('outbox.list', {});
    expect(message).toMatchObject({
      occasion: 'plan_confirmation_hardship',
      subject: 'Our plan, Morgan Ellis',
    });
    await app.close();
  });

  it("keeps an owner's edited plan template (hardship section and all) working for normal plans", async () => {
    const { app, ok, usual, stepFor, draftFor } = await twoCustomers();
    // Written before hardship plans had their own letters: a {{#plan.hardship}} section.
    await ok('letters.saveTemplate', {
      occasion: 'plan_confirmation',
      subject: 'Your plan with {{business.name}}',
      body: 'Dear {{customer.greetingName}},\n\n{{plan.count}} payments of our plan:\n\n{{planSchedule}}\n\n{{#plan.hardship}}Advice: {{adviceLine}}.\n\n{{/plan.hardship}}{{business.name}}',
    });
    const draft = await draftFor(await stepFor(usual.customer.id, 'plan_confirmation'));
    expect(draft.occasion).toBe('plan_confirmation');
    expect(draft.text).toContain('4 payments of our plan:');
    expect(draft.text).not.toContain('Advice:');
    await app.close();
  });
});
