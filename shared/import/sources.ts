/**
 * The programs our owners come from, each known by its export's header (see
 * ../../fixtures/imports and the research in shared/reference/import-formats.md). A source
 * says which column holds which field and, for exports that mix kinds of rows (a ledger, a
 * report with section and total lines), which rows are invoices, which are payments and
 * which to pass over.
 */
import { restoreTextCell } from '../exports/csv-cells';
import type { ImportField, ImportKind } from './fields';
import type { NumberFormat } from './numbers';

/** How one row is read: as an invoice (line), a payment, or passed over (and why, if worth saying). */
export type RowRole =
  { as: 'record' } | { as: 'payment'; negate: boolean } | { as: 'skip'; why?: string };

export interface ImportSource {
  id: string;
  label: string;
  kind: ImportKind;
  /** Each field's column: the first of these headers the file has (compared loosely). */
  columns: Partial<Record<ImportField, readonly string[]>>;
  /** Headers that together say "this is that program's export" (each a list of spellings). */
  signature: readonly (readonly string[])[];
  /** Reads a row's role from any of its cells, by header. */
  role?: (cell: (header: string) => string) => RowRole;
  /** Said to the owner in the preview. */
  note?: string;
  /** Undoes what the exporting program did to text cells (Goodwill's formula guard). */
  textCell?: (cell: string) => string;
  /** How its amounts are always written, when the program does not follow the locale. */
  numberFormat?: NumberFormat;
}

const one = (...names: string[]) => names;

export const importSources: readonly ImportSource[] = [
  // Goodwill's own export (shared/exports/goodwill-export.ts): customers, then invoices.
  {
    id: 'goodwill-customers',
    label: 'Goodwill (customers)',
    kind: 'customers',
    columns: {
      customer: one('name'),
      company: one('company'),
      customerKind: one('kind'),
      email: one('email'),
      phone: one('phone'),
    },
    signature: [
      ['customer_id'],
      ['name'],
      ['kind'],
      ['contact_person'],
      ['cc_emails'],
      ['do_not_contact_reason'],
      ['credit_hold_reason'],
    ],
    textCell: restoreTextCell,
    numberFormat: 'dot',
  },
  {
    id: 'goodwill-invoices',
    label: 'Goodwill (invoices)',
    kind: 'invoices',
    columns: {
      customer: one('customer_name'),
      number: one('invoice_number'),
      externalId: one('external_id'),
      issueDate: one('issue_date'),
      dueDate: one('due_date'),
      status: one('state'),
      currency: one('currency'),
      total: one('invoice_total'),
      balance: one('open'),
    },
    signature: [
      ['invoice_id'],
      ['invoice_number'],
      ['customer_name'],
      ['issue_date'],
      ['due_date'],
      ['invoice_total'],
      ['open'],
      ['line_number'],
    ],
    textCell: restoreTextCell,
    numberFormat: 'dot',
    note: 'Read alone, what was paid, credited or written off on each invoice comes in as one payment. To bring in the payments, credits and refunds themselves, choose all four files of the export together.',
  },
  {
    id: 'freshbooks-invoices',
    label: 'FreshBooks (invoice details)',
    kind: 'invoices',
    columns: {
      customer: one('Client Name'),
      number: one('Invoice #'),
      issueDate: one('Date Issued'),
      status: one('Invoice Status'),
      lineTotal: one('Line Total'),
      currency: one('Currency'),
    },
    signature: [
      ['Client Name'],
      ['Invoice #'],
      ['Date Issued'],
      ['Invoice Status'],
      ['Date Paid'],
      ['Line Total'],
      ['Currency'],
    ],
    note: 'FreshBooks does not export what was paid on a part-paid invoice: check those after importing.',
  },
  {
    id: 'freshbooks-clients',
    label: 'FreshBooks (clients)',
    kind: 'customers',
    columns: {
      customer: one('Organization'),
      email: one('Email'),
      phone: one('Phone'),
      company: one('Organization'),
    },
    signature: [
      ['Organization'],
      ['First Name'],
      ['Last Name'],
      ['Email'],
      ['Province/State'],
      ['Postal Code'],
    ],
  },
  {
    id: 'invoicely-invoices',
    label: 'Invoicely (invoices)',
    kind: 'invoices',
    columns: {
      customer: one('Client'),
      number: one('Details'),
      issueDate: one('Date'),
      dueDate: one('Due'),
      status: one('Status'),
      total: one('Total'),
    },
    signature: [['Date'], ['Due'], ['Details'], ['Client'], ['Status'], ['Total']],
  },
  {
    id: 'invoicely-clients',
    label: 'Invoicely or Invoice2go (clients)',
    kind: 'customers',
    columns: { customer: one('Client Name'), email: one('Email'), phone: one('Phone') },
    signature: [['Client Name'], ['Email'], ['Phone'], ['Country']],
  },
  {
    id: 'invoice2go-invoices',
    label: 'Invoice2go (invoices)',
    kind: 'invoices',
    columns: {
      customer: one('Name'),
      email: one('EmailRecipient'),
      number: one('DocumentNumber'),
      externalId: one('Id'),
      issueDate: one('DocumentDate'),
      status: one('DocumentStatus'),
      currency: one('CurrencyCode'),
      total: one('TotalAmount'),
      paid: one('AmountPaidAmount'),
      balance: one('BalanceDueAmount'),
    },
    signature: [
      ['DocumentNumber'],
      ['DocumentDate'],
      ['DocumentStatus'],
      ['CurrencyCode'],
      ['TotalAmount'],
      ['BalanceDueAmount'],
      ['AmountPaidAmount'],
    ],
  },
  {
    id: 'wave-customers',
    label: 'Wave (customers)',
    kind: 'customers',
    columns: {
      customer: one('customer_name'),
      email: one('email'),
      phone: one('phone'),
      currency: one('customer_currency'),
    },
    signature: [
      ['customer_name'],
      ['contact_first_name'],
      ['customer_currency'],
      ['account_number'],
      ['toll_free'],
    ],
  },
  {
    id: 'wave-transactions',
    label: 'Wave (account transactions)',
    kind: 'invoices',
    columns: {
      customer: one('Customer'),
      number: one('Invoice Number'),
      issueDate: one('Transaction Date'),
      total: one('Amount (One column)'),
      paymentAmount: one('Amount (One column)'),
      paymentDate: one('Transaction Date'),
    },
    signature: [
      ['Transaction ID'],
      ['Transaction Date'],
      ['Account Name'],
      ['Amount (One column)'],
      ['Customer'],
      ['Invoice Number'],
      ['Account Type'],
    ],
    // A ledger: every transaction has a row per account. The receivable row is the invoice
    // (a debit) or a payment against it (a credit, written negative).
    role(cell) {
      if (cell('Account Name').trim().toLowerCase() !== 'accounts receivable')
        return { as: 'skip' };
      return cell('Amount (One column)').trim().startsWith('-')
        ? { as: 'payment', negate: true }
        : { as: 'record' };
    },
  },
  {
    id: 'zoho-contacts',
    label: 'Zoho Invoice or Books (contacts)',
    kind: 'customers',
    columns: {
      customer: one('Display Name'),
      company: one('Company Name'),
      email: one('EmailID'),
      phone: one('Phone'),
      currency: one('Currency Code'),
    },
    signature: [
      ['Display Name'],
      ['Company Name'],
      ['EmailID'],
      ['Customer ID'],
      ['Contact Type'],
      ['Payment Reminder'],
    ],
  },
  {
    id: 'zoho-invoices',
    label: 'Zoho Invoice or Books (invoices)',
    kind: 'invoices',
    columns: {
      customer: one('Customer Name'),
      company: one('Company Name'),
      number: one('Invoice Number'),
      externalId: one('Invoice ID'),
      issueDate: one('Invoice Date'),
      dueDate: one('Due Date'),
      status: one('Invoice Status'),
      currency: one('Currency Code'),
      total: one('Total'),
      balance: one('Balance'),
    },
    signature: [
      ['Invoice Date'],
      ['Invoice ID'],
      ['Invoice Number'],
      ['Invoice Status'],
      ['Customer Name'],
      ['Due Date'],
      ['Currency Code'],
      ['Total'],
      ['Balance'],
    ],
  },
  {
    id: 'invoiceninja-clients',
    label: 'Invoice Ninja (clients)',
    kind: 'customers',
    columns: {
      customer: one('Name'),
      email: one('Email'),
      phone: one('Phone'),
      currency: one('Currency'),
    },
    signature: [
      ['Name'],
      ['Balance'],
      ['Paid to Date'],
      ['Billing Street'],
      ['Billing Apt/Suite'],
      ['ID Number'],
      ['VAT Number'],
      ['Private Notes'],
    ],
  },
  {
    id: 'invoiceninja-invoices',
    label: 'Invoice Ninja (invoices)',
    kind: 'invoices',
    columns: {
      customer: one('Client'),
      email: one('Email'),
      number: one('Invoice Number'),
      issueDate: one('Invoice Date'),
      dueDate: one('Due Date'),
      status: one('Status'),
      total: one('Amount'),
      paid: one('Paid'),
    },
    signature: [
      ['Client'],
      ['Email'],
      ['Invoice Number'],
      ['Amount'],
      ['Paid'],
      ['PO Number'],
      ['Status'],
      ['Invoice Date'],
      ['Due Date'],
      ['Partial/Deposit'],
    ],
  },
  {
    id: 'invoiceninja-payments',
    label: 'Invoice Ninja (payments)',
    kind: 'payments',
    columns: {
      customer: one('Client'),
      number: one('Invoice Number'),
      paymentAmount: one('Amount'),
      paymentDate: one('Date'),
    },
    signature: [['Client'], ['Invoice Number'], ['Amount'], ['Date']],
    // A refund is written in brackets, "($400.00)": not a payment in.
    role(cell) {
      const amount = cell('Amount').trim();
      return amount.startsWith('(') || amount.includes('-')
        ? { as: 'skip', why: 'This is a refund; record it on the payment in Goodwill.' }
        : { as: 'record' };
    },
  },
  {
    id: 'xero-invoices',
    label: 'Xero (sales invoices)',
    kind: 'invoices',
    columns: {
      customer: one('ContactName'),
      email: one('EmailAddress'),
      number: one('InvoiceNumber'),
      issueDate: one('InvoiceDate'),
      dueDate: one('DueDate'),
      status: one('Status'),
      currency: one('Currency'),
      total: one('Total'),
      paid: one('InvoiceAmountPaid'),
      balance: one('InvoiceAmountDue'),
    },
    signature: [
      ['ContactName'],
      ['InvoiceNumber'],
      ['InvoiceDate'],
      ['DueDate'],
      ['Total'],
      ['InvoiceAmountPaid'],
      ['InvoiceAmountDue'],
      ['Currency'],
      ['Type'],
    ],
    role(cell) {
      const type = cell('Type').trim().toLowerCase();
      if (type === '' || type === 'sales invoice') return { as: 'record' };
      if (type === 'sales credit note')
        return { as: 'skip', why: 'A credit note: add it to its invoice in Goodwill.' };
      return { as: 'skip', why: 'Not an invoice (an overpayment or prepayment).' };
    },
  },
  {
    id: 'quickbooks-ar-aging',
    label: 'QuickBooks Online (A/R aging detail)',
    kind: 'invoices',
    columns: {
      customer: one('Customer full name', 'Customer'),
      number: one('Num', 'No.'),
      issueDate: one('Date'),
      dueDate: one('Due date'),
      total: one('Amount'),
      balance: one('Open balance'),
    },
    signature: [
      ['Date'],
      ['Transaction type'],
      ['Num', 'No.'],
      ['Customer full name', 'Customer'],
      ['Due date'],
      ['Amount'],
      ['Open balance'],
    ],
    // A report: headings, "Total for …" lines and a TOTAL line have no transaction type.
    role(cell) {
      const type = cell('Transaction type').trim().toLowerCase();
      if (type === 'invoice') return { as: 'record' };
      if (type === '') return { as: 'skip' };
      return {
        as: 'skip',
        why: 'Not an invoice (a credit memo or payment): add it in Goodwill if it matters.',
      };
    },
  },
];

/** Headers compared loosely: case, spaces, a leading `*` (Xero templates) and a BOM ignored. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^\*/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function findSource(id: string): ImportSource | undefined {
  return importSources.find((source) => source.id === id);
}

/** The generic spellings a hand-made spreadsheet uses, to suggest a mapping. */
export const commonHeaders: Record<ImportField, readonly string[]> = {
  customer: ['customer', 'customer name', 'client', 'client name', 'name', 'contact', 'company'],
  email: ['email', 'email address', 'e-mail'],
  phone: ['phone', 'telephone', 'phone number'],
  company: ['company', 'company name', 'organisation', 'organization'],
  customerKind: ['customer kind', 'kind'],
  number: ['invoice number', 'invoice', 'invoice #', 'invoice no', 'invoice no.', 'number', 'no.'],
  externalId: ['id', 'invoice id'],
  issueDate: ['invoice date', 'date', 'issue date', 'date issued', 'issued'],
  dueDate: ['due date', 'due', 'date due'],
  status: ['status', 'invoice status', 'state'],
  currency: ['currency', 'currency code'],
  total: ['total', 'amount', 'invoice total', 'invoice amount'],
  lineTotal: ['line total', 'line amount'],
  paid: ['paid', 'amount paid', 'paid amount'],
  balance: ['balance', 'amount due', 'balance due', 'open balance', 'outstanding', 'owed'],
  paymentAmount: ['payment amount', 'amount received'],
  paymentDate: ['payment date', 'date paid', 'paid on'],
};
