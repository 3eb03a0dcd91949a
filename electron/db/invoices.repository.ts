import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Settlement } from '../../shared/invoices';
import type { InvoiceReduction } from '../../shared/ledger';
import type { DB, InvoiceLineRow, InvoiceLinesTable, InvoiceRow, InvoicesTable } from './schema';
import { minorFromSql } from './sql-helpers';

export function findInvoice(db: Kysely<DB>, id: number): Promise<InvoiceRow | undefined> {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findInvoiceByNumber(db: Kysely<DB>, number: string) {
  return db.selectFrom('invoices').select(['id']).where('number', '=', number).executeTakeFirst();
}

export function linesOf(db: Kysely<DB>, invoiceId: number): Promise<InvoiceLineRow[]> {
  return db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('position')
    .execute();
}

export async function insertInvoice(
  trx: Transaction<DB>,
  invoice: Insertable<InvoicesTable>,
  lines: Omit<Insertable<InvoiceLinesTable>, 'invoice_id' | 'position'>[],
): Promise<number> {
  const { id } = await trx
    .insertInto('invoices')
    .values(invoice)
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('invoice_lines')
    .values(lines.map((line, position) => ({ ...line, invoice_id: id, position })))
    .execute();
  return id;
}

/**
 * The next free number in the business's sequence (prefix + counter), advancing the counter.
 * Numbers taken by imported invoices are skipped rather than reused.
 */
export async function takeNextInvoiceNumber(trx: Transaction<DB>): Promise<string> {
  const settings = await trx
    .selectFrom('settings')
    .select(['invoice_prefix', 'next_invoice_number'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const prefix = settings?.invoice_prefix ?? 'INV-';
  let next = settings?.next_invoice_number ?? 1;
  for (;;) {
    const candidate = `${prefix}${String(next).padStart(4, '0')}`;
    next += 1;
    if (!(await findInvoiceByNumber(trx, candidate))) {
      if (settings) {
        await trx
          .updateTable('settings')
          .set({ next_invoice_number: next })
          .where('id', '=', 1)
          .execute();
      }
      return candidate;
    }
  }
}

/** Keeps the invoice's settled sum in step with the rows just written (same transaction). */
export async function addToSettled(
  trx: Transaction<DB>,
  invoiceId: number,
  delta: number,
  at: string,
) {
  await trx
    .updateTable('invoices')
    .set({ settled_amount: sql`settled_amount + ${delta}`, updated_at: at })
    .where('id', '=', invoiceId)
    .execute();
}

/** Keeps the payment's applied sum in step with the allocation or refund just written. */
export async function addToApplied(trx: Transaction<DB>, paymentId: number, delta: number) {
  await trx
    .updateTable('payments')
    .set({ applied_amount: sql`applied_amount + ${delta}` })
    .where('id', '=', paymentId)
    .execute();
}

/** What has been paid, credited and written off against each invoice, from the rows. */
export async function settlementsOf(
  db: Kysely<DB>,
  invoiceIds: readonly number[],
): Promise<Map<number, Settlement>> {
  const result = new Map<number, Settlement>(
    invoiceIds.map((id) => [id, { paid: 0, credited: 0, writtenOff: 0 }]),
  );
  if (invoiceIds.length === 0) return result;
  const ids = [...invoiceIds];
  const [paid, credited, writtenOff] = await Promise.all(
    (['allocations', 'credit_notes', 'write_offs'] as const).map((table) =>
      db
        .selectFrom(table)
        .select(['invoice_id', (eb) => eb.fn.sum<number>('amount').as('amount')])
        .where('invoice_id', 'in', ids)
        .groupBy('invoice_id')
        .execute(),
    ),
  );
  for (const row of paid!) result.get(row.invoice_id)!.paid = minorFromSql(row.amount);
  for (const row of credited!) result.get(row.invoice_id)!.credited = minorFromSql(row.amount);
  for (const row of writtenOff!) result.get(row.invoice_id)!.writtenOff = minorFromSql(row.amount);
  return result;
}

/** Every payment, credit note and write-off against one invoice, oldest first. */
export async function reductionsOf(db: Kysely<DB>, invoiceId: number): Promise<InvoiceReduction[]> {
  const [payments, credits, writeOffs] = await Promise.all([
    db
      .selectFrom('allocations as a')
      .innerJoin('payments as p', 'p.id', 'a.payment_id')
      .select([
        'p.id',
        'p.date',
        'a.amount',
        'p.amount as payment_amount',
        'p.method',
        'p.reference',
      ])
      .where('a.invoice_id', '=', invoiceId)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('credit_notes')
      .select(['date', 'amount', 'reason'])
      .where('invoice_id', '=', invoiceId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('write_offs')
      .select(['date', 'amount', 'reason'])
      .where('invoice_id', '=', invoiceId)
      .orderBy('id')
      .execute(),
  ]);
  const all: InvoiceReduction[] = [
    ...payments.map((p) => ({
      kind: 'payment' as const,
      date: p.date,
      amount: p.amount,
      detail: [p.method, p.reference].filter(Boolean).join(' · '),
      paymentId: p.id,
      paymentAmount: p.payment_amount,
    })),
    ...credits.map((c) => ({
      kind: 'credit_note' as const,
      date: c.date,
      amount: c.amount,
      detail: c.reason,
      paymentId: null,
      paymentAmount: null,
    })),
    ...writeOffs.map((w) => ({
      kind: 'write_off' as const,
      date: w.date,
      amount: w.amount,
      detail: w.reason,
      paymentId: null,
      paymentAmount: null,
    })),
  ];
  // Stable: rows of one date keep the order above (payments, then credits, then write-offs).
  return all.sort((a, b) => a.date.localeCompare(b.date));
}

/** The customer's open invoices in one currency, for allocation. */
export function openInvoicesOf(db: Kysely<DB>, customerId: number, currency: string) {
  return db
    .selectFrom('invoices')
    .select(['id', 'number', 'issue_date', 'due_date', 'total_amount', 'settled_amount'])
    .where('customer_id', '=', customerId)
    .where('currency', '=', currency)
    .where('voided_at', 'is', null)
    .where('is_draft', '=', 0)
    .where(sql<boolean>`settled_amount < total_amount`)
    .orderBy('due_date')
    .orderBy('issue_date')
    .orderBy('id')
    .execute();
}
