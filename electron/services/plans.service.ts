/**
 * Payment plans. The preview: the schedule the terms would give, over a plain total or over a
 * customer's open invoices (read from the ledger), and the agreement PDF for those terms; both
 * write nothing. Then the plans themselves: created as proposed over a customer's invoices
 * (with the confirmation queued for review), activated (by hand, on signature or on the first
 * payment: electron/plans/settle.ts), renegotiated, called off or marked defaulted; each
 * change one transaction with its event on the customer's timeline. Where each instalment
 * stands follows from the payments (electron/plans/plans.repository.ts). While a plan is
 * proposed or active the ladder leaves its invoices alone and the plan's own steps take its
 * place (shared/plans/steps.ts).
 */
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DocumentFile, PrintResult } from '../../shared/api/invoices';
import {
  livePlanStates,
  type AttachSignedInput,
  type CreatePlanInput,
  type Plan,
  type PlanAgreementInput,
  type PlanInvoice,
  type PlanPreview,
  type PlanPreviewInput,
  type PlanState,
  type RenegotiatePlanInput,
  type UpdatePlanInput,
} from '../../shared/api/plans';
import { formatCalendarDate } from '../../shared/date-format';
import type { CalendarDate, Clock } from '../../shared/dates';
import { formatMoney, sumMinor } from '../../shared/money';
import { pauseProblem } from '../../shared/plans/pause';
import { planSchedule, savedSchedule } from '../../shared/plans/schedule';
import type { BusinessSettings } from '../../shared/settings';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import { planAgreementFileName } from '../documents/file-name';
import { printOrDownload, type PrintPdf } from '../documents/print-document';
import { insertPlanItem, planItemSummary } from '../plans/plan-items';
import { readPlans, type Reader } from '../plans/plans.repository';
import {
  checkSignedUpload,
  readSignedAgreement,
  storeSignedAgreement,
} from '../plans/signed-agreement';
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
  markDefaulted(input: { planId: number; reason: string }): Promise<Plan>;
  renegotiate(input: RenegotiatePlanInput): Promise<Plan>;
  update(input: UpdatePlanInput): Promise<Plan>;
  agreement(planId: number): Promise<DocumentFile>;
  print(planId: number): Promise<PrintResult>;
  attachSigned(input: AttachSignedInput): Promise<Plan>;
  signedAgreement(planId: number): Promise<DocumentFile>;
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
  /** Where signed agreements (and agreements sent to print) are kept. */
  dataDir?: string;
  /** Electron's print dialog for a PDF file; absent headless, where the agreement downloads. */
  printPdf?: PrintPdf;
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

  async function requirePlan(q: Reader, planId: number, today: string): Promise<Plan> {
    const [plan] = await readPlans(q, { planId }, today);
    if (!plan) throw new AppError('not_found', `There is no payment plan ${planId}.`, 'planId');
    return plan;
  }

  const stateWords: Record<PlanState, string> = {
    proposed: 'proposed',
    active: 'active',
    completed: 'completed',
    defaulted: 'defaulted',
    cancelled: 'called off',
  };

  function refuseState(plan: Plan, allowed: readonly PlanState[], doing: string): void {
    if (allowed.includes(plan.state)) return;
    throw new AppError(
      'conflict',
      `This payment plan is ${stateWords[plan.state]}; only a ${allowed.map((s) => stateWords[s]).join(' or ')} plan can be ${doing}.`,
      'planId',
    );
  }

  function refusePause(
    pauseUntil: CalendarDate | null | undefined,
    plan: { hardship: boolean; nextDue: CalendarDate | null },
    context: BusinessContext,
  ): void {
    if (!pauseUntil) return;
    const problem = pauseProblem({
      pauseUntil,
      hardship: plan.hardship,
      nextDue: plan.nextDue,
      today: context.today,
      locale: context.locale,
    });
    if (problem) throw new AppError('invalid_input', problem, 'pauseUntil');
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
      const plan = await requirePlan(trx, planId, context.today);
      refuseState(
        plan,
        from,
        to === 'active' ? 'activated' : to === 'cancelled' ? 'called off' : `marked ${to}`,
      );
      await endOrActivate(trx, plan, to, now, reason);
      const { kind, summary } = event(plan, context.locale);
      await appendEvent(trx, {
        occurredAt: now,
        kind,
        summary,
        details: { planId, from: plan.state, to, ...(reason ? { reason } : {}) },
        customerId: plan.customerId,
      });
      return requirePlan(trx, planId, context.today);
    });
  }

  async function endOrActivate(
    trx: Transaction<DB>,
    plan: Plan,
    to: PlanState,
    now: Date,
    reason: string,
  ): Promise<void> {
    const at = now.toISOString();
    await trx
      .updateTable('plans')
      .set({
        state: to,
        updated_at: at,
        ...(to === 'active' ? { activated_at: at } : { ended_at: at, end_reason: reason }),
      })
      .where('id', '=', plan.id)
      .execute();
  }

  interface RunOptions {
    activation?: Plan['activation'] | undefined;
    checkInDays?: number | null | undefined;
    graceDays?: number | undefined;
    pauseUntil?: string | null | undefined;
  }

  /**
   * Writes a new proposed plan over `preview`'s invoices, its schedule, its timeline event and
   * the confirmation for the owner to review, inside `trx`.
   */
  async function insertPlan(
    trx: Transaction<DB>,
    plan: PlanPreview,
    options: RunOptions & { customerId: number; hardship: boolean; replaces: number | null },
    context: BusinessContext,
    now: Date,
  ): Promise<number> {
    // The first payment's day is checked against the pause with the terms (firstDue).
    refusePause(options.pauseUntil, { hardship: options.hardship, nextDue: null }, context);
    const at = now.toISOString();
    const covered = plan.invoices.map((invoice) => invoice.id);
    const { id } = await trx
      .insertInto('plans')
      .values({
        customer_id: options.customerId,
        currency: plan.currency,
        total: plan.total,
        deposit: plan.deposit?.amount ?? 0,
        frequency: plan.frequency,
        state: 'proposed',
        hardship: options.hardship ? 1 : 0,
        remainder_rule: plan.remainderSentence,
        created_at: at,
        updated_at: at,
        activation: options.activation ?? 'signature',
        // Weekly payments come round too often for a check-in before each one to be kind.
        check_in_days:
          options.checkInDays !== undefined
            ? options.checkInDays
            : plan.frequency === 'weekly'
              ? null
              : 3,
        grace_days: options.graceDays ?? 3,
        pause_until: options.pauseUntil ?? null,
        replaces_plan_id: options.replaces,
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
        hardship: options.hardship,
        ...(options.replaces !== null ? { replaces: options.replaces } : {}),
      },
      customerId: options.customerId,
    });
    await insertPlanItem(trx, {
      customerId: options.customerId,
      step: 'plan_confirmation',
      ref: id,
      channel: 'email',
      invoiceIds: covered,
      why: ['A new payment plan: send them the confirmation, with the agreement to sign.'],
      summary: planItemSummary(
        'plan_confirmation',
        plan.invoices.map((invoice) => ({ ...invoice, currency: plan.currency })),
        context.today,
      ),
      now,
      today: context.today,
    });
    return id;
  }

  /** Refuses invoices already held by another live plan (an invoice is in at most one). */
  async function refuseHeld(
    trx: Transaction<DB>,
    plan: PlanPreview,
    invoiceIds: readonly number[],
  ): Promise<void> {
    const held = await trx
      .selectFrom('plan_invoices')
      .innerJoin('plans', 'plans.id', 'plan_invoices.plan_id')
      .select(['plan_invoices.invoice_id', 'plans.id as plan_id'])
      .where(
        'plan_invoices.invoice_id',
        'in',
        plan.invoices.map((invoice) => invoice.id),
      )
      .where('plans.state', 'in', livePlanStates)
      .execute();
    const firstHeld = invoiceIds.findIndex((invoiceId) =>
      held.some((row) => row.invoice_id === invoiceId),
    );
    if (firstHeld < 0) return;
    const invoiceId = invoiceIds[firstHeld]!;
    const number = plan.invoices.find((invoice) => invoice.id === invoiceId)!.number;
    const other = held.find((row) => row.invoice_id === invoiceId)!.plan_id;
    throw new AppError(
      'invalid_input',
      `Invoice ${number} is already in payment plan ${other}; cancel that plan first.`,
      `invoiceIds.${firstHeld}`,
    );
  }

  /**
   * What each of a saved plan's invoices had open when the plan was made: open now, plus what
   * was paid, credited or written off since.
   */
  async function invoicesAsAgreed(q: Reader, plan: Plan): Promise<PlanInvoice[]> {
    const since = (table: 'allocations' | 'credit_notes' | 'write_offs') =>
      q
        .selectFrom(table as 'allocations')
        .select(['invoice_id', (eb) => eb.fn.sum<number>('amount').as('amount')])
        .where('invoice_id', 'in', plan.invoiceIds)
        .where('created_at', '>=', plan.createdAt)
        .groupBy('invoice_id')
        .execute();
    const [rows, ...reductions] = await Promise.all([
      q
        .selectFrom('invoices')
        .select(['id', 'number', 'issue_date', 'due_date', 'total_amount', 'settled_amount'])
        .where('id', 'in', plan.invoiceIds)
        .execute(),
      since('allocations'),
      since('credit_notes'),
      since('write_offs'),
    ]);
    return plan.invoiceIds.map((invoiceId) => {
      const row = rows.find((r) => r.id === invoiceId)!;
      const paidSince = sumMinor(
        reductions.map((list) =>
          minorFromSql(list.find((s) => s.invoice_id === invoiceId)?.amount),
        ),
      );
      return {
        id: row.id,
        number: row.number,
        issueDate: row.issue_date,
        dueDate: row.due_date,
        open: row.total_amount - row.settled_amount + paidSince,
      };
    });
  }

  async function savedAgreement(planId: number): Promise<DocumentFile> {
    const context = await deps.context();
    const plan = await requirePlan(db, planId, context.today);
    const [row, settings, invoices] = await Promise.all([
      requireCustomer(db, plan.customerId),
      deps.settings(),
      invoicesAsAgreed(db, plan),
    ]);
    const customer = customerFromRow(row);
    const schedule = savedSchedule(
      {
        currency: plan.currency,
        total: plan.total,
        frequency: plan.frequency,
        remainderSentence: plan.remainderSentence,
        rows: plan.instalments,
      },
      settings.locale,
    );
    const { renderPlanAgreementPdf } = await loadRenderer();
    const pdf = await renderPlanAgreementPdf({
      business: settings,
      customer,
      invoices,
      schedule,
      locale: settings.locale,
      now: deps.clock.now(),
      hardship: plan.hardship,
    });
    return {
      fileName: planAgreementFileName({ customerName: customer.name }),
      contentBase64: pdf.toString('base64'),
    };
  }

  const runColumns = (options: RunOptions) => ({
    ...(options.activation !== undefined ? { activation: options.activation } : {}),
    ...(options.checkInDays !== undefined ? { check_in_days: options.checkInDays } : {}),
    ...(options.graceDays !== undefined ? { grace_days: options.graceDays } : {}),
    ...(options.pauseUntil !== undefined ? { pause_until: options.pauseUntil } : {}),
  });

  return {
    preview,
    async create({ hardship, activation, checkInDays, graceDays, pauseUntil, ...terms }) {
      const context = await deps.context();
      const now = deps.clock.now();
      const planId = await db.transaction().execute(async (trx) => {
        // Everything the preview refuses, read inside the transaction that writes.
        const plan = await preview(terms, trx, context);
        await refuseHeld(trx, plan, terms.invoiceIds!);
        return insertPlan(
          trx,
          plan,
          {
            customerId: terms.customerId!,
            hardship: hardship ?? false,
            replaces: null,
            activation,
            checkInDays,
            graceDays,
            pauseUntil,
          },
          context,
          now,
        );
      });
      return requirePlan(db, planId, context.today);
    },
    async get(planId) {
      const { today } = await deps.context();
      return requirePlan(db, planId, today);
    },
    async list({ customerId }) {
      const { today } = await deps.context();
      if (customerId !== undefined) await requireCustomer(db, customerId);
      return readPlans(db, customerId === undefined ? {} : { customerId }, today);
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
    markDefaulted: ({ planId, reason }) =>
      changeState(
        planId,
        livePlanStates,
        'defaulted',
        (plan, locale) => ({
          kind: 'plans.defaulted',
          summary: `Payment plan of ${formatMoney(plan.total, plan.currency, locale)} marked as defaulted (${reason}), with ${formatMoney(plan.remaining, plan.currency, locale)} still to pay; reminders resume where they stopped.`,
        }),
        reason,
      ),
    async renegotiate({
      planId,
      hardship,
      activation,
      checkInDays,
      graceDays,
      pauseUntil,
      ...terms
    }) {
      const context = await deps.context();
      const now = deps.clock.now();
      const newId = await db.transaction().execute(async (trx) => {
        const old = await requirePlan(trx, planId, context.today);
        refuseState(old, livePlanStates, 'renegotiated');
        const open = await trx
          .selectFrom('invoices')
          .select('id')
          .where('id', 'in', old.invoiceIds)
          .whereRef('settled_amount', '<', 'total_amount')
          .where('voided_at', 'is', null)
          .execute();
        const stillOpen = old.invoiceIds.filter((id) => open.some((row) => row.id === id));
        if (stillOpen.length === 0) {
          throw new AppError('conflict', 'Nothing is left to pay on this plan.', 'planId');
        }
        // The old plan ends first, so its invoices are free for the new one.
        const reason = 'new terms agreed';
        await endOrActivate(trx, old, 'cancelled', now, reason);
        const plan = await preview(
          {
            customerId: old.customerId,
            invoiceIds: stillOpen,
            currency: old.currency,
            deposit: terms.deposit,
            count: terms.count,
            amount: terms.amount,
            frequency: terms.frequency,
            firstDue: terms.firstDue,
            roundTo: terms.roundTo,
          },
          trx,
          context,
        );
        const money = (amount: number) => formatMoney(amount, old.currency, context.locale);
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'plans.renegotiated',
          summary: `Payment plan of ${money(old.total)} replaced by new terms for the ${money(plan.total)} still to pay.`,
          details: { planId, from: old.state, to: 'cancelled', reason, remaining: plan.total },
          customerId: old.customerId,
        });
        return insertPlan(
          trx,
          plan,
          {
            customerId: old.customerId,
            hardship: hardship ?? old.hardship,
            replaces: old.id,
            activation: activation ?? old.activation,
            checkInDays: checkInDays !== undefined ? checkInDays : old.checkInDays,
            graceDays: graceDays ?? old.graceDays,
            pauseUntil,
          },
          context,
          now,
        );
      });
      return requirePlan(db, newId, context.today);
    },
    async update({ planId, ...options }) {
      const context = await deps.context();
      const now = deps.clock.now();
      return db.transaction().execute(async (trx) => {
        const plan = await requirePlan(trx, planId, context.today);
        refuseState(plan, livePlanStates, 'changed');
        // A pause left as it is (even one that has run its course) is not checked again.
        if (options.pauseUntil !== plan.pauseUntil) {
          const nextDue = plan.nextDue?.due ?? null;
          refusePause(options.pauseUntil, { hardship: plan.hardship, nextDue }, context);
        }
        await trx
          .updateTable('plans')
          .set({ ...runColumns(options), updated_at: now.toISOString() })
          .where('id', '=', planId)
          .execute();
        const words: string[] = [];
        if (options.activation !== undefined) {
          words.push(
            options.activation === 'signature'
              ? 'it starts once the signed agreement is attached'
              : 'it starts with the first payment',
          );
        }
        if (options.checkInDays !== undefined) {
          words.push(
            options.checkInDays === null
              ? 'no check-ins before payments'
              : `a check-in ${options.checkInDays} day${options.checkInDays === 1 ? '' : 's'} before each payment`,
          );
        }
        if (options.graceDays !== undefined) {
          words.push(
            `a missed payment waits ${options.graceDays} day${options.graceDays === 1 ? '' : 's'} before a note`,
          );
        }
        if (options.pauseUntil !== undefined) {
          words.push(
            options.pauseUntil === null
              ? 'no pause'
              : `nothing is asked before ${formatCalendarDate(options.pauseUntil, context.locale)}`,
          );
        }
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'plans.updated',
          summary: `Payment plan changed: ${words.join('; ')}.`,
          details: {
            planId,
            before: {
              activation: plan.activation,
              checkInDays: plan.checkInDays,
              graceDays: plan.graceDays,
              pauseUntil: plan.pauseUntil,
            },
            after: options,
          },
          customerId: plan.customerId,
        });
        return requirePlan(trx, planId, context.today);
      });
    },
    agreement: savedAgreement,
    async print(planId) {
      const file = await savedAgreement(planId);
      const folder = deps.dataDir && join(deps.dataDir, 'plans', `plan-${planId}`);
      return printOrDownload(file, { printPdf: deps.printPdf, folder });
    },
    async attachSigned({ planId, fileName, contentBase64 }) {
      // Everything is checked before anything is written.
      const upload = checkSignedUpload(contentBase64);
      const context = await deps.context();
      const existing = await requirePlan(db, planId, context.today);
      if (!deps.dataDir) {
        throw new AppError('conflict', 'There is no data folder to keep the file in.', 'planId');
      }
      const storedAs = await storeSignedAgreement(deps.dataDir, existing.id, upload);
      const now = deps.clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const plan = await requirePlan(trx, planId, context.today);
        await trx
          .insertInto('plan_documents')
          .values({
            plan_id: planId,
            kind: 'signed_agreement',
            file_name: fileName,
            media_type: upload.mediaType,
            size: upload.content.length,
            sha256: upload.sha256,
            stored_as: storedAs,
            attached_at: at,
          })
          .execute();
        const starts = plan.state === 'proposed' && plan.activation === 'signature';
        if (starts) await endOrActivate(trx, plan, 'active', now, '');
        const size =
          upload.content.length >= 1024 * 1024
            ? `${(upload.content.length / 1024 / 1024).toFixed(1)} MB`
            : `${Math.max(1, Math.round(upload.content.length / 1024))} KB`;
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'plans.signed',
          summary: `Signed payment plan agreement attached: ${fileName} (${size}, SHA-256 ${upload.sha256.slice(0, 12)}…).${starts ? ' The plan is now active.' : ''}`,
          details: {
            planId,
            fileName,
            mediaType: upload.mediaType,
            size: upload.content.length,
            sha256: upload.sha256,
            storedAs,
            ...(starts ? { from: 'proposed', to: 'active' } : {}),
          },
          customerId: plan.customerId,
        });
      });
      return requirePlan(db, planId, context.today);
    },
    async signedAgreement(planId) {
      const context = await deps.context();
      await requirePlan(db, planId, context.today);
      const row = await db
        .selectFrom('plan_documents')
        .select(['file_name', 'stored_as', 'sha256'])
        .where('plan_id', '=', planId)
        .where('kind', '=', 'signed_agreement')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!row || !deps.dataDir) {
        throw new AppError(
          'not_found',
          'No signed agreement has been attached to this plan yet.',
          'planId',
        );
      }
      const content = await readSignedAgreement(deps.dataDir, {
        storedAs: row.stored_as,
        sha256: row.sha256,
      });
      return { fileName: row.file_name, contentBase64: content.toString('base64') };
    },
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
