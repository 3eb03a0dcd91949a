/**
 * Goodwill's own CSV export: the column layout of the four files that hold a whole ledger, so
 * that importing them into an empty ledger rebuilds the same one (the import's "Goodwill
 * export" source reads exactly these headers).
 *
 * - `customers.csv`: one row per customer.
 * - `invoices.csv`: one row per **line item**; the invoice's own fields repeat on each of its
 *   lines (an invoice without lines has one row with the line columns empty). Rows of one
 *   invoice share `invoice_id` and come together, lines in order.
 * - `payments.csv`: one row per **allocation** of a payment to an invoice; the payment's fields
 *   repeat on each (a payment with nothing allocated has one row with the allocation columns
 *   empty). `unapplied` is what is left for later; `refunded` is listed in adjustments too.
 * - `adjustments.csv`: credit notes and write-offs (against an invoice) and refunds (out of a
 *   payment), one row each, told apart by `kind`.
 *
 * Conventions, the same in every file (see csv-cells.ts for the encoding and quoting):
 * - Ids (`customer_id`, `invoice_id`, `payment_id`) are this ledger's, to link rows across the
 *   files; a new ledger gives its own.
 * - Amounts are plain decimals in major units (`1234.50`, `-12.50`, `1500` for JPY) in the
 *   row's `currency`, exactly `minorToDecimalString`; read them back with `parseAmount`.
 * - Dates are `YYYY-MM-DD`; instants are UTC ISO 8601.
 * - Lists (`cc_emails`, `tags`) are one item per line inside the cell.
 * - Yes/no columns hold `yes` or `no`; an absent value is an empty cell.
 * - Text cells starting with `=`, `+`, `-`, `@`, a tab, a carriage return or `'` carry one extra
 *   `'` in front: `restoreTextCell` takes it off.
 */
import type { CustomerKind } from '../ledger';
import type { CsvColumn } from './csv-cells';
import { minorToDecimalString, type Minor } from '../money';

export type GoodwillExportFile = 'customers' | 'invoices' | 'payments' | 'adjustments';

export const goodwillExportFileNames: Record<GoodwillExportFile, string> = {
  customers: 'customers.csv',
  invoices: 'invoices.csv',
  payments: 'payments.csv',
  adjustments: 'adjustments.csv',
};

export interface CustomerExportRow {
  customerId: number;
  name: string;
  company: string;
  kind: CustomerKind;
  contactPerson: string;
  email: string;
  ccEmails: string[];
  phone: string;
  address: string;
  /** Empty: the business's. */
  locale: string | null;
  timeZone: string | null;
  tags: string[];
  notes: string;
  doNotContactReason: string | null;
  doNotContactUntil: string | null;
  creditHoldReason: string | null;
  archived: boolean;
  createdAt: string;
}

export interface InvoiceLineExportRow {
  invoiceId: number;
  invoiceNumber: string;
  customerId: number;
  customerName: string;
  /** draft, open, partially_paid, paid, written_off or void. */
  state: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  /** on_receipt, net, end_of_month or fixed_date; `termsDays` for net and end_of_month. */
  termsKind: string;
  termsDays: number;
  discountPercent: string | null;
  discountDays: number | null;
  notes: string;
  voidReason: string;
  /** 1, 2, …; null for an invoice without lines. */
  lineNumber: number | null;
  lineDescription: string;
  /** Exact decimal as entered ("1.5"). */
  lineQuantity: string;
  lineUnitPrice: Minor | null;
  /** Percent as entered ("20"); empty for no tax. */
  lineTaxRate: string | null;
  lineNet: Minor | null;
  lineTax: Minor | null;
  invoiceNet: Minor;
  invoiceTax: Minor;
  invoiceTotal: Minor;
  paid: Minor;
  credited: Minor;
  writtenOff: Minor;
  open: Minor;
  /** `goodwill`, or the source it was imported from. */
  source: string;
  externalId: string | null;
}

export interface PaymentAllocationExportRow {
  paymentId: number;
  customerId: number;
  customerName: string;
  date: string;
  currency: string;
  amount: Minor;
  method: string;
  reference: string;
  refunded: Minor;
  unapplied: Minor;
  /** Null on the one row of a payment with nothing allocated. */
  invoiceId: number | null;
  invoiceNumber: string;
  allocatedAmount: Minor | null;
  source: string;
  externalId: string | null;
}

export interface AdjustmentExportRow {
  kind: 'credit_note' | 'write_off' | 'refund';
  /** The credit note's, write-off's or refund's own id. */
  adjustmentId: number;
  date: string;
  customerId: number;
  customerName: string;
  currency: string;
  amount: Minor;
  /** Credit notes and write-offs: the invoice reduced. */
  invoiceId: number | null;
  invoiceNumber: string;
  /** Refunds: the payment refunded from. */
  paymentId: number | null;
  /** Credit notes and write-offs: why. */
  reason: string;
  /** Refunds: how it was paid back, and its reference. */
  method: string;
  reference: string;
}

const text = <Row>(header: string, value: (row: Row) => string): CsvColumn<Row> => ({
  header,
  kind: 'text',
  value,
});
const optionalText = <Row>(header: string, value: (row: Row) => string | null) =>
  text<Row>(header, (row) => value(row) ?? '');
const count = <Row>(header: string, value: (row: Row) => number | null): CsvColumn<Row> => ({
  header,
  kind: 'number',
  value: (row) => {
    const n = value(row);
    return n === null ? '' : String(n);
  },
});
const amount = <Row extends { currency: string }>(
  header: string,
  value: (row: Row) => Minor | null,
): CsvColumn<Row> => ({
  header,
  kind: 'number',
  value: (row) => {
    const n = value(row);
    return n === null ? '' : minorToDecimalString(n, row.currency);
  },
});
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const list = (items: readonly string[]) => items.join('\n');

export const customerExportColumns: readonly CsvColumn<CustomerExportRow>[] = [
  count('customer_id', (r) => r.customerId),
  text('name', (r) => r.name),
  text('company', (r) => r.company),
  text('kind', (r) => r.kind),
  text('contact_person', (r) => r.contactPerson),
  text('email', (r) => r.email),
  text('cc_emails', (r) => list(r.ccEmails)),
  text('phone', (r) => r.phone),
  text('address', (r) => r.address),
  optionalText('locale', (r) => r.locale),
  optionalText('time_zone', (r) => r.timeZone),
  text('tags', (r) => list(r.tags)),
  text('notes', (r) => r.notes),
  optionalText('do_not_contact_reason', (r) => r.doNotContactReason),
  optionalText('do_not_contact_until', (r) => r.doNotContactUntil),
  optionalText('credit_hold_reason', (r) => r.creditHoldReason),
  text('archived', (r) => yesNo(r.archived)),
  text('created_at', (r) => r.createdAt),
];

export const invoiceExportColumns: readonly CsvColumn<InvoiceLineExportRow>[] = [
  count('invoice_id', (r) => r.invoiceId),
  text('invoice_number', (r) => r.invoiceNumber),
  count('customer_id', (r) => r.customerId),
  text('customer_name', (r) => r.customerName),
  text('state', (r) => r.state),
  text('issue_date', (r) => r.issueDate),
  text('due_date', (r) => r.dueDate),
  text('currency', (r) => r.currency),
  text('terms_kind', (r) => r.termsKind),
  count('terms_days', (r) => r.termsDays),
  optionalText('discount_percent', (r) => r.discountPercent),
  count('discount_days', (r) => r.discountDays),
  text('notes', (r) => r.notes),
  text('void_reason', (r) => r.voidReason),
  count('line_number', (r) => r.lineNumber),
  text('line_description', (r) => r.lineDescription),
  text('line_quantity', (r) => r.lineQuantity),
  amount('line_unit_price', (r) => r.lineUnitPrice),
  optionalText('line_tax_rate', (r) => r.lineTaxRate),
  amount('line_net', (r) => r.lineNet),
  amount('line_tax', (r) => r.lineTax),
  amount('invoice_net', (r) => r.invoiceNet),
  amount('invoice_tax', (r) => r.invoiceTax),
  amount('invoice_total', (r) => r.invoiceTotal),
  amount('paid', (r) => r.paid),
  amount('credited', (r) => r.credited),
  amount('written_off', (r) => r.writtenOff),
  amount('open', (r) => r.open),
  text('source', (r) => r.source),
  optionalText('external_id', (r) => r.externalId),
];

export const paymentExportColumns: readonly CsvColumn<PaymentAllocationExportRow>[] = [
  count('payment_id', (r) => r.paymentId),
  count('customer_id', (r) => r.customerId),
  text('customer_name', (r) => r.customerName),
  text('date', (r) => r.date),
  text('currency', (r) => r.currency),
  amount('amount', (r) => r.amount),
  text('method', (r) => r.method),
  text('reference', (r) => r.reference),
  amount('refunded', (r) => r.refunded),
  amount('unapplied', (r) => r.unapplied),
  count('invoice_id', (r) => r.invoiceId),
  text('invoice_number', (r) => r.invoiceNumber),
  amount('allocated_amount', (r) => r.allocatedAmount),
  text('source', (r) => r.source),
  optionalText('external_id', (r) => r.externalId),
];

export const adjustmentExportColumns: readonly CsvColumn<AdjustmentExportRow>[] = [
  text('kind', (r) => r.kind),
  count('adjustment_id', (r) => r.adjustmentId),
  text('date', (r) => r.date),
  count('customer_id', (r) => r.customerId),
  text('customer_name', (r) => r.customerName),
  text('currency', (r) => r.currency),
  amount('amount', (r) => r.amount),
  count('invoice_id', (r) => r.invoiceId),
  text('invoice_number', (r) => r.invoiceNumber),
  count('payment_id', (r) => r.paymentId),
  text('reason', (r) => r.reason),
  text('method', (r) => r.method),
  text('reference', (r) => r.reference),
];

/** The header of each file, in order: what the import recognises. */
export const goodwillExportHeaders: Record<GoodwillExportFile, readonly string[]> = {
  customers: customerExportColumns.map((c) => c.header),
  invoices: invoiceExportColumns.map((c) => c.header),
  payments: paymentExportColumns.map((c) => c.header),
  adjustments: adjustmentExportColumns.map((c) => c.header),
};

/** Which of our files a header row is, or null: exact match, order included. */
export function goodwillExportFileOf(header: readonly string[]): GoodwillExportFile | null {
  const cleaned = header.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  for (const [file, expected] of Object.entries(goodwillExportHeaders)) {
    if (expected.length === cleaned.length && expected.every((h, i) => h === cleaned[i])) {
      return file as GoodwillExportFile;
    }
  }
  return null;
}
