/**
 * Payments: recorded, allocated to invoices (as told, or oldest due first), the rest kept as
 * credit to apply later or refund. Each one transaction with its timeline event.
 */
import type { Kysely, Transaction } from 'kysely';
import { allocateOldestFirst } from '../../shared/allocation';
import { formatCalendarDate } from '../../shared/date-format';
import { addDays } from '../../shared/dates';
import { earlyPaymentCredit } from '../../shared/interest/early-discount';
import { AppError } from '../../shared/api/errors';
import type { AllocationPreview, RecordPayment } from '../../shared/api/payments';
import type { Clock } from '../../shared/dates';
import type { Payment } from '../../shared/ledger';
import { formatMoney } from '../../shared/money';
import { appendEvent } from '../db/events.repository';
import { addToApplied, addToSettled, openInvoicesOf } from '../db/invoices.repository';
import type { DB, PaymentRow } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import type { BusinessContext } from './business-day';
import { requireCustomer } from './lookups';
import { livePlanStates } from '../../shared/api/plans';
import { settlePlans } from '../plans/settle';

export interface PaymentsService {
  record(input: RecordPayment): Promise<Payment>;
  preview(input: {
    customerId: number;
    amount: number;
    currency: string;
  }): Promise<AllocationPreview>;
  applyCredit(input: {
    paymentId: number;
    allocations?: { invoiceId: number; amount: number }[] | undefined;
  }): Promise<Payment>;
  refund(input: {
    paymentId: number;
    amount: number;
    date: string;
    method?: string | undefined;
    reference?: string | undefined;
  }): Promise<Payment>;
  get(id: number): Promise<Payment>;
  listFor(customerId: number): Promise<Payment[]>;
}

/** An open invoice row as the pure allocation rule takes it. */
function toOpenInvoice(row: {
  id: number;
  due_date: string;
  issue_date: string;
  total_amount: number;
  settled_amount: number;
}) {
  return {
    invoiceId: row.id,
    dueDate: row.due_date,
    issueDate: row.issue_date,
    open: row.total_amount - row.settled_amount,
  };
}

type Requested = { invoiceId: number; amount: number }[] | undefined;

/**
 * Where a payment goes when the owner does not say: the invoices of a live payment plan
 * first (oldest due first: that is what the plan's instalments are for), then the rest
 * oldest due first.
 */
async function planFirst(
  trx: Kysely<DB> | Transaction<DB>,
  customerId: number,
  open: Parameters<typeof toOpenInvoice>[0][],
  amount: number,
): Promise<{ invoiceId: number; amount: number }[]> {
  const held = new Set(
    (
      await trx
        .selectFrom('plan_invoices')
        .innerJoin('plans', 'plans.id', 'plan_invoices.plan_id')
        .select('plan_invoices.invoice_id')
        .where('plans.customer_id', '=', customerId)
        .where('plans.state', 'in', livePlanStates)
        .execute()
    ).map((row) => row.invoice_id),
  );
  const inPlan = allocateOldestFirst(
    open.filter((invoice) => held.has(invoice.id)).map(toOpenInvoice),
    amount,
  );
  const rest = allocateOldestFirst(
    open.filter((invoice) => !held.has(invoice.id)).map(toOpenInvoice),
    inPlan.unapplied,
  );
  return [...inPlan.allocations, ...rest.allocations];
}

export function createPaymentsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  context: () => Promise<BusinessContext>;
}): PaymentsService {
  const { db, clock } = deps;

  async function toPayments(rows: PaymentRow[], trxDb: Kysely<DB> = db): Promise<Payment[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [allocations, refunds] = await Promise.all([
      trxDb
        .selectFrom('allocations as a')
        .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
        .select(['a.payment_id', 'a.invoice_id', 'i.number', 'a.amount'])
        .where('a.payment_id', 'in', ids)
        .orderBy('a.id')
        .execute(),
      trxDb
        .selectFrom('refunds')
        .select(['payment_id', (eb) => eb.fn.sum<number>('amount').as('amount')])
        .where('payment_id', 'in', ids)
        .groupBy('payment_id')
        .execute(),
    ]);
    return rows.map((row) => {
      const mine = allocations
        .filter((a) => a.payment_id === row.id)
        .map((a) => ({ invoiceId: a.invoice_id, invoiceNumber: a.number, amount: a.amount }));
      const refunded = minorFromSql(refunds.find((r) => r.payment_id === row.id)?.amount);
      const allocated = mine.reduce((sum, a) => sum + a.amount, 0);
      return {
        id: row.id,
        customerId: row.customer_id,
        date: row.date,
        amount: row.amount,
        currency: row.currency,
        method: row.method,
        reference: row.reference,
        allocations: mine,
        refunded,
        unapplied: row.amount - allocated - refunded,
      };
    });
  }

  async function load(id: number, trxDb: Kysely<DB> = db): Promise<Payment> {
    const row = await trxDb
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `There is no payment ${id}.`, 'paymentId');
    return (await toPayments([row], trxDb))[0]!;
  }

  /**
   * Checks the owner's allocations against the customer's open invoices in the payment's
   * currency, or plans oldest due first; writes them and keeps each invoice's settled sum.
   */
  async function allocate(
    trx: Transaction<DB>,
    locale: string,
    payment: { id: number; customerId: number; currency: string; available: number },
    requested: Requested,
  ) {
    const open = await openInvoicesOf(trx, payment.customerId, payment.currency);
    const openById = new Map(open.map((invoice) => [invoice.id, invoice]));
    let plan: { invoiceId: number; amount: number }[];
    if (requested) {
      let total = 0;
      for (const [index, allocation] of requested.entries()) {
        const invoice = openById.get(allocation.invoiceId);
        if (!invoice) {
          const other = await trx
            .selectFrom('invoices')
            .select(['number', 'customer_id', 'currency'])
            .where('id', '=', allocation.invoiceId)
            .executeTakeFirst();
          const why = !other
            ? `There is no invoice ${allocation.invoiceId}.`
            : other.customer_id !== payment.customerId
              ? `Invoice ${other.number} belongs to another customer.`
              : other.currency !== payment.currency
                ? `Invoice ${other.number} is in ${other.currency}, the payment in ${payment.currency}.`
                : `Invoice ${other.number} has nothing open to pay.`;
          throw new AppError('invalid_input', why, `allocations.${index}.invoiceId`);
        }
        const openAmount = invoice.total_amount - invoice.settled_amount;
        if (allocation.amount > openAmount) {
          throw new AppError(
            'invalid_input',
            `Only ${formatMoney(openAmount, payment.currency, locale)} is open on invoice ${invoice.number}.`,
            `allocations.${index}.amount`,
          );
        }
        total += allocation.amount;
      }
      if (total > payment.available) {
        throw new AppError(
          'invalid_input',
          `The allocations add up to more than the ${formatMoney(payment.available, payment.currency, locale)} available.`,
          'allocations',
        );
      }
      plan = requested;
    } else {
      plan = await planFirst(trx, payment.customerId, open, payment.available);
    }
    const now = clock.now().toISOString();
    for (const allocation of plan) {
      await trx
        .insertInto('allocations')
        .values({
          payment_id: payment.id,
          invoice_id: allocation.invoiceId,
          amount: allocation.amount,
          created_at: now,
        })
        .execute();
      await addToSettled(trx, allocation.invoiceId, allocation.amount, now);
      await addToApplied(trx, payment.id, allocation.amount);
    }
    return plan.map((a) => ({ ...a, number: openById.get(a.invoiceId)!.number }));
  }

  /**
   * Honours each early-payment discount the payment earned: the rest of the invoice is
   * credited, in the payment's transaction, with its own timeline event.
   */
  async function honourDiscounts(
    trx: Transaction<DB>,
    locale: string,
    payment: { customerId: number; date: string; currency: string },
    invoiceIds: readonly number[],
  ) {
    for (const invoiceId of invoiceIds) {
      const row = await trx
        .selectFrom('invoices')
        .select([
          'number',
          'issue_date',
          'total_amount',
          'settled_amount',
          'discount_percent',
          'discount_days',
        ])
        .where('id', '=', invoiceId)
        .executeTakeFirstOrThrow();
      if (row.discount_percent === null || row.discount_days === null) continue;
      const discount = { percent: row.discount_percent, withinDays: row.discount_days };
      const credit = earlyPaymentCredit(
        {
          issueDate: row.issue_date,
          total: row.total_amount,
          openAfter: row.total_amount - row.settled_amount,
          discount,
        },
        payment.date,
      );
      if (credit === 0) continue;
      const now = clock.now();
      const { id: creditNoteId } = await trx
        .insertInto('credit_notes')
        .values({
          invoice_id: invoiceId,
          date: payment.date,
          amount: credit,
          reason: `Early-payment discount (${discount.percent}% within ${discount.withinDays} days)`,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await addToSettled(trx, invoiceId, credit, now.toISOString());
      const by = formatCalendarDate(addDays(row.issue_date, discount.withinDays), locale);
      await appendEvent(trx, {
        occurredAt: now,
        kind: 'invoice.discount_applied',
        summary: `Early-payment discount of ${formatMoney(credit, payment.currency, locale)} (${discount.percent}%) applied to ${row.number}: paid by ${by}.`,
        details: { invoiceId, creditNoteId, amount: credit, discount, paidOn: payment.date },
        customerId: payment.customerId,
      });
    }
  }

  return {
    get: (id) => load(id),

    async listFor(customerId) {
      const rows = await db
        .selectFrom('payments')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return toPayments(rows);
    },

    async preview(input) {
      const open = await openInvoicesOf(db, input.customerId, input.currency);
      const allocations = await planFirst(db, input.customerId, open, input.amount);
      const byId = new Map(open.map((i) => [i.id, i]));
      return {
        allocations: allocations.map((a) => {
          const invoice = byId.get(a.invoiceId)!;
          return {
            invoiceId: a.invoiceId,
            invoiceNumber: invoice.number,
            open: invoice.total_amount - invoice.settled_amount,
            amount: a.amount,
          };
        }),
        unapplied: input.amount - allocations.reduce((sum, a) => sum + a.amount, 0),
      };
    },

    async record(input) {
      const { locale, today } = await deps.context();
      const id = await db.transaction().execute(async (trx) => {
        await requireCustomer(trx, input.customerId);
        const now = clock.now();
        const { id: paymentId } = await trx
          .insertInto('payments')
          .values({
            customer_id: input.customerId,
            date: input.date,
            amount: input.amount,
            currency: input.currency,
            method: input.method ?? '',
            reference: input.reference ?? '',
            created_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const applied = await allocate(
          trx,
          locale,
          {
            id: paymentId,
            customerId: input.customerId,
            currency: input.currency,
            available: input.amount,
          },
          input.allocations,
        );
        const appliedTotal = applied.reduce((sum, a) => sum + a.amount, 0);
        const left = input.amount - appliedTotal;
        const parts = applied.map(
          (a) => `${formatMoney(a.amount, input.currency, locale)} to ${a.number}`,
        );
        if (left > 0) parts.push(`${formatMoney(left, input.currency, locale)} kept as credit`);
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'payment.recorded',
          summary: `Payment of ${formatMoney(input.amount, input.currency, locale)} received${parts.length ? `: ${parts.join(', ')}` : ''}.`,
          details: {
            paymentId,
            amount: input.amount,
            currency: input.currency,
            date: input.date,
            allocations: applied,
            unapplied: left,
          },
          customerId: input.customerId,
        });
        await honourDiscounts(
          trx,
          locale,
          { customerId: input.customerId, date: input.date, currency: input.currency },
          applied.map((a) => a.invoiceId),
        );
        await settlePlans(trx, { customerId: input.customerId, now, today, locale });
        return paymentId;
      });
      return load(id);
    },

    async applyCredit(input) {
      const { locale, today } = await deps.context();
      await db.transaction().execute(async (trx) => {
        const payment = await load(input.paymentId, trx);
        if (payment.unapplied === 0)
          throw new AppError('conflict', 'This payment has no credit left to apply.', 'paymentId');
        const applied = await allocate(
          trx,
          locale,
          {
            id: payment.id,
            customerId: payment.customerId,
            currency: payment.currency,
            available: payment.unapplied,
          },
          input.allocations,
        );
        if (applied.length === 0)
          throw new AppError(
            'conflict',
            'There is no open invoice in this currency to apply it to.',
            'paymentId',
          );
        await appendEvent(trx, {
          occurredAt: clock.now(),
          kind: 'payment.credit_applied',
          summary: `Credit applied: ${applied.map((a) => `${formatMoney(a.amount, payment.currency, locale)} to ${a.number}`).join(', ')}.`,
          details: {
            paymentId: payment.id,
            allocations: applied,
            before: { unapplied: payment.unapplied },
          },
          customerId: payment.customerId,
        });
        await settlePlans(trx, { customerId: payment.customerId, now: clock.now(), today, locale });
      });
      return load(input.paymentId);
    },

    async refund(input) {
      const { locale } = await deps.context();
      await db.transaction().execute(async (trx) => {
        const payment = await load(input.paymentId, trx);
        if (input.amount > payment.unapplied) {
          throw new AppError(
            'invalid_input',
            `Only ${formatMoney(payment.unapplied, payment.currency, locale)} of this payment is unapplied credit.`,
            'amount',
          );
        }
        const now = clock.now();
        await trx
          .insertInto('refunds')
          .values({
            payment_id: payment.id,
            date: input.date,
            amount: input.amount,
            method: input.method ?? '',
            reference: input.reference ?? '',
            created_at: now.toISOString(),
          })
          .execute();
        await addToApplied(trx, payment.id, input.amount);
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'payment.refunded',
          summary: `${formatMoney(input.amount, payment.currency, locale)} refunded.`,
          details: {
            paymentId: payment.id,
            amount: input.amount,
            before: { unapplied: payment.unapplied },
          },
          customerId: payment.customerId,
        });
      });
      return load(input.paymentId);
    },
  };
}
