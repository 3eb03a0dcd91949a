/**
 * After anything lowers what a customer owes (a payment, credit applied, a credit note, an
 * early-payment discount, a write-off), inside the same transaction: a proposed plan that
 * starts on its first payment becomes active, and a plan with nothing left to ask for (every
 * payment came in, or what did not was credited or written off) is completed, with its "plan
 * completed, thank you" queued for the owner to review, unless nothing at all was paid. The queue item's unique key keeps the
 * thank-you to one, however often this runs. Nothing here makes a plan owe more again: no
 * change lowers what is paid or credited once recorded (an import whose payments a plan
 * counted cannot be undone: electron/import/undo.ts).
 */
import type { Transaction } from 'kysely';
import { livePlanStates } from '../../shared/api/plans';
import type { CalendarDate } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { completedWhy, thankYouDue } from '../../shared/plans/steps';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import { insertPlanItem, planItemSummary } from './plan-items';
import { readPlans } from './plans.repository';

export async function settlePlans(
  trx: Transaction<DB>,
  context: { customerId: number; now: Date; today: CalendarDate; locale: string },
): Promise<void> {
  const { customerId, now, today, locale } = context;
  const at = now.toISOString();
  const plans = await readPlans(trx, { customerId, states: livePlanStates }, today);
  for (const plan of plans) {
    const money = (amount: number) => formatMoney(amount, plan.currency, locale);
    const startsNow =
      plan.state === 'proposed' && plan.activation === 'first_payment' && plan.paid > 0;
    if (startsNow) {
      await trx
        .updateTable('plans')
        .set({ state: 'active', activated_at: at, updated_at: at })
        .where('id', '=', plan.id)
        .execute();
      await appendEvent(trx, {
        occurredAt: now,
        kind: 'plans.activated',
        summary: `Payment plan of ${money(plan.total)} is now active: the first payment came in.`,
        details: { planId: plan.id, from: 'proposed', to: 'active', on: 'first_payment' },
        customerId,
      });
    }
    if (plan.remaining > 0) continue;
    await trx
      .updateTable('plans')
      .set({
        state: 'completed',
        activated_at: plan.activatedAt ?? at,
        ended_at: at,
        updated_at: at,
      })
      .where('id', '=', plan.id)
      .execute();
    await appendEvent(trx, {
      occurredAt: now,
      kind: 'plans.completed',
      summary:
        plan.reduced === 0
          ? `Payment plan of ${money(plan.total)} is complete: every payment came in.`
          : thankYouDue(plan)
            ? `Payment plan of ${money(plan.total)} is complete: nothing is left to pay (${money(plan.paid)} paid, ${money(plan.reduced)} taken off by credit notes or write-offs).`
            : `Payment plan of ${money(plan.total)} is closed: all of it was taken off by credit notes or write-offs, nothing was paid, so no thank-you is proposed.`,
      details: {
        planId: plan.id,
        from: startsNow ? 'active' : plan.state,
        to: 'completed',
        paid: plan.paid,
        reduced: plan.reduced,
      },
      customerId,
    });
    if (!thankYouDue(plan)) continue;
    const invoices = await trx
      .selectFrom('invoices')
      .select(['id', 'number', 'currency', 'due_date', 'total_amount', 'settled_amount'])
      .where('id', 'in', plan.invoiceIds)
      .execute();
    await insertPlanItem(trx, {
      customerId,
      step: 'plan_completed',
      ref: plan.id,
      channel: 'email',
      invoiceIds: plan.invoiceIds,
      why: [completedWhy(plan.reduced)],
      summary: planItemSummary(
        'plan_completed',
        invoices.map((row) => ({
          id: row.id,
          number: row.number,
          currency: row.currency,
          dueDate: row.due_date,
          open: row.total_amount - row.settled_amount,
        })),
        today,
      ),
      now,
      today,
    });
  }
}
