/** The rows a customer's statement is built from: everything that moved their balance. */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../../shared/dates';
import type { StatementMovement } from '../../shared/statements/statement';
import type { DB } from './schema';

/** Every issued, not void invoice and every payment, credit, write-off and refund up to `to`. */
export async function statementMovements(
  db: Kysely<DB>,
  customerId: number,
  to: CalendarDate,
): Promise<StatementMovement[]> {
  const againstInvoices = (table: 'credit_notes' | 'write_offs') =>
    db
      // The two tables have the same columns; one name keeps Kysely's types simple.
      .selectFrom(`${table} as x` as 'credit_notes as x')
      .innerJoin('invoices as i', 'i.id', 'x.invoice_id')
      .select(['x.date', 'x.amount', 'x.reason', 'i.number', 'i.currency'])
      .where('i.customer_id', '=', customerId)
      .where('i.voided_at', 'is', null)
      .where('x.date', '<=', to)
      .execute();
  const [invoices, payments, credits, writeOffs, refunds] = await Promise.all([
    db
      .selectFrom('invoices')
      .select(['number', 'issue_date', 'due_date', 'currency', 'total_amount'])
      .where('customer_id', '=', customerId)
      .where('is_draft', '=', 0)
      .where('voided_at', 'is', null)
      .where('issue_date', '<=', to)
      .execute(),
    db
      .selectFrom('payments')
      .select(['date', 'currency', 'amount', 'method', 'reference'])
      .where('customer_id', '=', customerId)
      .where('date', '<=', to)
      .execute(),
    againstInvoices('credit_notes'),
    againstInvoices('write_offs'),
    db
      .selectFrom('refunds as r')
      .innerJoin('payments as p', 'p.id', 'r.payment_id')
      .select(['r.date', 'r.amount', 'r.method', 'r.reference', 'p.currency'])
      .where('p.customer_id', '=', customerId)
      .where('r.date', '<=', to)
      .execute(),
  ]);
  return [
    ...invoices.map((i) => ({
      kind: 'invoice' as const,
      date: i.issue_date,
      currency: i.currency,
      amount: i.total_amount,
      reference: i.number,
      detail: i.due_date,
    })),
    ...payments.map((p) => ({
      kind: 'payment' as const,
      date: p.date,
      currency: p.currency,
      amount: p.amount,
      reference: p.reference,
      detail: p.method,
    })),
    ...credits.map((c) => ({
      kind: 'credit_note' as const,
      date: c.date,
      currency: c.currency,
      amount: c.amount,
      reference: c.number,
      detail: c.reason,
    })),
    ...writeOffs.map((w) => ({
      kind: 'write_off' as const,
      date: w.date,
      currency: w.currency,
      amount: w.amount,
      reference: w.number,
      detail: w.reason,
    })),
    ...refunds.map((r) => ({
      kind: 'refund' as const,
      date: r.date,
      currency: r.currency,
      amount: r.amount,
      reference: r.reference,
      detail: r.method,
    })),
  ];
}
