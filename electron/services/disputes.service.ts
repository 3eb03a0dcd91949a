/**
 * Disputes: on a whole customer or some invoices. Chasing of what they cover stops while
 * the amounts still count in every figure. Upheld, they end in credit notes; rejected, the
 * ladder resumes where it stopped.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DisputeView, OpenDispute, ResolveDispute } from '../../shared/api/reminders';
import { calendarDateIn, type CalendarDate, type Clock } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import type { Settings } from '../../shared/settings';
import { appendEvent } from '../db/events.repository';
import { addToSettled } from '../db/invoices.repository';
import type { DB } from '../db/schema';
import { settlePlans } from '../plans/settle';
import { requireCustomer } from './lookups';

export interface DisputesService {
  open(input: OpenDispute): Promise<DisputeView>;
  resolve(input: ResolveDispute): Promise<DisputeView>;
  list(input: { customerId: number }): Promise<DisputeView[]>;
  /** Opens a dispute inside the caller's transaction (from a call's outcome). */
  insert(
    trx: Transaction<DB>,
    dispute: { customerId: number; reason: string; note?: string; invoiceIds: number[] },
    at: { now: Date; today: CalendarDate },
  ): Promise<number>;
}

export function createDisputesService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: () => Promise<Settings>;
}): DisputesService {
  const { db, clock } = deps;

  async function listFor(customerId: number, only?: number): Promise<DisputeView[]> {
    let query = db.selectFrom('disputes').selectAll().where('customer_id', '=', customerId);
    if (only !== undefined) query = query.where('id', '=', only);
    const rows = await query.orderBy('opened_on', 'desc').orderBy('id', 'desc').execute();
    const links = rows.length
      ? await db
          .selectFrom('dispute_invoices')
          .selectAll()
          .where(
            'dispute_id',
            'in',
            rows.map((row) => row.id),
          )
          .execute()
      : [];
    return rows.map((row) => ({
      id: row.id,
      customerId: row.customer_id,
      reason: row.reason,
      note: row.note,
      openedOn: row.opened_on,
      invoiceIds: links.filter((l) => l.dispute_id === row.id).map((l) => l.invoice_id),
      resolvedOn: row.resolved_on,
      resolution: row.resolution,
      resolutionNote: row.resolution_note,
    }));
  }

  async function insert(
    trx: Transaction<DB>,
    dispute: { customerId: number; reason: string; note?: string; invoiceIds: number[] },
    at: { now: Date; today: CalendarDate },
  ) {
    const { id } = await trx
      .insertInto('disputes')
      .values({
        customer_id: dispute.customerId,
        reason: dispute.reason,
        note: dispute.note ?? '',
        opened_on: at.today,
        created_at: at.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (dispute.invoiceIds.length > 0) {
      await trx
        .insertInto('dispute_invoices')
        .values(dispute.invoiceIds.map((invoiceId) => ({ dispute_id: id, invoice_id: invoiceId })))
        .execute();
    }
    await appendEvent(trx, {
      occurredAt: at.now,
      kind: 'disputes.opened',
      summary: `Dispute opened${dispute.invoiceIds.length ? ` on ${dispute.invoiceIds.length} invoice${dispute.invoiceIds.length > 1 ? 's' : ''}` : ''}: ${dispute.reason}. Chasing of it stops until it is resolved.`,
      details: { disputeId: id, invoiceIds: dispute.invoiceIds, reason: dispute.reason },
      customerId: dispute.customerId,
    });
    return id;
  }

  return {
    insert,
    async open(input) {
      await requireCustomer(db, input.customerId);
      const invoiceIds = [...new Set(input.invoiceIds ?? [])];
      if (invoiceIds.length > 0) {
        const found = await db
          .selectFrom('invoices')
          .select(['id', 'customer_id', 'number'])
          .where('id', 'in', invoiceIds)
          .execute();
        invoiceIds.forEach((invoiceId, index) => {
          const invoice = found.find((row) => row.id === invoiceId);
          if (!invoice) {
            throw new AppError(
              'not_found',
              `There is no invoice ${invoiceId}.`,
              `invoiceIds.${index}`,
            );
          }
          if (invoice.customer_id !== input.customerId) {
            throw new AppError(
              'invalid_input',
              `Invoice ${invoice.number} belongs to another customer.`,
              `invoiceIds.${index}`,
            );
          }
        });
      }
      const settings = await deps.settings();
      const now = clock.now();
      const today = calendarDateIn(now, settings.timeZone);
      const id = await db.transaction().execute((trx) =>
        insert(
          trx,
          {
            customerId: input.customerId,
            reason: input.reason,
            ...(input.note ? { note: input.note } : {}),
            invoiceIds,
          },
          { now, today },
        ),
      );
      return (await listFor(input.customerId, id))[0]!;
    },

    async resolve(input) {
      const row = await db
        .selectFrom('disputes')
        .selectAll()
        .where('id', '=', input.disputeId)
        .executeTakeFirst();
      if (!row)
        throw new AppError('not_found', `There is no dispute ${input.disputeId}.`, 'disputeId');
      if (row.resolved_on) {
        throw new AppError('conflict', `That dispute was already ${row.resolution}.`, 'disputeId');
      }
      const credits = input.credits ?? [];
      if (input.resolution === 'rejected' && credits.length > 0) {
        throw new AppError('invalid_input', 'A rejected dispute gives no credit.', 'credits');
      }
      if (input.resolution === 'upheld' && credits.length === 0) {
        throw new AppError(
          'invalid_input',
          'An upheld dispute ends in a credit note: please give the invoice and amount.',
          'credits',
        );
      }
      const [view] = await listFor(row.customer_id, row.id);
      const covered = new Set(view!.invoiceIds);
      const invoices = credits.length
        ? await db
            .selectFrom('invoices')
            .select([
              'id',
              'number',
              'customer_id',
              'currency',
              'total_amount',
              'settled_amount',
              'voided_at',
            ])
            .where(
              'id',
              'in',
              credits.map((c) => c.invoiceId),
            )
            .execute()
        : [];
      const settings = await deps.settings();
      credits.forEach((credit, index) => {
        const invoice = invoices.find((i) => i.id === credit.invoiceId);
        const field = `credits.${index}`;
        if (!invoice)
          throw new AppError(
            'not_found',
            `There is no invoice ${credit.invoiceId}.`,
            `${field}.invoiceId`,
          );
        if (
          invoice.customer_id !== row.customer_id ||
          (covered.size > 0 && !covered.has(invoice.id))
        ) {
          throw new AppError(
            'invalid_input',
            `Invoice ${invoice.number} is not part of this dispute.`,
            `${field}.invoiceId`,
          );
        }
        const open = invoice.voided_at ? 0 : invoice.total_amount - invoice.settled_amount;
        if (credit.amount > open) {
          throw new AppError(
            'invalid_input',
            `That is more than the ${formatMoney(open, invoice.currency, settings.locale)} open on invoice ${invoice.number}.`,
            `${field}.amount`,
          );
        }
      });
      const now = clock.now();
      const today = calendarDateIn(now, settings.timeZone);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('disputes')
          .set({
            resolved_on: today,
            resolution: input.resolution,
            resolution_note: input.note ?? '',
          })
          .where('id', '=', row.id)
          .execute();
        for (const credit of credits) {
          const invoice = invoices.find((i) => i.id === credit.invoiceId)!;
          const reason = `Dispute upheld: ${row.reason}`;
          const { id } = await trx
            .insertInto('credit_notes')
            .values({
              invoice_id: invoice.id,
              date: today,
              amount: credit.amount,
              reason,
              created_at: now.toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await addToSettled(trx, invoice.id, credit.amount, now.toISOString());
          await appendEvent(trx, {
            occurredAt: now,
            kind: 'invoice.credited',
            summary: `Credit note of ${formatMoney(credit.amount, invoice.currency, settings.locale)} on invoice ${invoice.number}: ${reason}`,
            details: {
              invoiceId: invoice.id,
              creditNoteId: id,
              amount: credit.amount,
              disputeId: row.id,
              before: { open: invoice.total_amount - invoice.settled_amount },
              after: { open: invoice.total_amount - invoice.settled_amount - credit.amount },
            },
            customerId: row.customer_id,
          });
        }
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'disputes.resolved',
          summary:
            input.resolution === 'upheld'
              ? `Dispute upheld (${row.reason}); credit given.`
              : `Dispute rejected (${row.reason}); chasing resumes where it stopped.`,
          details: { disputeId: row.id, resolution: input.resolution, note: input.note ?? '' },
          customerId: row.customer_id,
        });
        // A credit on a plan's invoice lowers what the plan asks for (and may complete it).
        if (credits.length > 0) {
          await settlePlans(trx, {
            customerId: row.customer_id,
            now,
            today,
            locale: settings.locale,
          });
        }
      });
      return (await listFor(row.customer_id, row.id))[0]!;
    },

    async list(input) {
      await requireCustomer(db, input.customerId);
      return listFor(input.customerId);
    },
  };
}
