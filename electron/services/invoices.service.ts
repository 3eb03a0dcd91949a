/**
 * Invoices, credit notes and write-offs: each change one transaction with its timeline event.
 * A credit note or write-off on a plan's invoice lowers what the plan still asks for, and may
 * complete it, in the same transaction (electron/plans/settle.ts).
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { NewInvoice } from '../../shared/api/invoices';
import { livePlanStates } from '../../shared/api/plans';
import { daysBetween, type Clock } from '../../shared/dates';
import {
  dueDateFor,
  invoiceTotals,
  openAmount,
  type InvoiceState,
  type PaymentTerms,
} from '../../shared/invoices';
import type { CreditNote, Invoice, InvoiceSummary } from '../../shared/ledger';
import { formatCalendarDate } from '../../shared/date-format';
import { formatMoney } from '../../shared/money';
import { matchesSearch } from '../../shared/search';
import { findCustomer } from '../db/customers.repository';
import { appendEvent } from '../db/events.repository';
import {
  addToSettled,
  findInvoice,
  findInvoiceByNumber,
  insertInvoice,
  linesOf,
  reductionsOf,
  settlementsOf,
  takeNextInvoiceNumber,
} from '../db/invoices.repository';
import type { DB } from '../db/schema';
import { effectivePaymentTerms } from '../db/terms.repository';
import { containsText } from '../db/sql-helpers';
import { settlePlans } from '../plans/settle';
import type { BusinessContext } from './business-day';
import { invoiceFromRows, invoiceSummaryFromRow } from './ledger-mapping';
import { requireCustomer } from './lookups';

export interface InvoiceListOptions {
  customerId?: number | undefined;
  states?: InvoiceState[] | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export interface InvoicesService {
  create(input: NewInvoice): Promise<Invoice>;
  get(id: number): Promise<Invoice>;
  list(options: InvoiceListOptions): Promise<{ invoices: InvoiceSummary[]; total: number }>;
  issue(id: number): Promise<Invoice>;
  void(id: number, reason: string): Promise<Invoice>;
  writeOff(input: {
    invoiceId: number;
    amount?: number | undefined;
    reason: string;
    date?: string | undefined;
  }): Promise<Invoice>;
  createCreditNote(input: {
    invoiceId: number;
    amount: number;
    reason: string;
    date?: string | undefined;
  }): Promise<CreditNote>;
}

/** SQL for "the invoice is in this state", matching invoiceState() in shared/invoices.ts. */
function stateCondition(state: InvoiceState) {
  const live = sql`i.voided_at IS NULL AND i.is_draft = 0`;
  const hasWriteOff = sql`EXISTS (SELECT 1 FROM write_offs w WHERE w.invoice_id = i.id)`;
  switch (state) {
    case 'void':
      return sql<boolean>`i.voided_at IS NOT NULL`;
    case 'draft':
      return sql<boolean>`i.voided_at IS NULL AND i.is_draft = 1`;
    case 'open':
      return sql<boolean>`${live} AND i.settled_amount = 0 AND i.total_amount > 0`;
    case 'partially_paid':
      return sql<boolean>`${live} AND i.settled_amount > 0 AND i.settled_amount < i.total_amount`;
    case 'paid':
      return sql<boolean>`${live} AND i.settled_amount = i.total_amount AND NOT ${hasWriteOff}`;
    case 'written_off':
      return sql<boolean>`${live} AND i.settled_amount = i.total_amount AND ${hasWriteOff}`;
  }
}

export function createInvoicesService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  context: () => Promise<BusinessContext>;
}): InvoicesService {
  const { db, clock } = deps;

  async function load(id: number, ctx: BusinessContext, trxDb: Kysely<DB> = db): Promise<Invoice> {
    const row = await findInvoice(trxDb, id);
    if (!row) throw new AppError('not_found', `There is no invoice ${id}.`, 'id');
    const [lines, settlements, customer, reductions] = await Promise.all([
      linesOf(trxDb, id),
      settlementsOf(trxDb, [id]),
      findCustomer(trxDb, row.customer_id),
      reductionsOf(trxDb, id),
    ]);
    return invoiceFromRows(
      row,
      lines,
      customer?.name ?? '',
      settlements.get(id)!,
      ctx.today,
      reductions,
    );
  }

  /** An invoice that can still be reduced: issued, not void, with something open. */
  async function reducible(
    trxDb: Kysely<DB>,
    ctx: BusinessContext,
    invoiceId: number,
    amount: number | undefined,
    field: string,
  ) {
    const invoice = await load(invoiceId, ctx, trxDb).catch((error: unknown) => {
      if (error instanceof AppError) throw new AppError('not_found', error.message, 'invoiceId');
      throw error;
    });
    if (invoice.state === 'void' || invoice.state === 'draft') {
      throw new AppError(
        'conflict',
        `Invoice ${invoice.number} is ${invoice.state}; nothing is owed on it.`,
        'invoiceId',
      );
    }
    if (amount !== undefined && amount > invoice.open) {
      throw new AppError(
        'invalid_input',
        `That is more than the ${formatMoney(invoice.open, invoice.currency, ctx.locale)} open on invoice ${invoice.number}.`,
        field,
      );
    }
    if (invoice.open === 0)
      throw new AppError('conflict', `Invoice ${invoice.number} is already settled.`, 'invoiceId');
    return invoice;
  }

  return {
    get: async (id) => load(id, await deps.context()),

    async create(input) {
      const totals = invoiceTotals(input.lines);
      // Terms left out: the customer's own, else the business's (with their discount).
      const usual =
        input.terms === undefined && input.dueDate === undefined
          ? await effectivePaymentTerms(db, input.customerId)
          : null;
      const given = input.terms ?? usual?.terms;
      const discount = input.discount === undefined && usual ? usual.discount : input.discount;
      const dueDate = input.dueDate ?? dueDateFor(input.issueDate, given!);
      const terms: PaymentTerms =
        given ??
        (dueDate === input.issueDate
          ? { kind: 'on_receipt' }
          : { kind: 'net', days: daysBetween(input.issueDate, dueDate) });
      if (totals.total < 0) {
        throw new AppError(
          'invalid_input',
          'The invoice total cannot be below zero; use a credit note instead.',
          'lines',
        );
      }
      const now = clock.now().toISOString();
      const ctx = await deps.context();
      const id = await db.transaction().execute(async (trx) => {
        const customer = await requireCustomer(trx, input.customerId);
        if (customer.archived_at) {
          throw new AppError(
            'conflict',
            `${customer.name} is archived; restore them before invoicing.`,
            'customerId',
          );
        }
        if (input.number && (await findInvoiceByNumber(trx, input.number))) {
          throw new AppError(
            'conflict',
            `There is already an invoice numbered ${input.number}.`,
            'number',
          );
        }
        const number = input.number ?? (await takeNextInvoiceNumber(trx));
        const newId = await insertInvoice(
          trx,
          {
            customer_id: input.customerId,
            number,
            issue_date: input.issueDate,
            due_date: dueDate,
            currency: input.currency,
            terms_kind: terms.kind,
            terms_days: 'days' in terms ? terms.days : 0,
            discount_percent: discount?.percent ?? null,
            discount_days: discount?.withinDays ?? null,
            notes: input.notes ?? '',
            net_amount: totals.net,
            tax_amount: totals.tax,
            total_amount: totals.total,
            is_draft: input.draft ? 1 : 0,
            created_at: now,
            updated_at: now,
          },
          input.lines.map((line, index) => ({
            description: line.description,
            quantity: line.quantity,
            unit_price: line.unitPrice,
            tax_rate: line.taxRate ?? null,
            net_amount: totals.lines[index]!.net,
            tax_amount: totals.lines[index]!.tax,
          })),
        );
        await appendEvent(trx, {
          occurredAt: clock.now(),
          kind: input.draft ? 'invoice.drafted' : 'invoice.created',
          summary: `Invoice ${number} for ${formatMoney(totals.total, input.currency, ctx.locale)}, due ${formatCalendarDate(dueDate, ctx.locale)}.`,
          details: {
            invoiceId: newId,
            number,
            total: totals.total,
            currency: input.currency,
            dueDate,
          },
          customerId: input.customerId,
        });
        return newId;
      });
      return load(id, ctx);
    },

    async list(options) {
      // Customer names are matched in code (accents, non-ASCII case); numbers in SQL.
      const search = options.search ?? '';
      const namedCustomers =
        search === ''
          ? []
          : (await db.selectFrom('customers').select(['id', 'name', 'company']).execute())
              .filter((c) => matchesSearch([c.name, c.company], search))
              .map((c) => c.id);
      let query = db
        .selectFrom('invoices as i')
        .innerJoin('customers as c', 'c.id', 'i.customer_id')
        .$if(options.customerId !== undefined, (q) =>
          q.where('i.customer_id', '=', options.customerId!),
        )
        .$if(search !== '', (q) =>
          q.where((eb) =>
            eb.or([
              containsText('i.number', search),
              ...(namedCustomers.length > 0 ? [eb('i.customer_id', 'in', namedCustomers)] : []),
            ]),
          ),
        );
      if (options.states && options.states.length > 0) {
        const states = options.states;
        query = query.where((eb) => eb.or(states.map((state) => stateCondition(state))));
      }
      const [{ count }] = [
        await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
      ];
      const rows = await query
        .selectAll('i')
        .select('c.name as customer_name')
        .orderBy('i.issue_date', 'desc')
        .orderBy('i.id', 'desc')
        .limit(options.limit)
        .offset(options.offset)
        .execute();
      const [settlements, { today }] = await Promise.all([
        settlementsOf(
          db,
          rows.map((r) => r.id),
        ),
        deps.context(),
      ]);
      return {
        total: Number(count),
        invoices: rows.map((row) =>
          invoiceSummaryFromRow(row, row.customer_name, settlements.get(row.id)!, today),
        ),
      };
    },

    async issue(id) {
      const ctx = await deps.context();
      await db.transaction().execute(async (trx) => {
        const invoice = await load(id, ctx, trx);
        if (invoice.state !== 'draft')
          throw new AppError('conflict', `Invoice ${invoice.number} is not a draft.`, 'id');
        await trx
          .updateTable('invoices')
          .set({ is_draft: 0, updated_at: clock.now().toISOString() })
          .where('id', '=', id)
          .execute();
        await appendEvent(trx, {
          occurredAt: clock.now(),
          kind: 'invoice.issued',
          summary: `Invoice ${invoice.number} was issued.`,
          details: { invoiceId: id },
          customerId: invoice.customerId,
        });
      });
      return load(id, ctx);
    },

    async void(id, reason) {
      const ctx = await deps.context();
      await db.transaction().execute(async (trx) => {
        const invoice = await load(id, ctx, trx);
        if (invoice.state === 'void') return;
        if (invoice.paid > 0 || invoice.credited > 0 || invoice.writtenOff > 0) {
          throw new AppError(
            'conflict',
            `Invoice ${invoice.number} has payments or credits against it; credit it instead of voiding it.`,
            'id',
          );
        }
        // A live plan counts on this invoice; voiding it under the plan would leave the plan
        // asking for money no one owes. Crediting it lowers the plan the agreed way instead.
        const plan = await trx
          .selectFrom('plan_invoices')
          .innerJoin('plans', 'plans.id', 'plan_invoices.plan_id')
          .select('plans.id')
          .where('plan_invoices.invoice_id', '=', id)
          .where('plans.state', 'in', livePlanStates)
          .executeTakeFirst();
        if (plan) {
          throw new AppError(
            'conflict',
            `Invoice ${invoice.number} is in payment plan ${plan.id}; credit it instead (the plan then asks for less), or call the plan off first.`,
            'id',
          );
        }
        const now = clock.now();
        await trx
          .updateTable('invoices')
          .set({ voided_at: now.toISOString(), void_reason: reason, updated_at: now.toISOString() })
          .where('id', '=', id)
          .execute();
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'invoice.voided',
          summary: `Invoice ${invoice.number} was voided: ${reason}`,
          details: { invoiceId: id, reason, before: { state: invoice.state } },
          customerId: invoice.customerId,
        });
      });
      return load(id, ctx);
    },

    async writeOff(input) {
      const ctx = await deps.context();
      await db.transaction().execute(async (trx) => {
        const invoice = await reducible(trx, ctx, input.invoiceId, input.amount, 'amount');
        const amount = input.amount ?? invoice.open;
        const date = input.date ?? ctx.today;
        const now = clock.now();
        await trx
          .insertInto('write_offs')
          .values({
            invoice_id: invoice.id,
            date,
            amount,
            reason: input.reason,
            created_at: now.toISOString(),
          })
          .execute();
        await addToSettled(trx, invoice.id, amount, now.toISOString());
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'invoice.written_off',
          summary: `${formatMoney(amount, invoice.currency, ctx.locale)} of invoice ${invoice.number} written off: ${input.reason}`,
          details: {
            invoiceId: invoice.id,
            amount,
            reason: input.reason,
            before: { open: invoice.open },
            after: { open: invoice.open - amount },
          },
          customerId: invoice.customerId,
        });
        await settlePlans(trx, { customerId: invoice.customerId, now, ...ctx });
      });
      return load(input.invoiceId, ctx);
    },

    async createCreditNote(input) {
      const ctx = await deps.context();
      return db.transaction().execute(async (trx) => {
        const invoice = await reducible(trx, ctx, input.invoiceId, input.amount, 'amount');
        const date = input.date ?? ctx.today;
        const now = clock.now();
        const { id } = await trx
          .insertInto('credit_notes')
          .values({
            invoice_id: invoice.id,
            date,
            amount: input.amount,
            reason: input.reason,
            created_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await addToSettled(trx, invoice.id, input.amount, now.toISOString());
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'invoice.credited',
          summary: `Credit note of ${formatMoney(input.amount, invoice.currency, ctx.locale)} on invoice ${invoice.number}: ${input.reason}`,
          details: {
            invoiceId: invoice.id,
            creditNoteId: id,
            amount: input.amount,
            before: { open: invoice.open },
            after: {
              open: openAmount(invoice.total, {
                paid: invoice.paid,
                credited: invoice.credited + input.amount,
                writtenOff: invoice.writtenOff,
              }),
            },
          },
          customerId: invoice.customerId,
        });
        await settlePlans(trx, { customerId: invoice.customerId, now, ...ctx });
        return { id, invoiceId: invoice.id, date, amount: input.amount, reason: input.reason };
      });
    },
  };
}
