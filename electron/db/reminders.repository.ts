/**
 * The reads behind the reminder policy, in bulk: one query per kind of fact for a whole set
 * of customers (an id list passed as JSON and unpacked with json_each, so thousands of ids
 * cost one bound parameter). Nothing here loops over rows in SQL's place.
 */
import { livePlanStates } from '../../shared/api/plans';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** `customer_id IN (…)` for a list, or no filter for all customers. */
function among(column: string, ids: readonly number[] | 'all') {
  if (ids === 'all') return sql<boolean>`1 = 1`;
  return sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

export interface CustomerFacts {
  id: number;
  name: string;
  kind: 'company' | 'sole_trader' | 'consumer';
  time_zone: string | null;
  do_not_contact: number;
  do_not_contact_reason: string;
  do_not_contact_until: string | null;
  reminders_mode: 'business' | 'custom' | 'none';
  reminders_ladder: string | null;
  /** 1 while a handoff to an agency stands: chasing has stopped. */
  handed_over: number;
  /** The standing handoff's agency and when it was made (an instant), if any. */
  handed_to: string | null;
  handed_over_at: string | null;
}

export async function customerFacts(db: Kysely<DB>, ids: readonly number[] | 'all') {
  const { rows } = await sql<CustomerFacts>`
    SELECT id, name, kind, time_zone, do_not_contact, do_not_contact_reason,
      do_not_contact_until, reminders_mode, reminders_ladder,
      EXISTS (SELECT 1 FROM handoffs h WHERE h.customer_id = customers.id
        AND h.taken_back_at IS NULL) AS handed_over,
      (SELECT h.agency FROM handoffs h WHERE h.customer_id = customers.id
        AND h.taken_back_at IS NULL ORDER BY h.id DESC LIMIT 1) AS handed_to,
      (SELECT h.handed_over_at FROM handoffs h WHERE h.customer_id = customers.id
        AND h.taken_back_at IS NULL ORDER BY h.id DESC LIMIT 1) AS handed_over_at
    FROM customers WHERE ${among('id', ids)}`.execute(db);
  return rows;
}

export interface OpenInvoiceFacts {
  id: number;
  number: string;
  customer_id: number;
  currency: string;
  due_date: string;
  open: number;
  chase_paused_until: string | null;
  chase_pause_reason: string;
}

/** Open invoices (from the `invoices_open` index) of the customers. */
export async function openInvoiceFacts(db: Kysely<DB>, ids: readonly number[] | 'all') {
  const { rows } = await sql<OpenInvoiceFacts>`
    SELECT id, number, customer_id, currency, due_date, total_amount - settled_amount AS open,
      chase_paused_until, chase_pause_reason
    FROM invoices
    WHERE settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0
      AND ${among('customer_id', ids)}`.execute(db);
  return rows;
}

/** Customers with something open: an open invoice, an open episode or an open queue item. */
export async function customersWithOpenBusiness(db: Kysely<DB>): Promise<number[]> {
  const { rows } = await sql<{ customer_id: number }>`
    SELECT customer_id FROM invoices
      WHERE settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0
    UNION SELECT customer_id FROM reminder_episodes WHERE ended_on IS NULL
    UNION SELECT customer_id FROM reminder_items WHERE status = 'open'
    UNION SELECT customer_id FROM promises WHERE outcome IS NULL`.execute(db);
  return rows.map((row) => row.customer_id);
}

/**
 * The customers (null: business-wide) with events after `sinceEventId`. NOT INDEXED: left to
 * itself, SQLite answers the DISTINCT by scanning the whole of events_by_customer (every event
 * ever written: ~20 ms at 150,000 events, growing with the timeline) rather than reading the
 * few rows past `sinceEventId` by rowid (~0.02 ms).
 */
export async function customersWithEventsSince(db: Kysely<DB>, sinceEventId: number) {
  const { rows } = await sql<{ customer_id: number | null }>`
    SELECT DISTINCT customer_id FROM events NOT INDEXED WHERE id > ${sinceEventId}`.execute(db);
  return rows.map((row) => row.customer_id);
}

/** Open disputes: with no invoice rows a dispute covers the whole customer (invoice_id null). */
export async function openDisputeFacts(db: Kysely<DB>, ids: readonly number[] | 'all') {
  const { rows } = await sql<{
    customer_id: number;
    dispute_id: number;
    invoice_id: number | null;
  }>`
    SELECT d.customer_id, d.id AS dispute_id, di.invoice_id
    FROM disputes d LEFT JOIN dispute_invoices di ON di.dispute_id = d.id
    WHERE d.resolved_on IS NULL AND ${among('d.customer_id', ids)}`.execute(db);
  return rows;
}

/** The last day a dispute of the customer was resolved (for "resumes where it stopped"). */
export async function lastDisputeResolved(db: Kysely<DB>, ids: readonly number[] | 'all') {
  const { rows } = await sql<{ customer_id: number; resolved_on: string }>`
    SELECT customer_id, max(resolved_on) AS resolved_on FROM disputes
    WHERE resolved_on IS NOT NULL AND ${among('customer_id', ids)}
    GROUP BY customer_id`.execute(db);
  return rows;
}

/**
 * The customers' invoices in a live (proposed or active) payment plan, and each customer's
 * last plan called off or defaulted (for "resumes where it stopped").
 */
export async function planFacts(db: Kysely<DB>, ids: readonly number[] | 'all') {
  const [held, ended] = await Promise.all([
    sql<{ customer_id: number; invoice_id: number }>`
      SELECT p.customer_id, pi.invoice_id
      FROM plans p JOIN plan_invoices pi ON pi.plan_id = p.id
      WHERE p.state IN (${sql.join([...livePlanStates])}) AND ${among('p.customer_id', ids)}`.execute(
      db,
    ),
    sql<{ customer_id: number; ended_at: string }>`
      SELECT customer_id, max(ended_at) AS ended_at FROM plans
      WHERE state IN ('cancelled', 'defaulted') AND ${among('customer_id', ids)}
      GROUP BY customer_id`.execute(db),
  ]);
  return { held: held.rows, ended: ended.rows };
}

export interface EpisodeFacts {
  customer_id: number;
  open_number: number | null;
  open_started_on: string | null;
  last_number: number;
}

export async function episodeFacts(db: Kysely<DB>, ids: readonly number[] | 'all') {
  const { rows } = await sql<EpisodeFacts>`
    SELECT customer_id,
      max(CASE WHEN ended_on IS NULL THEN number END) AS open_number,
      max(CASE WHEN ended_on IS NULL THEN started_on END) AS open_started_on,
      max(number) AS last_number
    FROM reminder_episodes WHERE ${among('customer_id', ids)}
    GROUP BY customer_id`.execute(db);
  return rows;
}

export interface ItemFacts {
  id: number;
  customer_id: number;
  step: string;
  episode: number;
  ref: number;
  channel: string;
  status: 'open' | 'approved' | 'skipped' | 'done';
  invoice_ids: string;
  why: string;
  summary: string;
  skipped_steps: string;
  autopilot: number;
  snoozed_until: string | null;
  acted_at: string | null;
}

/** Items of the customers in episodes at or after `fromEpisode` of each (open and acted). */
export async function itemFacts(db: Kysely<DB>, ids: readonly number[] | 'all') {
  const { rows } = await sql<ItemFacts>`
    SELECT ri.id, ri.customer_id, ri.step, ri.episode, ri.ref, ri.channel, ri.status,
      ri.invoice_ids, ri.why, ri.summary, ri.skipped_steps, ri.autopilot, ri.snoozed_until,
      ri.acted_at
    FROM reminder_items ri
    WHERE ${among('ri.customer_id', ids)}
      AND (ri.status = 'open' OR ri.episode >= coalesce(
        (SELECT max(e.number) FROM reminder_episodes e WHERE e.customer_id = ri.customer_id), 0))`.execute(
    db,
  );
  return rows;
}

export interface ContactFacts {
  customer_id: number;
  occurred_at: string;
  channel: string;
}

/** Contacts since `since` (an instant), and each customer's last one whenever it was. */
export async function contactFacts(
  db: Kysely<DB>,
  ids: readonly number[] | 'all',
  since: string,
): Promise<ContactFacts[]> {
  const { rows } = await sql<ContactFacts>`
    SELECT customer_id, occurred_at, channel FROM contacts
      WHERE occurred_at >= ${since} AND ${among('customer_id', ids)}
    UNION
    SELECT customer_id, max(occurred_at) AS occurred_at, 'last' AS channel FROM contacts
      WHERE ${among('customer_id', ids)} GROUP BY customer_id`.execute(db);
  return rows;
}

export interface PromiseFacts {
  id: number;
  customer_id: number;
  made_on: string;
  date: string;
  amount: number;
  currency: string;
  outcome: 'kept' | 'broken' | 'cancelled' | null;
  closed_on: string | null;
  paid: number;
}

/**
 * Promises still open, and those closed on or after `closedSince`, with what has been paid
 * in their currency since the day each was made.
 */
export async function promiseFacts(
  db: Kysely<DB>,
  ids: readonly number[] | 'all',
  closedSince: string,
) {
  const { rows } = await sql<PromiseFacts>`
    SELECT pr.id, pr.customer_id, pr.made_on, pr.date, pr.amount, pr.currency, pr.outcome,
      pr.closed_on,
      coalesce((SELECT sum(p.amount) FROM payments p
        WHERE p.customer_id = pr.customer_id AND p.currency = pr.currency
          AND p.date >= pr.made_on), 0) AS paid
    FROM promises pr
    WHERE (pr.outcome IS NULL OR pr.closed_on >= ${closedSince})
      AND ${among('pr.customer_id', ids)}`.execute(db);
  return rows;
}

/**
 * Those of the customers who have had a payment dated after the due date of the invoice it
 * paid. Asked per customer with EXISTS, so a customer who has paid late stops at the first
 * such payment; callers ask only about customers the courtesy step could apply to.
 */
export async function paidLateCustomers(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Set<number>();
  const { rows } = await sql<{ customer_id: number }>`
    SELECT c.value AS customer_id FROM json_each(${JSON.stringify(ids)}) AS c
    WHERE EXISTS (
      SELECT 1 FROM invoices i
        JOIN allocations a ON a.invoice_id = i.id
        JOIN payments p ON p.id = a.payment_id
      WHERE i.customer_id = c.value AND p.date > i.due_date)`.execute(db);
  return new Set(rows.map((row) => row.customer_id));
}

/** Payments since each customer's last contact, per currency. */
export async function paidSince(
  db: Kysely<DB>,
  since: readonly { customerId: number; from: string }[],
) {
  if (since.length === 0) return [];
  const { rows } = await sql<{ customer_id: number; currency: string; amount: number }>`
    SELECT p.customer_id, p.currency, sum(p.amount) AS amount
    FROM payments p
    JOIN json_each(${JSON.stringify(since.map((s) => [s.customerId, s.from]))}) AS s
      ON p.customer_id = json_extract(s.value, '$[0]') AND p.date >= json_extract(s.value, '$[1]')
    GROUP BY p.customer_id, p.currency`.execute(db);
  return rows;
}

export interface OpenItemRow extends ItemFacts {
  customer_name: string;
  kind: 'company' | 'sole_trader' | 'consumer';
  time_zone: string | null;
}

/** The open queue, with what readiness needs of each customer. */
export async function openItems(db: Kysely<DB>, itemId?: number): Promise<OpenItemRow[]> {
  const filter = itemId === undefined ? sql`ri.status = 'open'` : sql`ri.id = ${itemId}`;
  const { rows } = await sql<OpenItemRow>`
    SELECT ri.id, ri.customer_id, ri.step, ri.episode, ri.ref, ri.channel, ri.status,
      ri.invoice_ids, ri.why, ri.summary, ri.skipped_steps, ri.autopilot, ri.snoozed_until,
      ri.acted_at, c.name AS customer_name, c.kind, c.time_zone
    FROM reminder_items ri JOIN customers c ON c.id = ri.customer_id
    WHERE ${filter}`.execute(db);
  return rows;
}

/**
 * Customers who have something overdue and something holding chasing back: do-not-contact,
 * an open promise or dispute, a paused invoice, a live payment plan. The queue shows them as
 * blocked.
 */
export async function possiblyPausedCustomers(db: Kysely<DB>, today: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT DISTINCT i.customer_id AS id FROM invoices i
    WHERE i.settled_amount < i.total_amount AND i.voided_at IS NULL AND i.is_draft = 0
      AND i.due_date < ${today}
      AND (i.chase_paused_until >= ${today}
        OR i.customer_id IN (SELECT id FROM customers WHERE do_not_contact = 1)
        OR i.customer_id IN (SELECT customer_id FROM promises WHERE outcome IS NULL)
        OR i.customer_id IN (SELECT customer_id FROM disputes WHERE resolved_on IS NULL)
        OR i.customer_id IN (SELECT customer_id FROM plans WHERE state IN (${sql.join([...livePlanStates])})))`.execute(
    db,
  );
  return rows.map((row) => row.id);
}

/** The plan each of these plan payments belongs to. */
export async function plansOfInstalments(
  db: Kysely<DB>,
  instalmentIds: readonly number[],
): Promise<{ id: number; plan_id: number }[]> {
  if (instalmentIds.length === 0) return [];
  return db
    .selectFrom('plan_instalments')
    .select(['id', 'plan_id'])
    .where(among('id', instalmentIds))
    .execute();
}

/** The live plan (proposed or active) holding each of these invoices, if any. */
export async function livePlansOfInvoices(
  db: Kysely<DB>,
  invoiceIds: readonly number[],
): Promise<{ invoice_id: number; plan_id: number }[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .selectFrom('plan_invoices as pi')
    .innerJoin('plans as p', 'p.id', 'pi.plan_id')
    .select(['pi.invoice_id', 'pi.plan_id'])
    .where(among('pi.invoice_id', invoiceIds))
    .where('p.state', 'in', livePlanStates)
    .execute();
}
