/**
 * What a queue row shows without reading the ledger again: the invoices behind it with
 * their open amounts and days overdue, the totals per currency, and a promise's figures.
 * Kept beside the item and refreshed whenever the scheduler sees the customer change.
 */
import { daysBetween, type CalendarDate } from '../../shared/dates';
import type { PromiseFallingDue } from '../../shared/reminders/policy';
import { queueInvoiceLimit, type QueueInvoice, type QueueItem } from '../../shared/reminders/queue';
import type { CustomerSituation } from '../../shared/reminders/situation';

export interface ItemSummary {
  /** The step as the customer's own ladder names it ("check-in (+10)"). */
  stepName?: string;
  invoices: QueueInvoice[];
  invoiceCount: number;
  openTotals: QueueItem['openTotals'];
  promise: QueueItem['promise'];
}

export function summarise(
  situation: CustomerSituation,
  invoiceIds: readonly number[],
  today: CalendarDate,
  promise: PromiseFallingDue | null = null,
): ItemSummary {
  const wanted = new Set(invoiceIds);
  const invoices = situation.invoices
    .filter((invoice) => wanted.has(invoice.id))
    .map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      currency: invoice.currency,
      dueDate: invoice.dueDate,
      open: invoice.open,
      daysOverdue: Math.max(0, daysBetween(invoice.dueDate, today)),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id);
  const totals = new Map<string, number>();
  for (const invoice of invoices) {
    totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.open);
  }
  return {
    invoices: invoices.slice(0, queueInvoiceLimit),
    invoiceCount: invoices.length,
    openTotals: [...totals]
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    promise: promise
      ? {
          id: promise.promiseId,
          date: promise.date,
          amount: promise.amount,
          currency: promise.currency,
          paid: promise.paid,
        }
      : null,
  };
}
