/**
 * Payment plans. For now the preview: the schedule the terms would give, over a plain total
 * or over a customer's open invoices (read from the ledger). It writes nothing.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { PlanInvoice, PlanPreview, PlanPreviewInput } from '../../shared/api/plans';
import { sumMinor } from '../../shared/money';
import { planSchedule } from '../../shared/plans/schedule';
import type { DB } from '../db/schema';
import type { BusinessContext } from './business-day';
import { requireCustomer } from './lookups';

export interface PlansService {
  preview(input: PlanPreviewInput): Promise<PlanPreview>;
}

export function createPlansService(deps: {
  db: Kysely<DB>;
  context: () => Promise<BusinessContext>;
}): PlansService {
  const { db } = deps;

  /** The invoices a plan would cover: the customer's, open, in the plan's currency. */
  async function coveredInvoices(
    customerId: number,
    invoiceIds: number[],
    currency: string,
  ): Promise<PlanInvoice[]> {
    await requireCustomer(db, customerId);
    const rows = await db
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

  return {
    async preview(input) {
      const context = await deps.context();
      const invoices =
        input.customerId !== undefined && input.invoiceIds !== undefined
          ? await coveredInvoices(input.customerId, input.invoiceIds, input.currency)
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
    },
  };
}
