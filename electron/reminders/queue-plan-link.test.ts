/**
 * A plan's steps in the Today queue name the plan they are about, so the row can link to it:
 * the confirmation (its ref is the plan) and a check-in (its ref is one of the plan's payments);
 * so does the row that only says the ladder is paused while the plan runs.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

describe('plan steps in the queue', () => {
  it('carry the id of the plan they are about; ladder steps carry none', async () => {
    // Monday 15 March 2027, 10:00 in London: inside the contact window.
    const { app, ok, clock } = await startLedgerApp(await tempDir(), '2027-03-15T10:00:00Z');
    const invoiceOf = async (name: string, dueDate: string) => {
      const customer = await ok<Customer>('customers.create', {
        name,
        kind: 'company',
        email: `accounts@${name.toLowerCase().replace(/\W+/g, '')}.example`,
      });
      const invoice = await ok<Invoice>('invoices.create', {
        customerId: customer.id,
        issueDate: '2027-01-05',
        dueDate,
        currency: 'GBP',
        lines: [{ description: 'Joinery', quantity: '1', unitPrice: 40000 }],
      });
      return { customer, invoice };
    };
    const planned = await invoiceOf('Rowan Joinery', '2027-02-01');
    const other = await invoiceOf('Ash Builders', '2027-02-01');
    // Another customer's plan first, so plan ids and payment ids differ from the one we read.
    const otherPlan = await ok<Plan>('plans.create', {
      customerId: other.customer.id,
      invoiceIds: [other.invoice.id],
      currency: 'GBP',
      count: 8,
      frequency: 'monthly',
      firstDue: '2027-04-10',
    });
    const plan = await ok<Plan>('plans.create', {
      customerId: planned.customer.id,
      invoiceIds: [planned.invoice.id],
      currency: 'GBP',
      count: 4,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    });
    const queue = async () => (await ok<ReminderQueue>('reminders.queue', {})).items;

    const confirmation = (await queue()).find(
      (item) => item.customerId === planned.customer.id && item.step === 'plan_confirmation',
    );
    expect(confirmation?.planId).toBe(plan.id);
    await ok('reminders.act', {
      itemId: confirmation!.id,
      action: 'skip',
      reason: 'Given by hand',
    });

    // Between its steps the customer's row only says the ladder is paused: it names the plan.
    const paused = (await queue()).filter((item) => item.customerId === planned.customer.id);
    expect(paused.map((item) => [item.stepName, item.status, item.planId])).toEqual([
      ['paused', 'blocked', plan.id],
    ]);
    expect(paused[0]!.why.join(' ')).toMatch(/in a payment plan/);
    // Held by do not contact instead, the row says so, and does not point at the plan.
    await ok('customers.update', {
      id: planned.customer.id,
      doNotContact: { reason: 'Asked for a month of quiet', until: '2027-03-25' },
    });
    const held = (await queue()).filter((item) => item.customerId === planned.customer.id);
    expect(held.map((item) => [item.stepName, item.planId])).toEqual([['paused', undefined]]);
    expect(held[0]!.why.join(' ')).toMatch(/do not contact/);
    await ok('customers.update', { id: planned.customer.id, doNotContact: null });

    // Three days before payment 1: the check-in's ref is the payment; its plan is still named.
    clock.set('2027-03-29T10:00:00Z');
    const checkIn = (await queue()).find(
      (item) => item.customerId === planned.customer.id && item.step === 'plan_check_in',
    );
    expect(checkIn?.planId).toBe(plan.id);
    expect(plan.instalments[0]!.id).not.toBe(plan.id);
    const others = (await queue()).filter((item) => item.customerId === other.customer.id);
    expect(others.map((item) => [item.step, item.planId])).toEqual([
      ['plan_confirmation', otherPlan.id],
    ]);

    // Called off, the ladder's own step for the invoice links to no plan.
    await ok('plans.cancel', { planId: plan.id, reason: 'Paying at once' });
    const ladder = (await queue()).filter((item) => item.customerId === planned.customer.id);
    expect(ladder.length).toBeGreaterThan(0);
    for (const item of ladder) {
      expect(item.group).not.toBe('plans');
      expect(item).not.toHaveProperty('planId');
    }
    await app.close();
  });
});
