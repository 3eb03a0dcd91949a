/**
 * The reads behind payment behaviour: each paid invoice with its paid date and days late
 * (shared/behaviour/figures.ts says what counts), and per-customer counts of promises,
 * disputes and contacts, each in one grouped pass rather than a query per customer.
 */
import type Database from 'better-sqlite3';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { PaidInvoice } from '../../shared/behaviour/figures';
import type { CalendarDate } from '../../shared/dates';
import { rowsAsArrays } from './aging.repository';
import type { DB } from './schema';
import { minorFromSql } from './sql-helpers';

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

/** One customer's paid invoices as four comma-joined lists, in step with each other. */
export type PackedPaid = [
  customerId: number,
  paidOn: string,
  daysLate: string,
  amount: string,
  invoiceId: string,
];

/**
 * Every paid invoice of every customer (`customerIds` null), or of those named, one row per
 * customer: better-sqlite3 spends about a microsecond on each row it hands over, so 280,000
 * rows cost far more than the index walk behind them; 5,000 rows of joined lists do not.
 * The paid date is the invoice's last payment as it keeps it (`last_paid_on`, by triggers).
 */
export async function paidInvoicesPacked(
  db: Kysely<DB>,
  sqlite: Database.Database,
  customerIds: readonly number[] | null,
): Promise<PackedPaid[]> {
  if (customerIds?.length === 0) return [];
  const only = customerIds === null ? sql`` : sql`AND i.customer_id IN (${sql.join(customerIds)})`;
  const query = sql`SELECT i.customer_id, group_concat(i.last_paid_on), group_concat(${daysLate}),
      group_concat(i.total_amount), group_concat(i.id)
    FROM invoices i INDEXED BY invoices_paid_in_full
    WHERE ${paidInFull} ${only}
    GROUP BY i.customer_id`;
  return rowsAsArrays<PackedPaid>(db, sqlite, query.compile(db));
}

/**
 * Each named customer's (or every customer's) paid invoices in the order they were paid,
 * into `into`. Invoices with a write-off are left out here rather than in SQL: looking each
 * row up in the write-offs cost a third of the pass, a set of a thousand ids next to nothing.
 */
export async function paidInvoicesByCustomer(
  db: Kysely<DB>,
  sqlite: Database.Database,
  customerIds: readonly number[] | null,
  into: Map<number, PaidInvoice[]>,
): Promise<void> {
  if (customerIds?.length === 0) return;
  const only = customerIds === null ? sql`` : sql`AND i.customer_id IN (${sql.join(customerIds)})`;
  const written = await sql<{ invoice_id: number }>`SELECT DISTINCT w.invoice_id
    FROM write_offs w JOIN invoices i ON i.id = w.invoice_id WHERE 1 = 1 ${only}`.execute(db);
  const writtenOff = new Set(written.rows.map((row) => row.invoice_id));
  for (const [customerId, paidOns, days, amounts, ids] of await paidInvoicesPacked(
    db,
    sqlite,
    customerIds,
  )) {
    const paidOn = paidOns.split(',');
    const daysLate = days.split(',');
    const amount = amounts.split(',');
    const id = ids.split(',');
    const list: (PaidInvoice & { id: number })[] = [];
    let ordered = true;
    for (let index = 0; index < paidOn.length; index++) {
      const invoice = {
        id: Number(id[index]),
        paidOn: paidOn[index]!,
        daysLate: Number(daysLate[index]),
        // Joined as text by SQLite: read back as checked whole minor units.
        amount: minorFromSql(Number(amount[index])),
      };
      if (writtenOff.has(invoice.id)) continue;
      const last = list.at(-1);
      if (last && byPaidDate(last, invoice) > 0) ordered = false;
      list.push(invoice);
    }
    // SQLite joins a group in the order it walks the index, which is this order, but does
    // not promise it; sorting only when it differs keeps the promise here.
    if (!ordered) list.sort(byPaidDate);
    if (list.length > 0) into.set(customerId, list);
  }
}

/**
 * Each customer's days late on every paid invoice, in order and joined ("0,0,3,9"), for
 * their usual lateness alone: a quarter of the work of reading each invoice in full. And the
 * days late of each paid invoice with a write-off (not a sign of how they pay), for the caller
 * to take out. Both read on the one connection with nothing in between, so they agree.
 */
export async function paidDaysLateInOrder(
  db: Kysely<DB>,
  sqlite: Database.Database,
  customerIds: readonly number[] | null,
): Promise<{
  days: [customerId: number, daysLate: string][];
  writtenOff: [customerId: number, daysLate: number][];
}> {
  if (customerIds?.length === 0) return { days: [], writtenOff: [] };
  const only = customerIds === null ? sql`` : sql`AND i.customer_id IN (${sql.join(customerIds)})`;
  const days = sql`SELECT i.customer_id, group_concat(${daysLate} ORDER BY ${daysLate})
    FROM invoices i INDEXED BY invoices_paid_in_full
    WHERE ${paidInFull} ${only}
    GROUP BY i.customer_id`.compile(db);
  // From the write-offs (a thousand or so) to their invoices, not the other way round.
  const writtenOff = sql`SELECT i.customer_id, ${daysLate} FROM invoices i
    WHERE i.id IN (SELECT invoice_id FROM write_offs) AND ${paidInFull} ${only}`.compile(db);
  const run = <Row>(query: CompiledQuery) =>
    sqlite
      .prepare(query.sql)
      .raw(true)
      .all(...query.parameters) as Row[];
  // better-sqlite3 reads synchronously: holding the connection, nothing runs between the two.
  return db.connection().execute(() =>
    Promise.resolve({
      days: run<[number, string]>(days),
      writtenOff: run<[number, number]>(writtenOff),
    }),
  );
}

const byPaidDate = (a: { paidOn: string; id: number }, b: { paidOn: string; id: number }) =>
  a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.id - b.id;

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
