/**
 * Payment plans. The preview: the schedule the terms would give, over a plain total or over a
 * customer's open invoices (read from the ledger), and the agreement PDF for those terms; both
 * write nothing. Then the plans themselves: created as proposed over a customer's invoices,
 * activated, cancelled; each change one transaction with its event on the customer's timeline.
 * While a plan is proposed or active the ladder leaves its invoices alone
 * (electron/reminders/situations.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DocumentFile } from '../../shared/api/invoices';
import {
  livePlanStates,
  type CreatePlanInput,
  type Plan,
  type PlanAgreementInput,
  type PlanInvoice,
  type PlanPreview,
  type PlanPreviewInput,
  type PlanState,
} from '../../shared/api/plans';
import { formatCalendarDate } from '../../shared/date-format';
import type { Clock } from '../../shared/dates';
import { formatMoney, sumMinor } from '../../shared/money';
import { planSchedule } from '../../shared/plans/schedule';
import type { BusinessSettings } from '../../shared/settings';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import { planAgreementFileName } from '../documents/file-name';
import type { BusinessContext } from './business-day';
import { customerFromRow } from './ledger-mapping';
import { requireCustomer } from './lookups';

// pdfkit and its font engine take a while to load: only when the first agreement is asked for.
const loadRenderer = () => import('../documents/plan-agreement-pdf');

export interface PlansService {
  preview(input: PlanPreviewInput): Promise<PlanPreview>;
  agreementPdf(input: PlanAgreementInput): Promise<DocumentFile>;
  create(input: CreatePlanInput): Promise<Plan>;
  get(planId: number): Promise<Plan>;
  list(input: { customerId?: number }): Promise<Plan[]>;
  activate(planId: number): Promise<Plan>;
  cancel(input: { planId: number; reason: string }): Promise<Plan>;
}

type Reader = Kysely<DB> | Transaction<DB>;

/** The plans (with their invoices and payments) as the API shows them. */
async function readPlans(q: Reader, filter: { planId?: number; customerId?: number }) {
  let query = q.selectFrom('plans').selectAll();
  if (filter.planId !== undefined) query = query.where('id', '=', filter.planId);
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [links, instalments] = await Promise.all([
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
      .select(['plan_id', 'number', 'due_date', 'amount'])
      .where('plan_id', 'in', ids)
      .orderBy('plan_id')
      .orderBy('number')
      .execute(),
  ]);
  return rows.map((row): Plan => {
    let balance = row.total;
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
      instalments: instalments
        .filter((i) => i.plan_id === row.id)
        .map((i) => {
          balance -= i.amount;
          return { number: i.number, due: i.due_date, amount: i.amount, balanceAfter: balance };
        }),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      activatedAt: row.activated_at,
      endedAt: row.ended_at,
      endReason: row.end_reason,
    };
  });
}

function invoiceWords(numbers: readonly string[]): string {
  if (numbers.length === 1) return `invoice ${numbers[0]!}`;
  return `invoices ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)!}`;
}

export function createPlansService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  context: () => Promise<BusinessContext>;
  settings: () => Promise<BusinessSettings>;
}): PlansService {
  const { db } = deps;

  /** The invoices a plan would cover: the customer's, open, in the plan's currency. */
  async function coveredInvoices(
    q: Reader,
    customerId: number,
    invoiceIds: number[],
    currency: string,
  ): Promise<PlanInvoice[]> {
    await requireCustomer(q, customerId);
    const rows = await q
      .selectFrom('invoices')
      .select([
        'id',
        'customer_id',
        'number',
        'issue_date',
        'due_date',
        'currency',
        'total_amount',
        'settled_amount',
        'is_draft',
        'voided_at',
      ])
      .where('id', 'in', invoiceIds)
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const invoices = invoiceIds.map((invoiceId, index) => {
      const field = `invoiceIds.${index}`;
      const row = byId.get(invoiceId);
      if (!row) throw new AppError('not_found', `There is no invoice ${invoiceId}.`, field);
      const refuse = (why: string) =>
        new AppError('invalid_input', `Invoice ${row.number} ${why}`, field);
      if (row.customer_id !== customerId) throw refuse("is another customer's.");
      if (row.currency !== currency) {
        throw refuse(`is in ${row.currency}; a plan is in one currency (${currency}).`);
      }
      if (row.voided_at !== null) throw refuse('is void.');
      if (row.is_draft !== 0) throw refuse('is a draft; please issue it first.');
      if (row.settled_amount >= row.total_amount) throw refuse('has nothing left to pay.');
      return {
        id: row.id,
        number: row.number,
        issueDate: row.issue_date,
        dueDate: row.due_date,
        open: row.total_amount - row.settled_amount,
      };
    });
    // Oldest due first: the order payments against the plan will settle them.
    return invoices.sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.id - b.id,
    );
  }

  /** `q` and `context`: a transaction's, read before it opened (see business-day.ts). */
  async function preview(
    input: PlanPreviewInput,
    q: Reader = db,
    given?: BusinessContext,
  ): Promise<PlanPreview> {
    const context = given ?? (await deps.context());
    const invoices =
      input.customerId !== undefined && input.invoiceIds !== undefined
        ? await coveredInvoices(q, input.customerId, input.invoiceIds, input.currency)
        : [];
    const total =
      invoices.length > 0 ? sumMinor(invoices.map((invoice) => invoice.open)) : input.total!;
    const result = planSchedule(
      {
        total,
        currency: input.currency,
        deposit: input.deposit,
        count: input.count,
        amount: input.amount,
        frequency: input.frequency,
        firstDue: input.firstDue,
        roundTo: input.roundTo,
      },
      context,
    );
    if (!result.ok) throw new AppError('invalid_input', result.message, result.field);
    return { ...result.schedule, customerId: input.customerId ?? null, invoices };
  }

  async function requirePlan(q: Reader, planId: number): Promise<Plan> {
    const [plan] = await readPlans(q, { planId });
    if (!plan) throw new AppError('not_found', `There is no payment plan ${planId}.`, 'planId');
    return plan;
  }

  /** Moves a plan from one of `from` to `to`, with its event, in one transaction. */
  async function changeState(
    planId: number,
    from: readonly PlanState[],
    to: PlanState,
    event: (plan: Plan, locale: string) => { kind: string; summary: string },
    reason = '',
  ): Promise<Plan> {
    const context = await deps.context();
    const now = deps.clock.now();
    return db.transaction().execute(async (trx) => {
      const plan = await requirePlan(trx, planId);
      if (!from.includes(plan.state)) {
        throw new AppError(
          'conflict',
          `This payment plan is ${plan.state}; only a ${from.join(' or ')} plan can be ${to === 'active' ? 'activated' : to}.`,
          'planId',
        );
      }
      const at = now.toISOString();
      await trx
        .updateTable('plans')
        .set({
          state: to,
          updated_at: at,
          ...(to === 'active' ? { activated_at: at } : { ended_at: at, end_reason: reason }),
        })
        .where('id', '=', planId)
        .execute();
      const { kind, summary } = event(plan, context.locale);
      await appendEvent(trx, {
        occurredAt: now,
        kind,
        summary,
        details: { planId, from: plan.state, to, ...(reason ? { reason } : {}) },
        customerId: plan.customerId,
      });
      return requirePlan(trx, planId);
    });
  }

  return {
    preview,
    async create({ hardship, ...terms }) {
      const context = await deps.context();
      const now = deps.clock.now();
      const at = now.toISOString();
      const planId = await db.transaction().execute(async (trx) => {
        // Everything the preview refuses, read inside the transaction that writes.
        const plan = await preview(terms, trx, context);
        const covered = plan.invoices.map((invoice) => invoice.id);
        const held = await trx
          .selectFrom('plan_invoices')
          .innerJoin('plans', 'plans.id', 'plan_invoices.plan_id')
          .select(['plan_invoices.invoice_id', 'plans.id as plan_id'])
          .where('plan_invoices.invoice_id', 'in', covered)
          .where('plans.state', 'in', livePlanStates)
          .execute();
        const firstHeld = terms.invoiceIds!.findIndex((invoiceId) =>
          held.some((row) => row.invoice_id === invoiceId),
        );
        if (firstHeld >= 0) {
          const invoiceId = terms.invoiceIds![firstHeld]!;
          const number = plan.invoices.find((invoice) => invoice.id === invoiceId)!.number;
          const other = held.find((row) => row.invoice_id === invoiceId)!.plan_id;
          throw new AppError(
            'invalid_input',
            `Invoice ${number} is already in payment plan ${other}; cancel that plan first.`,
            `invoiceIds.${firstHeld}`,
          );
        }
        const { id } = await trx
          .insertInto('plans')
          .values({
            customer_id: terms.customerId!,
            currency: plan.currency,
            total: plan.total,
            deposit: plan.deposit?.amount ?? 0,
            frequency: plan.frequency,
            state: 'proposed',
            hardship: hardship ? 1 : 0,
            remainder_rule: plan.remainderSentence,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('plan_invoices')
          .values(covered.map((invoiceId) => ({ plan_id: id, invoice_id: invoiceId })))
          .execute();
        const rows = plan.deposit ? [plan.deposit, ...plan.instalments] : plan.instalments;
        await trx
          .insertInto('plan_instalments')
          .values(
            rows.map((row) => ({
              plan_id: id,
              number: row.number,
              due_date: row.due,
              amount: row.amount,
            })),
          )
          .execute();
        const money = (amount: number) => formatMoney(amount, plan.currency, context.locale);
        const deposit = plan.deposit ? ` after a deposit of ${money(plan.deposit.amount)}` : '';
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'plans.created',
          summary:
            `Payment plan proposed: ${money(plan.total)} in ${plan.count} ${plan.frequency} payment${plan.count === 1 ? '' : 's'}${deposit}, ` +
            `from ${formatCalendarDate(plan.firstDue, context.locale)}, covering ${invoiceWords(plan.invoices.map((i) => i.number))}. ` +
            'Reminders for them pause while the plan runs.',
          details: {
            planId: id,
            invoiceIds: covered,
            total: plan.total,
            deposit: plan.deposit?.amount ?? 0,
            count: plan.count,
            frequency: plan.frequency,
            firstDue: plan.firstDue,
            hardship: hardship ?? false,
          },
          customerId: terms.customerId!,
        });
        return id;
      });
      return requirePlan(db, planId);
    },
    get: (planId) => requirePlan(db, planId),
    async list({ customerId }) {
      if (customerId !== undefined) await requireCustomer(db, customerId);
      return readPlans(db, customerId === undefined ? {} : { customerId });
    },
    activate: (planId) =>
      changeState(planId, ['proposed'], 'active', (plan, locale) => ({
        kind: 'plans.activated',
        summary: `Payment plan of ${formatMoney(plan.total, plan.currency, locale)} is now active.`,
      })),
    cancel: ({ planId, reason }) =>
      changeState(
        planId,
        livePlanStates,
        'cancelled',
        (plan, locale) => ({
          kind: 'plans.cancelled',
          summary: `Payment plan of ${formatMoney(plan.total, plan.currency, locale)} called off (${reason}); reminders resume where they stopped.`,
        }),
        reason,
      ),
    async agreementPdf({ hardship, ...terms }) {
      // An agreement is between two parties: a plan over a plain total has no customer to name.
      if (terms.customerId === undefined) {
        throw new AppError(
          'invalid_input',
          'An agreement needs the customer and the invoices it covers.',
          'customerId',
        );
      }
      const plan = await preview(terms);
      const [row, settings] = await Promise.all([
        requireCustomer(deps.db, terms.customerId),
        deps.settings(),
      ]);
      const customer = customerFromRow(row);
      const { renderPlanAgreementPdf } = await loadRenderer();
      const pdf = await renderPlanAgreementPdf({
        business: settings,
        customer,
        invoices: plan.invoices,
        schedule: plan,
        // The business's locale: the schedule's sentences and holidays were written in it.
        locale: settings.locale,
        now: deps.clock.now(),
        hardship: hardship ?? false,
      });
      return {
        fileName: planAgreementFileName({ customerName: customer.name }),
        contentBase64: pdf.toString('base64'),
      };
    },
  };
}
