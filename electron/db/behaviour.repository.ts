/**
 * The reads behind payment behaviour: each paid invoice with its paid date and days late
 * (shared/behaviour/figures.ts says what counts), and per-customer counts of promises,
 * disputes and contacts, each in one grouped pass rather than a query per customer.
 */
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { CalendarDate } from '../../shared/dates';
import { rowsAsArrays } from './aging.repository';
import type { DB } from './schema';

/** Ordered by customer, then paid date, then invoice. */
export type PaidRow = [
  customerId: number,
  paidOn: CalendarDate,
  daysLate: number,
  amount: number,
  invoiceId: number,
];

/** One paid invoice in full, for the Customer screen's chart. */
export interface PaidInvoiceRow {
  id: number;
  number: string;
  currency: string;
  due_date: CalendarDate;
  paid_on: CalendarDate;
  days_late: number;
  total_amount: number;
}

// Matches the partial index `invoices_paid_in_full` (migration 0011), so SQLite walks it.
const paidInFull = sql`i.last_paid_on IS NOT NULL AND i.settled_amount = i.total_amount
  AND i.voided_at IS NULL AND i.is_draft = 0`;
// Written off in part and settled: not "paid", so not a sign of how this customer pays.
const settledInFull = sql`${paidInFull}
  AND NOT EXISTS (SELECT 1 FROM write_offs w WHERE w.invoice_id = i.id)`;

// Days between two calendar dates: julianday is SQLite's, kept here in db/ (DESIGN.md).
const daysLate = sql`max(0, CAST(julianday(i.last_paid_on) - julianday(i.due_date) AS INTEGER))`;

/**
 * Every paid invoice of every customer (`customerIds` null), or of those named, with the
 * date of its last payment as the invoice keeps it (`last_paid_on`, kept by triggers).
 *
 * The few invoices with a write-off are left out here rather than in SQL: looking each of
 * 280,000 rows up in the write-offs cost a third of the pass, checking a set of a thousand
 * ids costs next to nothing.
 */
export async function paidInvoices(
  db: Kysely<DB>,
  sqlite: Database.Database,
  customerIds: readonly number[] | null,
): Promise<PaidRow[]> {
  if (customerIds?.length === 0) return [];
  const only = customerIds === null ? sql`` : sql`AND i.customer_id IN (${sql.join(customerIds)})`;
  const query = sql`SELECT i.customer_id, i.last_paid_on, ${daysLate}, i.total_amount, i.id
    FROM invoices i INDEXED BY invoices_paid_in_full
    WHERE ${paidInFull} ${only}
    ORDER BY i.customer_id, i.last_paid_on, i.id`;
  const written = await sql<{ invoice_id: number }>`SELECT DISTINCT w.invoice_id
    FROM write_offs w JOIN invoices i ON i.id = w.invoice_id WHERE 1 = 1 ${only}`.execute(db);
  const rows = await rowsAsArrays<PaidRow>(db, sqlite, query.compile(db));
  if (written.rows.length === 0) return rows;
  const writtenOff = new Set(written.rows.map((row) => row.invoice_id));
  return rows.filter((row) => !writtenOff.has(row[4]));
}

/** One customer's paid invoices with their numbers and dates, in the order they were paid. */
export async function paidInvoicesOf(db: Kysely<DB>, customerId: number) {
  const { rows } = await sql<PaidInvoiceRow>`
    SELECT i.id, i.number, i.currency, i.due_date, i.last_paid_on AS paid_on,
      ${daysLate} AS days_late, i.total_amount
    FROM invoices i
    WHERE i.customer_id = ${customerId} AND ${settledInFull}
    ORDER BY i.last_paid_on, i.id`.execute(db);
  return rows;
}

export interface CustomerCounts {
  kept: number;
  broken: number;
  open: number;
  disputes: number;
  contacts: number;
}

/** Promises kept, broken and open, disputes raised and contacts made, per customer. */
export async function customerCounts(
  db: Kysely<DB>,
  customerIds: readonly number[] | null,
): Promise<Map<number, CustomerCounts>> {
  const only = (column: string) =>
    customerIds === null ? sql`1 = 1` : sql`${sql.ref(column)} IN (${sql.join(customerIds)})`;
  const { rows } = await sql<{
    customer_id: number;
    kept: number;
    broken: number;
    open: number;
    disputes: number;
    contacts: number;
  }>`
    SELECT customer_id, sum(kept) AS kept, sum(broken) AS broken, sum(open) AS open,
      sum(disputes) AS disputes, sum(contacts) AS contacts
    FROM (
      SELECT customer_id, outcome = 'kept' AS kept, outcome = 'broken' AS broken,
        outcome IS NULL AS open, 0 AS disputes, 0 AS contacts
      FROM promises WHERE ${only('customer_id')}
      UNION ALL SELECT customer_id, 0, 0, 0, count(*), 0 FROM disputes
        WHERE ${only('customer_id')} GROUP BY customer_id
      UNION ALL SELECT customer_id, 0, 0, 0, 0, count(*) FROM contacts
        WHERE ${only('customer_id')} GROUP BY customer_id
    ) AS counted
    GROUP BY customer_id`.execute(db);
  return new Map(
    rows.map((row) => [
      row.customer_id,
      {
        kept: Number(row.kept),
        broken: Number(row.broken),
        open: Number(row.open),
        disputes: Number(row.disputes),
        contacts: Number(row.contacts),
      },
    ]),
  );
}

/** The due date of each customer's oldest open invoice that is past due at `today`. */
export async function oldestOverdue(
  db: Kysely<DB>,
  today: CalendarDate,
  customerIds: readonly number[] | null,
): Promise<Map<number, CalendarDate>> {
  const only = customerIds === null ? sql`` : sql`AND customer_id IN (${sql.join(customerIds)})`;
  const { rows } = await sql<{ customer_id: number; due: CalendarDate }>`
    SELECT customer_id, min(due_date) AS due FROM invoices
    WHERE settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0
      AND due_date < ${today} ${only}
    GROUP BY customer_id`.execute(db);
  return new Map(rows.map((row) => [row.customer_id, row.due]));
}

/** What one customer was billed and has paid, per currency (payments less refunds). */
export async function lifetimeAmounts(db: Kysely<DB>, customerId: number) {
  const { rows: billed } = await sql<{ currency: string; amount: number }>`
    SELECT currency, sum(total_amount) AS amount FROM invoices
    WHERE customer_id = ${customerId} AND voided_at IS NULL AND is_draft = 0
    GROUP BY currency ORDER BY currency`.execute(db);
  const { rows: received } = await sql<{ currency: string; amount: number }>`
    SELECT p.currency, sum(p.amount - coalesce(
        (SELECT sum(r.amount) FROM refunds r WHERE r.payment_id = p.id), 0)) AS amount
    FROM payments p WHERE p.customer_id = ${customerId}
    GROUP BY p.currency ORDER BY p.currency`.execute(db);
  return { billed, received };
}

export async function allCustomerIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('customers').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** The newest timeline event: any change to the ledger appends one in its transaction. */
export async function latestEventId(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** The customers named by events after `afterId`; null among them: a business-wide change. */
export async function customersChangedSince(
  db: Kysely<DB>,
  afterId: number,
): Promise<(number | null)[]> {
  const rows = await db
    .selectFrom('events')
    .select('customer_id')
    .distinct()
    .where('id', '>', afterId)
    .execute();
  return rows.map((row) => row.customer_id);
}
