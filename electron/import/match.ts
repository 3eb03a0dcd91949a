/**
 * What an import plan would do to the ledger: which customers, invoices and payments are new,
 * which are already there (found by the source and its id for them, else by number and
 * customer) and would change, and which rows cannot be applied (an invoice number that
 * belongs to someone else). The preview shows this; the commit writes exactly this.
 */
import type { ImportCounts } from '../../shared/api/imports';
import {
  customerKey,
  type ImportPlan,
  type PlannedCustomer,
  type PlannedInvoice,
  type PlannedPayment,
} from '../../shared/import/plan';
import type Database from 'better-sqlite3';
import {
  lookUpMany,
  type ImportReads,
  type LedgerCustomer,
  type LedgerInvoice,
} from '../db/imports.repository';

export interface CustomerMatch {
  planned: PlannedCustomer;
  existing: LedgerCustomer | null;
  action: 'create' | 'update' | 'unchanged';
}

export interface InvoiceMatch {
  planned: PlannedInvoice;
  existing: LedgerInvoice | null;
  /** The payment an earlier import of this source made for what was paid before. */
  importedPaid: { id: number; amount: number } | null;
  /** What that payment should now be: the file's paid less what Goodwill has besides. */
  paidToImport: number;
  action: 'create' | 'update' | 'unchanged';
}

export interface PaymentMatch {
  planned: PlannedPayment;
  action: 'create' | 'unchanged';
}

export interface MatchedPlan {
  customers: CustomerMatch[];
  invoices: InvoiceMatch[];
  payments: PaymentMatch[];
  counts: ImportCounts;
}

/** The external id of the payment standing for "paid before the import". */
export const paidBeforeKey = (invoice: PlannedInvoice) =>
  `paid:${invoice.externalId ?? invoice.number}`;

export function matchPlan(
  plan: ImportPlan,
  source: string,
  reads: ImportReads,
  sqlite: Database.Database,
): MatchedPlan {
  const found = lookUpMany(sqlite, source, {
    numbers: plan.invoices.map((invoice) => invoice.number),
    externalIds: plan.invoices.flatMap((invoice) =>
      invoice.externalId === null ? [] : [invoice.externalId],
    ),
    paymentIds: [
      ...plan.invoices.map(paidBeforeKey),
      ...plan.payments.map((payment) => payment.key),
    ],
  });
  const conflict = (row: number, message: string) => {
    plan.errorCount += 1;
    plan.issues.push({ row, message, severity: 'error' });
  };
  const warning = (row: number, message: string) => {
    plan.warningCount += 1;
    plan.issues.push({ row, message, severity: 'warning' });
  };
  const ledgerCustomers = new Map<string, LedgerCustomer>();
  for (const customer of reads.customers.all()) {
    const key = customerKey(customer.name);
    if (!ledgerCustomers.has(key)) ledgerCustomers.set(key, customer);
  }
  const customers: CustomerMatch[] = plan.customers.map((planned) => {
    const existing = ledgerCustomers.get(planned.key) ?? null;
    if (!existing) return { planned, existing, action: 'create' };
    const fills =
      (existing.email === '' && planned.email !== '') ||
      (existing.phone === '' && planned.phone !== '') ||
      (existing.company === '' && planned.company !== '');
    return { planned, existing, action: fills ? 'update' : 'unchanged' };
  });
  const customerIdOf = new Map(customers.map((m) => [m.planned.key, m.existing?.id ?? null]));

  const invoices: InvoiceMatch[] = [];
  for (const fileRow of plan.invoices) {
    let planned = fileRow;
    const existing =
      (planned.externalId !== null ? found.byExternalId.get(planned.externalId) : undefined) ??
      found.byNumber.get(planned.number);
    const importedPaid = found.payments.get(paidBeforeKey(planned)) ?? null;
    if (!existing) {
      invoices.push({
        planned,
        existing: null,
        importedPaid: null,
        paidToImport: planned.paid,
        action: 'create',
      });
      continue;
    }
    if (existing.customer_id !== customerIdOf.get(planned.customerKey)) {
      conflict(
        planned.row,
        `Goodwill already has an invoice ${existing.number} for another customer; it was left as it is.`,
      );
      continue;
    }
    if (existing.currency !== planned.currency) {
      conflict(
        planned.row,
        `Invoice ${existing.number} is in ${existing.currency} in Goodwill and in ${planned.currency} in the file.`,
      );
      continue;
    }
    if (existing.total_amount !== planned.total && existing.source !== source) {
      conflict(
        planned.row,
        `Invoice ${existing.number} was made in Goodwill and comes to a different total in the file; it was left as it is.`,
      );
      continue;
    }
    // A plan is an agreement over what its invoices came to: a new total, or a void, is for
    // the owner to settle with the customer (a credit note, or new terms), not for a file.
    // What the file says was paid still comes in: the plan counts it.
    if (existing.in_live_plan === 1) {
      if (planned.standing === 'void' && existing.voided_at === null) {
        conflict(
          planned.row,
          `Invoice ${existing.number} is in a payment plan agreed with the customer, so the file's void was not taken; credit it, or call the plan off first, in Goodwill.`,
        );
        continue;
      }
      if (existing.total_amount !== planned.total) {
        warning(
          planned.row,
          `Invoice ${existing.number} is in a payment plan agreed with the customer, so it keeps its total in Goodwill; ${
            planned.total > existing.total_amount
              ? "the file's higher total was not taken. If more is owed, agree new terms for the plan."
              : "the file's lower total was not taken. Add a credit note for the difference, and the plan asks for less."
          }`,
        );
        planned = { ...planned, total: existing.total_amount };
      }
    }
    const otherSettled = existing.settled_amount - (importedPaid?.amount ?? 0);
    const paidToImport = planned.standing === 'open' ? Math.max(0, planned.paid - otherSettled) : 0;
    if (planned.standing === 'void' && existing.voided_at === null && otherSettled > 0) {
      conflict(
        planned.row,
        `Invoice ${existing.number} has payments recorded in Goodwill, so it was not voided; void it there if you mean to.`,
      );
      continue;
    }
    if (importedPaid && paidToImport === 0 && importedPaid.amount > 0) {
      conflict(
        planned.row,
        `The file says less was paid on invoice ${existing.number} than an earlier import recorded; please correct that payment in Goodwill.`,
      );
      continue;
    }
    if (otherSettled + paidToImport > planned.total) {
      conflict(
        planned.row,
        `Payments recorded for invoice ${existing.number} would come to more than its total in the file.`,
      );
      continue;
    }
    const same =
      existing.issue_date === planned.issueDate &&
      existing.due_date === planned.dueDate &&
      existing.total_amount === planned.total &&
      (existing.is_draft === 1) === (planned.standing === 'draft') &&
      (existing.voided_at !== null) === (planned.standing === 'void') &&
      (importedPaid?.amount ?? 0) === paidToImport;
    invoices.push({
      planned,
      existing,
      importedPaid,
      paidToImport,
      action: same ? 'unchanged' : 'update',
    });
  }

  const payments: PaymentMatch[] = plan.payments.map((planned) => ({
    planned,
    action: found.payments.has(planned.key) ? 'unchanged' : 'create',
  }));

  const count = <T extends { action: string }>(list: T[], action: string) =>
    list.filter((m) => m.action === action).length;
  return {
    customers,
    invoices,
    payments,
    counts: {
      rows: {
        read: plan.rows.read,
        used: plan.rows.used,
        passedOver: plan.rows.passedOver,
        withErrors: plan.errorCount,
      },
      customers: {
        created: count(customers, 'create'),
        updated: count(customers, 'update'),
        unchanged: count(customers, 'unchanged'),
      },
      invoices: {
        created: count(invoices, 'create'),
        updated: count(invoices, 'update'),
        unchanged: count(invoices, 'unchanged'),
      },
      payments: { created: count(payments, 'create'), unchanged: count(payments, 'unchanged') },
    },
  };
}
