/**
 * Plans as the API shows them, read in bulk: their invoices, schedules, the payments that went
 * to their invoices while they ran and what was credited or written off them meanwhile, the
 * signed agreement and the plan that replaced them. Where each instalment stands is worked out
 * here from those (shared/plans/progress.ts; never stored).
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Plan, PlanReduction } from '../../shared/api/plans';
import type { CalendarDate } from '../../shared/dates';
import { sumMinor } from '../../shared/money';
import { planProgress, type PaymentToPlan } from '../../shared/plans/progress';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';

export type Reader = Kysely<DB> | Transaction<DB>;

export interface PlanFilter {
  planId?: number;
  customerId?: number;
  /** Any of these customers. */
  customerIds?: readonly number[];
  states?: readonly Plan['state'][];
}

/**
 * Recorded while the plan `pl` ran: from the moment it was made until it ended. Once new terms
 * replace a plan, what comes in is the new plan's (the two share the instant).
 */
const whilePlanRan = (createdAt: 'a.created_at' | 'x.created_at') =>
  sql<SqlBool>`${sql.ref(createdAt)} >= pl.created_at
    AND (pl.ended_at IS NULL OR ${sql.ref(createdAt)} <= pl.ended_at)
    AND NOT EXISTS (SELECT 1 FROM plans AS successor
      WHERE successor.replaces_plan_id = pl.id AND successor.created_at <= ${sql.ref(createdAt)})`;

/**
 * The payments (per plan and payment) allocated to a plan's invoices from the moment the plan
 * was made until it ended: what the plan has received.
 */
export async function paymentsToPlans(
  q: Reader,
  planIds: readonly number[],
): Promise<Map<number, PaymentToPlan[]>> {
  const map = new Map<number, PaymentToPlan[]>();
  if (planIds.length === 0) return map;
  const rows = await q
    .selectFrom('allocations as a')
    .innerJoin('plan_invoices as pi', 'pi.invoice_id', 'a.invoice_id')
    .innerJoin('plans as pl', 'pl.id', 'pi.plan_id')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select([
      'pi.plan_id',
      'a.payment_id',
      'p.date',
      (eb) => eb.fn.sum<number>('a.amount').as('amount'),
    ])
    .where('pi.plan_id', 'in', planIds)
    .where(whilePlanRan('a.created_at'))
    .groupBy(['pi.plan_id', 'a.payment_id'])
    .orderBy('p.date')
    .orderBy('a.payment_id')
    .execute();
  for (const row of rows) {
    const list = map.get(row.plan_id) ?? [];
    list.push({ paymentId: row.payment_id, date: row.date, amount: minorFromSql(row.amount) });
    map.set(row.plan_id, list);
  }
  return map;
}

/**
 * What was taken off a plan's invoices (credit notes, early-payment discounts, write-offs)
 * from the moment the plan was made until it ended, by the same rule as its payments: what
 * the plan no longer needs to ask for.
 */
export async function reductionsToPlans(
  q: Reader,
  planIds: readonly number[],
): Promise<Map<number, PlanReduction[]>> {
  const map = new Map<number, PlanReduction[]>();
  if (planIds.length === 0) return map;
  const from = (table: 'credit_notes' | 'write_offs', kind: PlanReduction['kind']) =>
    q
      .selectFrom(`${table} as x` as 'credit_notes as x')
      .innerJoin('plan_invoices as pi', 'pi.invoice_id', 'x.invoice_id')
      .innerJoin('plans as pl', 'pl.id', 'pi.plan_id')
      .innerJoin('invoices as i', 'i.id', 'x.invoice_id')
      .select([
        'pi.plan_id',
        'x.id',
        'x.invoice_id',
        'i.number',
        'x.date',
        'x.amount',
        'x.reason',
        'x.created_at',
      ])
      .where('pi.plan_id', 'in', planIds)
      .where(whilePlanRan('x.created_at'))
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, kind })));
  const [credits, writeOffs] = await Promise.all([
    from('credit_notes', 'credit_note'),
    from('write_offs', 'write_off'),
  ]);
  const rows = [...credits, ...writeOffs].sort(
    (a, b) =>
      a.created_at.localeCompare(b.created_at) || a.kind.localeCompare(b.kind) || a.id - b.id,
  );
  for (const row of rows) {
    const list = map.get(row.plan_id) ?? [];
    list.push({
      kind: row.kind,
      id: row.id,
      invoiceId: row.invoice_id,
      invoiceNumber: row.number,
      date: row.date,
      amount: row.amount,
      reason: row.reason,
    });
    map.set(row.plan_id, list);
  }
  return map;
}

export async function readPlans(
  q: Reader,
  filter: PlanFilter,
  today: CalendarDate,
): Promise<Plan[]> {
  let query = q.selectFrom('plans').selectAll();
  if (filter.planId !== undefined) query = query.where('id', '=', filter.planId);
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  if (filter.customerIds !== undefined) {
    if (filter.customerIds.length === 0) return [];
    query = query.where('customer_id', 'in', filter.customerIds);
  }
  if (filter.states !== undefined) query = query.where('state', 'in', filter.states);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [links, instalments, payments, reductions, documents, successors] = await Promise.all([
    q
      .selectFrom('plan_invoices')
      .innerJoin('invoices', 'invoices.id', 'plan_invoices.invoice_id')
      .select(['plan_invoices.plan_id', 'plan_invoices.invoice_id'])
      .where('plan_invoices.plan_id', 'in', ids)
      .orderBy('invoices.due_date')
      .orderBy('invoices.issue_date')
      .orderBy('invoices.id')
      .execute(),
    q
      .selectFrom('plan_instalments')
      .select(['id', 'plan_id', 'number', 'due_date', 'amount'])
      .where('plan_id', 'in', ids)
      .orderBy('plan_id')
      .orderBy('number')
      .execute(),
    paymentsToPlans(q, ids),
    reductionsToPlans(q, ids),
    q
      .selectFrom('plan_documents')
      .select(['plan_id', 'file_name', 'media_type', 'size', 'sha256', 'attached_at'])
      .where('plan_id', 'in', ids)
      .where('kind', '=', 'signed_agreement')
      .orderBy('id')
      .execute(),
    q
      .selectFrom('plans')
      .select(['id', 'replaces_plan_id'])
      .where('replaces_plan_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((row): Plan => {
    const progress = planProgress(
      instalments
        .filter((i) => i.plan_id === row.id)
        .map((i) => ({ id: i.id, number: i.number, due: i.due_date, amount: i.amount })),
      payments.get(row.id) ?? [],
      today,
      sumMinor((reductions.get(row.id) ?? []).map((r) => r.amount)),
    );
    // The latest one attached is the one that counts.
    const signed = documents.filter((d) => d.plan_id === row.id).at(-1);
    return {
      id: row.id,
      customerId: row.customer_id,
      currency: row.currency,
      total: row.total,
      deposit: row.deposit,
      frequency: row.frequency,
      state: row.state,
      hardship: row.hardship === 1,
      remainderSentence: row.remainder_rule,
      invoiceIds: links.filter((l) => l.plan_id === row.id).map((l) => l.invoice_id),
      instalments: progress.instalments,
      activation: row.activation,
      checkInDays: row.check_in_days,
      graceDays: row.grace_days,
      pauseUntil: row.pause_until,
      paid: progress.paid,
      reduced: progress.reduced,
      remaining: progress.remaining,
      nextDue: row.state === 'proposed' || row.state === 'active' ? progress.nextDue : null,
      missedCount: progress.missedCount,
      payments: payments.get(row.id) ?? [],
      reductions: reductions.get(row.id) ?? [],
      signed: signed !== undefined,
      signedAgreement: signed
        ? {
            fileName: signed.file_name,
            mediaType: signed.media_type,
            size: signed.size,
            sha256: signed.sha256,
            attachedAt: signed.attached_at,
          }
        : null,
      replacesPlanId: row.replaces_plan_id,
      replacedByPlanId: successors.find((s) => s.replaces_plan_id === row.id)?.id ?? null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      activatedAt: row.activated_at,
      endedAt: row.ended_at,
      endReason: row.end_reason,
    };
  });
}
