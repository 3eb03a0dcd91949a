/**
 * The reads behind expected cash: open invoices (from the `invoices_open` index) with whether
 * an active plan or an open dispute holds them, the instalments of active plans with what has
 * been paid towards each plan and what credits and write-offs took off it, and open promises.
 */
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type {
  OpenInvoiceForCash,
  OpenPromiseForCash,
  PlanInstalmentForCash,
} from '../../shared/cash/expected';
import { rowsAsArrays } from './aging.repository';
import type { DB } from './schema';
import { minorFromSql } from './sql-helpers';

type OpenRow = [
  id: number,
  number: string,
  customerId: number,
  currency: string,
  dueDate: string,
  open: number,
  inActivePlan: number,
  disputed: number,
];

export async function openInvoicesForCash(
  db: Kysely<DB>,
  sqlite: Database.Database,
): Promise<OpenInvoiceForCash[]> {
  const query = sql`
    SELECT i.id, i.number, i.customer_id, i.currency, i.due_date,
      i.total_amount - i.settled_amount,
      EXISTS (SELECT 1 FROM plan_invoices pi JOIN plans p ON p.id = pi.plan_id
              WHERE pi.invoice_id = i.id AND p.state = 'active'),
      EXISTS (SELECT 1 FROM dispute_invoices di JOIN disputes d ON d.id = di.dispute_id
              WHERE di.invoice_id = i.id AND d.resolved_on IS NULL)
    FROM invoices i
    WHERE i.settled_amount < i.total_amount AND i.voided_at IS NULL AND i.is_draft = 0`.compile(db);
  const rows = await rowsAsArrays<OpenRow>(db, sqlite, query);
  return rows.map((row) => ({
    id: row[0],
    number: row[1],
    customerId: row[2],
    currency: row[3],
    dueDate: row[4],
    open: row[5],
    inActivePlan: row[6] === 1,
    disputed: row[7] === 1,
  }));
}

/** Instalments of active plans, in plan order (deposit first). */
export async function activePlanInstalments(db: Kysely<DB>): Promise<PlanInstalmentForCash[]> {
  const { rows } = await sql<{
    id: number;
    plan_id: number;
    customer_id: number;
    currency: string;
    number: number;
    due_date: string;
    amount: number;
    plan_paid: number;
    plan_reduced: number;
  }>`
    WITH live AS (
      SELECT p.id, p.total, p.created_at,
        coalesce((
          SELECT sum(i.total_amount - i.settled_amount) FROM plan_invoices pi
          JOIN invoices i ON i.id = pi.invoice_id WHERE pi.plan_id = p.id), 0) AS still_owed,
        -- Credit notes and write-offs since the plan was made (an active plan has not ended).
        coalesce((
          SELECT sum(x.amount) FROM plan_invoices pi JOIN (
            SELECT invoice_id, amount, created_at FROM credit_notes
            UNION ALL SELECT invoice_id, amount, created_at FROM write_offs) x
            ON x.invoice_id = pi.invoice_id
          WHERE pi.plan_id = p.id AND x.created_at >= p.created_at), 0) AS reduced
      FROM plans p WHERE p.state = 'active'
    )
    SELECT s.id, s.plan_id, p.customer_id, p.currency, s.number, s.due_date, s.amount,
      max(0, live.total - live.still_owed - live.reduced) AS plan_paid,
      live.reduced AS plan_reduced
    FROM live JOIN plans p ON p.id = live.id JOIN plan_instalments s ON s.plan_id = p.id
    ORDER BY s.plan_id, s.number`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    customerId: row.customer_id,
    currency: row.currency,
    number: row.number,
    dueDate: row.due_date,
    amount: row.amount,
    planPaid: minorFromSql(row.plan_paid),
    planReduced: minorFromSql(row.plan_reduced),
  }));
}

export async function openPromises(db: Kysely<DB>): Promise<OpenPromiseForCash[]> {
  const rows = await db
    .selectFrom('promises')
    .select(['id', 'customer_id', 'currency', 'date', 'amount'])
    .where('outcome', 'is', null)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    currency: row.currency,
    date: row.date,
    amount: row.amount,
  }));
}

export async function customerNames(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

type TouchedRow = [
  id: number,
  currency: string,
  issueDate: string,
  dueDate: string,
  openNow: number,
  month: string | null,
  amount: number | null,
];

/**
 * Every invoice that was open at some point after `from`: those open today (from the
 * `invoices_open` index) and those reduced since (payments, credit notes, write-offs dated
 * after `from`), with their reductions summed per month, one row per invoice and month, an
 * invoice's rows next to each other.
 * Allocations are reached through the payments dated after `from`, as aging does for a past
 * date, so only a year's allocations are read.
 */
export async function invoicesOpenSince(
  db: Kysely<DB>,
  sqlite: Database.Database,
  from: string,
): Promise<TouchedRow[]> {
  const query = sql`
    WITH reduced AS MATERIALIZED (
      SELECT invoice_id, substr(date, 1, 7) AS month, sum(amount) AS amount
      FROM (
        SELECT a.invoice_id, p.date, a.amount FROM payments p
          JOIN allocations a ON a.payment_id = p.id WHERE p.date > ${from}
        UNION ALL SELECT invoice_id, date, amount FROM credit_notes WHERE date > ${from}
        UNION ALL SELECT invoice_id, date, amount FROM write_offs WHERE date > ${from}
      ) AS reductions
      GROUP BY invoice_id, month
    )
    SELECT i.id, i.currency, i.issue_date, i.due_date, i.total_amount - i.settled_amount,
      reduced.month, reduced.amount
    FROM invoices i LEFT JOIN reduced ON reduced.invoice_id = i.id
    WHERE i.settled_amount < i.total_amount AND i.voided_at IS NULL AND i.is_draft = 0
    UNION ALL
    SELECT i.id, i.currency, i.issue_date, i.due_date, 0, reduced.month, reduced.amount
    FROM reduced JOIN invoices i ON i.id = reduced.invoice_id
    WHERE i.settled_amount = i.total_amount AND i.voided_at IS NULL AND i.is_draft = 0`.compile(db);
  return rowsAsArrays<TouchedRow>(db, sqlite, query);
}

/** What was invoiced each month from `from` on (`YYYY-MM`), per currency. */
export async function invoicedByMonth(db: Kysely<DB>, from: string) {
  const { rows } = await sql<{ currency: string; month: string; amount: number }>`
    SELECT currency, substr(issue_date, 1, 7) AS month, sum(total_amount) AS amount
    FROM invoices
    WHERE issue_date >= ${from} AND voided_at IS NULL AND is_draft = 0
    GROUP BY currency, month`.execute(db);
  return rows.map((row) => ({ ...row, amount: minorFromSql(row.amount) }));
}
