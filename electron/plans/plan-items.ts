/**
 * Puts a plan's step in the Today queue from inside a plan change's own transaction (the
 * confirmation when a plan is made, the thank-you when it completes), through the same
 * at-most-once key as every queue item: (customer, step, episode 0, ref). Plan steps live
 * outside the ladder's episodes, so episode 0 (never an overdue episode's number) is theirs.
 * The reminder engine proposes the rest (electron/reminders/reconcile.ts) and refreshes these.
 */
import type { Transaction } from 'kysely';
import type { CalendarDate } from '../../shared/dates';
import { daysBetween } from '../../shared/dates';
import { stepNames, type PlanStepKey } from '../../shared/reminders/ladder';
import { queueInvoiceLimit } from '../../shared/reminders/queue';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import type { ItemSummary } from '../reminders/item-summary';

export const planEpisode = 0;

export interface PlanItemInvoice {
  id: number;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  open: number;
}

export function planItemSummary(
  step: PlanStepKey,
  invoices: readonly PlanItemInvoice[],
  today: CalendarDate,
): ItemSummary {
  const rows = invoices
    .filter((invoice) => invoice.open > 0)
    .map((invoice) => ({
      ...invoice,
      daysOverdue: Math.max(0, daysBetween(invoice.dueDate, today)),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id);
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.open);
  return {
    stepName: stepNames[step],
    invoices: rows.slice(0, queueInvoiceLimit),
    invoiceCount: rows.length,
    openTotals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    promise: null,
  };
}

/** Inserts the step unless it is already there (open or acted on). True when inserted. */
export async function insertPlanItem(
  trx: Transaction<DB>,
  item: {
    customerId: number;
    step: PlanStepKey;
    ref: number;
    channel: 'email' | 'call' | 'decision';
    invoiceIds: number[];
    why: string[];
    summary: ItemSummary;
    now: Date;
    today: CalendarDate;
  },
): Promise<boolean> {
  const result = await trx
    .insertInto('reminder_items')
    .values({
      customer_id: item.customerId,
      step: item.step,
      episode: planEpisode,
      ref: item.ref,
      channel: item.channel,
      autopilot: 0,
      status: 'open',
      invoice_ids: JSON.stringify(item.invoiceIds),
      summary: JSON.stringify(item.summary),
      why: JSON.stringify(item.why),
      skipped_steps: '[]',
      proposed_on: item.today,
      proposed_at: item.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['customer_id', 'step', 'episode', 'ref']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
  await appendEvent(trx, {
    occurredAt: item.now,
    kind: 'reminders.proposed',
    summary: `Proposed the ${stepNames[item.step]}.`,
    details: { step: item.step, episode: planEpisode, ref: item.ref, invoiceIds: item.invoiceIds },
    customerId: item.customerId,
  });
  return true;
}
