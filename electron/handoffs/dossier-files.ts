/**
 * The dossier's CSV files: the customer's slice of Goodwill's own export (customers, invoices,
 * payments, adjustments: the same layout an agency's tools or our import can read) and the
 * collection history an agency asks for (contacts with the words sent, promises, disputes,
 * plans with their payments, the timeline). Same encoding and formula rules as every export.
 */
import { csvFile, type CsvColumn } from '../../shared/exports/csv-cells';
import {
  adjustmentExportColumns,
  customerExportColumns,
  invoiceExportColumns,
  paymentExportColumns,
} from '../../shared/exports/goodwill-export';
import { minorToDecimalString } from '../../shared/money';
import type {
  DossierContact,
  DossierData,
  DossierDispute,
  DossierInterest,
  DossierPlan,
  DossierPromise,
} from './dossier-data';

const text = <Row>(header: string, value: (row: Row) => string | null): CsvColumn<Row> => ({
  header,
  kind: 'text',
  value: (row) => value(row) ?? '',
});
const number = <Row>(header: string, value: (row: Row) => string): CsvColumn<Row> => ({
  header,
  kind: 'number',
  value,
});

const contactColumns: CsvColumn<DossierContact>[] = [
  text('date', (r) => r.occurredAt),
  text('channel', (r) => r.channel),
  text('step', (r) => r.step),
  text('call_outcome', (r) => r.outcome),
  text('note', (r) => r.note),
  text('message_state', (r) => r.state),
  text('subject', (r) => r.subject),
  text('text_sent', (r) => r.text),
];

const promiseColumns: CsvColumn<DossierPromise>[] = [
  text('made_on', (r) => r.madeOn),
  text('pay_by', (r) => r.date),
  text('currency', (r) => r.currency),
  number('amount', (r) => minorToDecimalString(r.amount, r.currency)),
  text('channel', (r) => r.channel),
  text('outcome', (r) => r.outcome),
  text('closed_on', (r) => r.closedOn),
  text('note', (r) => r.note),
];

const disputeColumns: CsvColumn<DossierDispute>[] = [
  text('opened_on', (r) => r.openedOn),
  text('reason', (r) => r.reason),
  text('note', (r) => r.note),
  text('invoices', (r) => r.invoiceNumbers.join('\n')),
  text('outcome', (r) => r.outcome),
  text('resolved_on', (r) => r.resolvedOn),
  text('resolution_note', (r) => r.resolutionNote),
];

type PlanRow = DossierPlan & { instalment: DossierPlan['instalments'][number] | null };
const planColumns: CsvColumn<PlanRow>[] = [
  number('plan_id', (r) => String(r.id)),
  text('state', (r) => r.state),
  text('currency', (r) => r.currency),
  number('plan_total', (r) => minorToDecimalString(r.total, r.currency)),
  text('frequency', (r) => r.frequency),
  text('invoices', (r) => r.invoiceNumbers.join('\n')),
  text('created_at', (r) => r.createdAt),
  text('activated_at', (r) => r.activatedAt),
  text('ended_at', (r) => r.endedAt),
  text('end_reason', (r) => r.endReason),
  // 0 is the deposit.
  number('payment_number', (r) => (r.instalment ? String(r.instalment.number) : '')),
  text('payment_due', (r) => r.instalment?.dueDate ?? ''),
  number('payment_amount', (r) =>
    r.instalment ? minorToDecimalString(r.instalment.amount, r.currency) : '',
  ),
];

const interestColumns: CsvColumn<DossierInterest>[] = [
  text('invoice_number', (r) => r.invoiceNumber),
  text('charge_invoice_number', (r) => r.chargeNumber),
  text('claimed_on', (r) => r.claimedOn),
  text('currency', (r) => r.currency),
  number('claimed', (r) => minorToDecimalString(r.amount, r.currency)),
  number('waived', (r) => minorToDecimalString(r.waived, r.currency)),
  text('workings', (r) => r.workings),
];

/** Every CSV of the dossier, by file name, in the order they go into the zip. */
export function dossierCsvFiles(data: DossierData, timelineCsv: string): [string, string][] {
  const planRows: PlanRow[] = data.plans.flatMap((plan): PlanRow[] =>
    plan.instalments.length === 0
      ? [{ ...plan, instalment: null }]
      : plan.instalments.map((instalment) => ({ ...plan, instalment })),
  );
  return [
    ['customer.csv', csvFile(customerExportColumns, [data.customer])],
    ['invoices.csv', csvFile(invoiceExportColumns, data.invoices)],
    ['payments.csv', csvFile(paymentExportColumns, data.payments)],
    ['adjustments.csv', csvFile(adjustmentExportColumns, data.adjustments)],
    ['contacts.csv', csvFile(contactColumns, data.contacts)],
    ['promises.csv', csvFile(promiseColumns, data.promises)],
    ['disputes.csv', csvFile(disputeColumns, data.disputes)],
    ['plans.csv', csvFile(planColumns, planRows)],
    ['interest.csv', csvFile(interestColumns, data.interest)],
    ['timeline.csv', timelineCsv],
  ];
}
