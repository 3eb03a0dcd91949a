/** Where a payment goes when the owner does not say: the oldest due invoice first. */
import type { CalendarDate } from './dates';
import type { Minor } from './money';

export interface OpenInvoice {
  invoiceId: number;
  dueDate: CalendarDate;
  issueDate: CalendarDate;
  open: Minor;
}

export interface AllocationPlan {
  allocations: { invoiceId: number; amount: Minor }[];
  /** What is left over: kept as credit on the customer's account. */
  unapplied: Minor;
}

/** Oldest due first; ties by issue date, then by id, so the result never depends on order given. */
export function allocateOldestFirst(
  invoices: readonly OpenInvoice[],
  amount: Minor,
): AllocationPlan {
  const ordered = [...invoices]
    .filter((invoice) => invoice.open > 0)
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        a.issueDate.localeCompare(b.issueDate) ||
        a.invoiceId - b.invoiceId,
    );
  const allocations: AllocationPlan['allocations'] = [];
  let left = amount;
  for (const invoice of ordered) {
    if (left === 0) break;
    const share = Math.min(left, invoice.open);
    allocations.push({ invoiceId: invoice.invoiceId, amount: share });
    left -= share;
  }
  return { allocations, unapplied: left };
}
