/**
 * Payment plans. For now the preview: the schedule the terms would give, over a plain total
 * or over a customer's open invoices (read from the ledger), and the agreement PDF for those
 * terms. It writes nothing.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DocumentFile } from '../../shared/api/invoices';
import type {
  PlanAgreementInput,
  PlanInvoice,
  PlanPreview,
  PlanPreviewInput,
} from '../../shared/api/plans';
import type { Clock } from '../../shared/dates';
import { sumMinor } from '../../shared/money';
import { planSchedule } from '../../shared/plans/schedule';
import type { BusinessSettings } from '../../shared/settings';
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

  async function preview(input: PlanPreviewInput): Promise<PlanPreview> {
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
  }

  return {
    preview,
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
