/**
 * The queries behind aging: one indexed pass over open invoices, summed per customer and
 * currency by bucket, with the customer's name, in a single query. Bucket boundaries come
 * from shared/aging.ts as dates, so the SQL only compares strings and stays portable.
 *
 * Two forms: for today (or later) the invoice's kept `settled_amount` is the open amount and
 * the partial index `invoices_open` holds exactly the rows needed; for a past date the open
 * amount is what it is today plus the payments, credit notes and write-offs dated after it
 * (a payment counts from its own date, even where its allocation was made later).
 */
import type Database from 'better-sqlite3';
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import { bucketStartDates, type AgingBucket } from '../../shared/aging';
import type { CalendarDate } from '../../shared/dates';
import type { DB } from './schema';

/**
 * One customer's open amounts in one currency, as agingSums returns them: what is open on
 * invoices due on or after each bucket's start date (shared/aging.ts bucketsFromStarts turns
 * these into the five buckets), the total, and the earliest due date.
 */
export type AgingSums = [
  customerId: number,
  customerName: string,
  currency: string,
  fromCurrent: number,
  fromD1_30: number,
  fromD31_60: number,
  fromD61_90: number,
  total: number,
  oldestDue: CalendarDate,
];

/** Unapplied credit of one customer in one currency, as unappliedCredit returns it. */
export type CreditSums = [customerId: number, currency: string, amount: number];

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Runs a query Kysely has written on the raw better-sqlite3 handle, for its rows as arrays:
 * building an object per row (what Kysely's driver asks for) took a quarter of the time of
 * the aging query at a few thousand rows, and the service builds objects of its own anyway
 * (scripts/bench/aging.bench.ts). Kysely lends its one connection for the read, so a
 * transaction in progress is waited for as with any other query. Statements are kept per
 * SQL text: aging asks the same few again and again.
 */
export async function rowsAsArrays<Row extends unknown[]>(
  db: Kysely<DB>,
  sqlite: Database.Database,
  query: CompiledQuery,
): Promise<Row[]> {
  return db.connection().execute(async () => {
    let known = statements.get(sqlite);
    if (!known) statements.set(sqlite, (known = new Map()));
    let statement = known.get(query.sql);
    if (!statement) known.set(query.sql, (statement = sqlite.prepare(query.sql).raw(true)));
    return statement.all(...query.parameters) as Row[];
  });
}

export interface OpenInvoiceAsOf {
  id: number;
  number: string;
  issue_date: string;
  due_date: string;
  total_amount: number;
  open: number;
}

function bucketCase(asOf: CalendarDate): RawBuilder<AgingBucket> {
  const starts = bucketStartDates(asOf);
  return sql<AgingBucket>`CASE
    WHEN due_date >= ${starts.current} THEN 'current'
    WHEN due_date >= ${starts.d1_30} THEN 'd1_30'
    WHEN due_date >= ${starts.d31_60} THEN 'd31_60'
    WHEN due_date >= ${starts.d61_90} THEN 'd61_90'
    ELSE 'd90_plus' END`;
}

/** Open invoices with their open amount at `asOf`, as a subquery. */
function openInvoices(asOf: CalendarDate, current: boolean, filter: RawBuilder<boolean>) {
  if (current) {
    return sql`SELECT id, number, customer_id, currency, issue_date, due_date, total_amount,
        total_amount - settled_amount AS open
      FROM invoices
      WHERE settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0 AND ${filter}`;
  }
  // Worked back from today rather than up from nothing: `settled_amount` holds every payment,
  // credit note and write-off against the invoice (kept in the same transaction as those rows;
  // the property tests check it), so the open amount at `asOf` is today's plus what was taken
  // off after `asOf`. Only invoices open today, or reduced since, can have been open then.
  // Summing every invoice's reductions up to `asOf` instead took 0.9 s at 300,000 invoices
  // (three lookups per invoice); this reads the reductions after `asOf` and the open invoices,
  // 65 ms for a date ten weeks back (scripts/bench/aging.bench.ts). A payment's allocations are
  // picked through the payments dated after `asOf`: SQLite then walks the payments' index
  // instead of every allocation.
  const columns = sql`i.id, i.number, i.customer_id, i.currency, i.issue_date, i.due_date,
    i.total_amount`;
  const issued = sql`i.voided_at IS NULL AND i.is_draft = 0 AND i.issue_date <= ${asOf}`;
  return sql`WITH later AS MATERIALIZED (
      SELECT invoice_id, sum(amount) AS amount
      FROM (
        SELECT invoice_id, amount FROM allocations
          WHERE payment_id IN (SELECT id FROM payments WHERE date > ${asOf})
        UNION ALL SELECT invoice_id, amount FROM credit_notes WHERE date > ${asOf}
        UNION ALL SELECT invoice_id, amount FROM write_offs WHERE date > ${asOf}
      ) AS reductions
      GROUP BY invoice_id
    )
    SELECT ${columns}, i.total_amount - i.settled_amount + coalesce(later.amount, 0) AS open
    FROM invoices i LEFT JOIN later ON later.invoice_id = i.id
    WHERE i.settled_amount < i.total_amount AND ${issued} AND ${filter}
    UNION ALL
    SELECT ${columns}, later.amount AS open
    FROM later JOIN invoices i ON i.id = later.invoice_id
    WHERE i.settled_amount = i.total_amount AND ${issued} AND ${filter}`;
}

/**
 * Aging in one pass: the open amounts summed per customer and currency, from each bucket's
 * start date, with the name joined on after the grouping: one row per customer and currency
 * and nothing left to regroup. Rows come in the report's order (shared/aging.ts
 * compareAgingRows: most days overdue first, then largest, then by customer), so the service
 * writes its columns in one pass with no sort of its own: the days overdue of the oldest due
 * date, counted as none for a date not yet reached, fall as that date (capped at `asOf`)
 * rises. The property tests check the order against compareAgingRows.
 * Read as arrays (see rowsAsArrays).
 */
export async function agingSums(
  db: Kysely<DB>,
  sqlite: Database.Database,
  options: { asOf: CalendarDate; current: boolean; currency?: string | undefined },
): Promise<AgingSums[]> {
  const starts = bucketStartDates(options.asOf);
  const filter = options.currency
    ? sql<boolean>`currency = ${options.currency}`
    : sql<boolean>`1 = 1`;
  const query = sql`
    SELECT sums.customer_id, c.name, sums.currency, sums.from_current, sums.from_d1_30,
      sums.from_d31_60, sums.from_d61_90, sums.total, sums.oldest_due
    FROM (
      SELECT customer_id, currency,
        sum(CASE WHEN due_date >= ${starts.current} THEN open ELSE 0 END) AS from_current,
        sum(CASE WHEN due_date >= ${starts.d1_30} THEN open ELSE 0 END) AS from_d1_30,
        sum(CASE WHEN due_date >= ${starts.d31_60} THEN open ELSE 0 END) AS from_d31_60,
        sum(CASE WHEN due_date >= ${starts.d61_90} THEN open ELSE 0 END) AS from_d61_90,
        sum(open) AS total,
        min(due_date) AS oldest_due
      FROM (${openInvoices(options.asOf, options.current, filter)}) AS open_invoices
      GROUP BY customer_id, currency
    ) AS sums
    JOIN customers c ON c.id = sums.customer_id
    ORDER BY CASE WHEN sums.oldest_due < ${options.asOf} THEN sums.oldest_due
        ELSE ${options.asOf} END,
      sums.total DESC, sums.customer_id, sums.currency`.compile(db);
  return rowsAsArrays<AgingSums>(db, sqlite, query);
}

export async function openInvoicesAsOf(
  db: Kysely<DB>,
  options: {
    asOf: CalendarDate;
    current: boolean;
    customerId: number;
    currency: string;
    bucket?: AgingBucket | undefined;
  },
): Promise<OpenInvoiceAsOf[]> {
  const filter = sql<boolean>`customer_id = ${options.customerId} AND currency = ${options.currency}`;
  const bucketFilter = options.bucket
    ? sql`WHERE ${bucketCase(options.asOf)} = ${options.bucket}`
    : sql``;
  const { rows } = await sql<OpenInvoiceAsOf>`
    SELECT id, number, issue_date, due_date, total_amount, open
    FROM (${openInvoices(options.asOf, options.current, filter)}) AS open_invoices
    ${bucketFilter}
    ORDER BY due_date, issue_date, id`.execute(db);
  return rows;
}

/**
 * Payments not yet applied or refunded, per customer and currency, at `asOf`. For today the
 * kept `applied_amount` answers from the small `payments_with_credit` index. For a past date,
 * as for invoices above, from today back: allocations count from the payment's own date, so a
 * payment made by then has today's unapplied amount plus what was refunded from it since (the
 * kept sum holds its allocations and refunds; the property tests check it). Only payments
 * with credit today, or refunded since, are read: a few milliseconds, where summing every
 * payment's allocations took 0.15 s at 200,000 payments.
 */
export async function unappliedCredit(
  db: Kysely<DB>,
  sqlite: Database.Database,
  options: { asOf: CalendarDate; current: boolean; currency?: string | undefined },
): Promise<CreditSums[]> {
  const { asOf } = options;
  const filter = options.currency ? sql`AND p.currency = ${options.currency}` : sql``;
  if (options.current) {
    const query = sql`
      SELECT customer_id, currency, sum(amount - applied_amount) AS amount
      FROM payments p
      WHERE applied_amount < amount AND date <= ${asOf} ${filter}
      GROUP BY customer_id, currency`.compile(db);
    return rowsAsArrays<CreditSums>(db, sqlite, query);
  }
  const query = sql`
    WITH later AS MATERIALIZED (
      SELECT payment_id, sum(amount) AS amount FROM refunds WHERE date > ${asOf}
      GROUP BY payment_id
    )
    SELECT customer_id, currency, sum(unapplied) AS amount
    FROM (
      SELECT p.customer_id, p.currency,
        p.amount - p.applied_amount + coalesce(later.amount, 0) AS unapplied
      FROM payments p LEFT JOIN later ON later.payment_id = p.id
      WHERE p.applied_amount < p.amount AND p.date <= ${asOf} ${filter}
      UNION ALL
      SELECT p.customer_id, p.currency, later.amount AS unapplied
      FROM later JOIN payments p ON p.id = later.payment_id
      WHERE p.applied_amount = p.amount AND p.date <= ${asOf} ${filter}
    ) AS credit
    GROUP BY customer_id, currency`.compile(db);
  return rowsAsArrays<CreditSums>(db, sqlite, query);
}
