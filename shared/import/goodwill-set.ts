/**
 * Reading Goodwill's own export back as a whole ledger: customers.csv, invoices.csv (one row
 * per line), payments.csv (one row per allocation) and adjustments.csv (credit notes,
 * write-offs, refunds), given together as one set. The files link their rows by this export's
 * ids; here they become links by what the new ledger matches on: the customer's name, the
 * invoice's number, and (for a refund) its payment within the set.
 *
 * Rows arrive one at a time per file (the files are streamed); `finish` checks the links
 * between files, so the files may come in any order. Every problem names its file, row and
 * column; values are never quoted from text columns (names, notes, addresses).
 */
import { newCustomerSchema } from '../api/customers';
import { isKnownCurrency } from '../currencies';
import { isCalendarDate } from '../dates';
import { restoreTextCell } from '../exports/csv-cells';
import { goodwillExportHeaders, type GoodwillExportFile } from '../exports/goodwill-export';
import { customerKinds, type CustomerKind } from '../ledger';
import { parseAmount } from '../money';
import { customerKey, type RowIssue } from './plan';

export interface SetCustomer {
  key: string;
  name: string;
  company: string;
  kind: CustomerKind;
  contactPerson: string;
  email: string;
  ccEmails: string[];
  phone: string;
  address: string;
  locale: string | null;
  timeZone: string | null;
  tags: string[];
  notes: string;
  doNotContact: { reason: string; until: string | null } | null;
  creditHoldReason: string | null;
  archived: boolean;
  /** True when the customer comes from customers.csv, not only from a name in another file. */
  full: boolean;
  row: number;
  file: string;
}

export interface SetInvoiceLine {
  description: string;
  quantity: string;
  unitPrice: number;
  taxRate: string | null;
  net: number;
  tax: number;
}

export interface SetInvoice {
  number: string;
  customerKey: string;
  draft: boolean;
  void: boolean;
  issueDate: string;
  dueDate: string;
  currency: string;
  termsKind: 'on_receipt' | 'net' | 'end_of_month' | 'fixed_date';
  termsDays: number;
  discountPercent: string | null;
  discountDays: number | null;
  notes: string;
  voidReason: string;
  lines: SetInvoiceLine[];
  net: number;
  tax: number;
  total: number;
  source: string;
  externalId: string | null;
  row: number;
  file: string;
}

export interface SetPayment {
  /** This export's id for it: refunds name it. */
  exportId: string;
  customerKey: string;
  date: string;
  currency: string;
  amount: number;
  method: string;
  reference: string;
  source: string;
  externalId: string | null;
  allocations: { invoiceNumber: string; amount: number; row: number }[];
  refunds: SetRefund[];
  /** What the file says is left unapplied (after refunds). */
  unapplied: number;
  refunded: number;
  row: number;
  file: string;
}

export interface SetRefund {
  date: string;
  amount: number;
  method: string;
  reference: string;
  row: number;
  file: string;
}

export interface SetInvoiceAdjustment {
  kind: 'credit_note' | 'write_off';
  invoiceNumber: string;
  customerKey: string;
  currency: string;
  date: string;
  amount: number;
  reason: string;
  row: number;
  file: string;
}

export interface GoodwillSetPlan {
  customers: SetCustomer[];
  invoices: SetInvoice[];
  payments: SetPayment[];
  adjustments: SetInvoiceAdjustment[];
  issues: RowIssue[];
  errorCount: number;
  warningCount: number;
  rows: { read: number; used: number; passedOver: number };
}

type Cells = (column: string) => string;

const plainDecimal = /^-?\d+(\.\d+)?$/;
const plainCount = /^\d+$/;
const termsKinds = ['on_receipt', 'net', 'end_of_month', 'fixed_date'] as const;

/** A problem in one cell: the row is left out and nothing is guessed. */
class CellProblem extends Error {
  constructor(
    readonly column: string,
    message: string,
    readonly value?: string,
  ) {
    super(message);
  }
}

interface InvoiceDraft {
  invoice: SetInvoice;
  exportId: string;
  /** Line numbers seen, to catch a line given twice. */
  lineNumbers: Set<number>;
}

export class GoodwillSetPlanner {
  private readonly customers = new Map<string, SetCustomer>();
  /** customers.csv's ids → customer key. */
  private readonly customerIds = new Map<string, string>();
  private readonly invoices = new Map<string, InvoiceDraft>();
  private readonly invoiceNumbers = new Map<string, string>();
  private readonly payments = new Map<string, SetPayment>();
  private readonly adjustments: SetInvoiceAdjustment[] = [];
  private readonly pendingRefunds: { paymentId: string; refund: SetRefund }[] = [];
  private readonly issues: RowIssue[] = [];
  private readonly files = new Set<GoodwillExportFile>();
  private errorCount = 0;
  private warningCount = 0;
  private read = 0;
  private used = 0;
  private passedOver = 0;

  constructor(private readonly issueLimit = 500) {}

  /** Says which files the set holds: links to a file that is not there are not errors. */
  has(file: GoodwillExportFile) {
    this.files.add(file);
  }

  private issue(issue: RowIssue) {
    if (issue.severity === 'error') this.errorCount += 1;
    else this.warningCount += 1;
    if (this.issues.length < this.issueLimit) this.issues.push(issue);
  }

  /** One row of one file, after its header. */
  add(file: GoodwillExportFile, fileName: string, cells: readonly string[], row: number) {
    this.read += 1;
    if (cells.every((cell) => cell.trim() === '')) {
      this.passedOver += 1;
      return;
    }
    const header = goodwillExportHeaders[file];
    if (cells.length !== header.length) {
      this.issue({
        file: fileName,
        row,
        message: `This row has ${cells.length} cells where the header has ${header.length}; please check it in the file.`,
        severity: 'error',
      });
      return;
    }
    const cell: Cells = (column) => cells[header.indexOf(column)] ?? '';
    try {
      if (file === 'customers') this.addCustomer(cell, row, fileName);
      else if (file === 'invoices') this.addInvoiceLine(cell, row, fileName);
      else if (file === 'payments') this.addPaymentRow(cell, row, fileName);
      else this.addAdjustment(cell, row, fileName);
      this.used += 1;
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      this.issue({
        file: fileName,
        row,
        column: error.column,
        ...(error.value !== undefined ? { value: error.value } : {}),
        message: error.message,
        severity: 'error',
      });
    }
  }

  private text(cell: Cells, column: string): string {
    return restoreTextCell(cell(column));
  }

  private required(cell: Cells, column: string, what: string): string {
    const value = this.text(cell, column).trim();
    if (value === '') throw new CellProblem(column, `The ${what} is empty.`);
    return value;
  }

  private date(cell: Cells, column: string, optional = false): string | null {
    const value = cell(column).trim();
    if (value === '' && optional) return null;
    if (!isCalendarDate(value)) {
      throw new CellProblem(column, 'This is not a date written as YYYY-MM-DD.', value);
    }
    return value;
  }

  private currency(cell: Cells): string {
    const value = cell('currency').trim().toUpperCase();
    if (!isKnownCurrency(value)) {
      throw new CellProblem(
        'currency',
        'The currency is not an ISO 4217 code such as GBP, EUR or USD.',
        value,
      );
    }
    return value;
  }

  private amount(cell: Cells, column: string, currency: string, optional = false): number | null {
    const value = cell(column).trim();
    if (value === '' && optional) return null;
    if (!plainDecimal.test(value)) {
      throw new CellProblem(column, 'This is not an amount written like 1234.50.', value);
    }
    const parsed = parseAmount(value, currency);
    if (!parsed.ok) {
      throw new CellProblem(
        column,
        parsed.reason === 'too_many_decimals'
          ? `This amount has more decimals than ${currency} has.`
          : 'This amount is too large.',
        value,
      );
    }
    return parsed.minor;
  }

  private count(cell: Cells, column: string, optional = false): number | null {
    const value = cell(column).trim();
    if (value === '' && optional) return null;
    if (!plainCount.test(value) || value.length > 9) {
      throw new CellProblem(column, 'This is not a whole number.', value);
    }
    return Number(value);
  }

  private id(cell: Cells, column: string, optional = false): string | null {
    const value = cell(column).trim();
    if (value === '' && optional) return null;
    if (!plainCount.test(value)) throw new CellProblem(column, 'This is not an id.', value);
    return value;
  }

  private yesNo(cell: Cells, column: string): boolean {
    const value = cell(column).trim().toLowerCase();
    if (value !== 'yes' && value !== 'no') {
      throw new CellProblem(column, 'Please write yes or no.', value);
    }
    return value === 'yes';
  }

  /** The customer a row of invoices, payments or adjustments belongs to. */
  private customerOf(cell: Cells, fileName: string, row: number): string {
    const name = this.required(cell, 'customer_name', 'customer name');
    const key = customerKey(name);
    const id = cell('customer_id').trim();
    const byId = id === '' ? undefined : this.customerIds.get(id);
    if (byId !== undefined && byId !== key) {
      throw new CellProblem(
        'customer_name',
        `The customer name here is not the name customers.csv gives customer ${id}.`,
      );
    }
    if (!this.customers.has(key)) {
      this.customers.set(key, {
        key,
        name: name.replace(/\s+/g, ' '),
        company: '',
        kind: 'consumer',
        contactPerson: '',
        email: '',
        ccEmails: [],
        phone: '',
        address: '',
        locale: null,
        timeZone: null,
        tags: [],
        notes: '',
        doNotContact: null,
        creditHoldReason: null,
        archived: false,
        full: false,
        row,
        file: fileName,
      });
    }
    return key;
  }

  private addCustomer(cell: Cells, row: number, fileName: string) {
    const exportId = this.id(cell, 'customer_id')!;
    const name = this.required(cell, 'name', 'customer name');
    const key = customerKey(name);
    const known = this.customers.get(key);
    if (known?.full) {
      throw new CellProblem(
        'name',
        `Another customer (row ${known.row}) has the same name; Goodwill tells customers apart by name, so please rename one of them first.`,
      );
    }
    const list = (column: string) =>
      this.text(cell, column)
        .split(/\r?\n/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
    const kind = cell('kind').trim();
    if (!customerKinds.includes(kind as CustomerKind)) {
      throw new CellProblem('kind', 'The kind is company, sole_trader or consumer.', kind);
    }
    const doNotContactReason = this.text(cell, 'do_not_contact_reason').trim();
    const doNotContactUntil = this.date(cell, 'do_not_contact_until', true);
    const creditHoldReason = this.text(cell, 'credit_hold_reason').trim();
    const fields = {
      name,
      company: this.text(cell, 'company'),
      kind: kind as CustomerKind,
      contactPerson: this.text(cell, 'contact_person'),
      email: this.text(cell, 'email'),
      ccEmails: list('cc_emails'),
      phone: this.text(cell, 'phone'),
      address: this.text(cell, 'address'),
      locale: cell('locale').trim() || null,
      timeZone: cell('time_zone').trim() || null,
      notes: this.text(cell, 'notes'),
      tags: list('tags'),
      doNotContact:
        doNotContactReason === '' ? null : { reason: doNotContactReason, until: doNotContactUntil },
      creditHold: creditHoldReason === '' ? null : { reason: creditHoldReason },
    };
    // The same rules as a customer typed in, so an edited file cannot bring in what the
    // screens would refuse.
    const checked = newCustomerSchema.safeParse(fields);
    if (!checked.success) {
      const problem = checked.error.issues[0]!;
      const column = columnOfCustomerField[String(problem.path[0])] ?? 'name';
      throw new CellProblem(column, problem.message);
    }
    this.customerIds.set(exportId, key);
    this.customers.set(key, {
      key,
      // Exactly as it was: a round trip keeps a name's line breaks.
      name,
      company: fields.company,
      kind: fields.kind,
      contactPerson: fields.contactPerson,
      email: fields.email.trim(),
      ccEmails: fields.ccEmails,
      phone: fields.phone,
      address: fields.address,
      locale: fields.locale,
      timeZone: fields.timeZone,
      tags: fields.tags,
      notes: fields.notes,
      doNotContact: fields.doNotContact,
      creditHoldReason: creditHoldReason === '' ? null : creditHoldReason,
      archived: this.yesNo(cell, 'archived'),
      full: true,
      row,
      file: fileName,
    });
  }

  private addInvoiceLine(cell: Cells, row: number, fileName: string) {
    const exportId = this.id(cell, 'invoice_id')!;
    const number = this.required(cell, 'invoice_number', 'invoice number');
    const currency = this.currency(cell);
    const known = this.invoices.get(exportId);
    if (!known) {
      const twin = this.invoiceNumbers.get(number);
      if (twin !== undefined) {
        throw new CellProblem(
          'invoice_number',
          `Another invoice in this file has the number ${number}; numbers must be unique.`,
          number,
        );
      }
      const customer = this.customerOf(cell, fileName, row);
      const state = cell('state').trim();
      if (!invoiceStates.has(state)) {
        throw new CellProblem(
          'state',
          'The state is draft, open, partially_paid, paid, written_off or void.',
          state,
        );
      }
      const issueDate = this.date(cell, 'issue_date')!;
      const dueDate = this.date(cell, 'due_date')!;
      if (dueDate < issueDate) {
        throw new CellProblem('due_date', 'The due date is before the issue date.', dueDate);
      }
      const termsKind = cell('terms_kind').trim();
      if (!termsKinds.includes(termsKind as SetInvoice['termsKind'])) {
        throw new CellProblem(
          'terms_kind',
          'The terms are on_receipt, net, end_of_month or fixed_date.',
          termsKind,
        );
      }
      const discountPercent = cell('discount_percent').trim() || null;
      if (discountPercent !== null && !/^\d{1,2}(\.\d{1,2})?$/.test(discountPercent)) {
        throw new CellProblem(
          'discount_percent',
          'The discount is a percentage such as 2 or 2.5.',
          discountPercent,
        );
      }
      const total = this.amount(cell, 'invoice_total', currency)!;
      const net = this.amount(cell, 'invoice_net', currency)!;
      const tax = this.amount(cell, 'invoice_tax', currency)!;
      if (total < 0 || net + tax !== total) {
        throw new CellProblem(
          'invoice_total',
          'The invoice total is not its net plus its tax, or is below zero.',
          cell('invoice_total'),
        );
      }
      this.invoiceNumbers.set(number, exportId);
      this.invoices.set(exportId, {
        exportId,
        lineNumbers: new Set(),
        invoice: {
          number,
          customerKey: customer,
          draft: state === 'draft',
          void: state === 'void',
          issueDate,
          dueDate,
          currency,
          termsKind: termsKind as SetInvoice['termsKind'],
          termsDays: this.count(cell, 'terms_days') ?? 0,
          discountPercent,
          discountDays: this.count(cell, 'discount_days', true),
          notes: this.text(cell, 'notes'),
          voidReason: this.text(cell, 'void_reason'),
          lines: [],
          net,
          tax,
          total,
          source: this.text(cell, 'source').trim() || 'goodwill',
          externalId: this.text(cell, 'external_id').trim() || null,
          row,
          file: fileName,
        },
      });
    } else if (known.invoice.number !== number || known.invoice.currency !== currency) {
      throw new CellProblem(
        'invoice_number',
        `This line of invoice ${known.invoice.number} gives another number or currency than its first line (row ${known.invoice.row}).`,
        number,
      );
    }
    const draft = this.invoices.get(exportId)!;
    const lineNumber = this.count(cell, 'line_number', true);
    if (lineNumber === null) return;
    if (draft.lineNumbers.has(lineNumber)) {
      throw new CellProblem(
        'line_number',
        `Line ${lineNumber} of invoice ${number} is in the file twice.`,
        String(lineNumber),
      );
    }
    const quantity = cell('line_quantity').trim();
    if (!/^\d+(\.\d+)?$/.test(quantity)) {
      throw new CellProblem('line_quantity', 'The quantity is not a number.', quantity);
    }
    const taxRate = cell('line_tax_rate').trim() || null;
    if (taxRate !== null && !/^\d+(\.\d+)?$/.test(taxRate)) {
      throw new CellProblem('line_tax_rate', 'The tax rate is not a percentage.', taxRate);
    }
    const line: SetInvoiceLine = {
      description: this.required(cell, 'line_description', 'line description'),
      quantity,
      unitPrice: this.amount(cell, 'line_unit_price', currency)!,
      taxRate,
      net: this.amount(cell, 'line_net', currency)!,
      tax: this.amount(cell, 'line_tax', currency)!,
    };
    draft.lineNumbers.add(lineNumber);
    draft.invoice.lines.push(line);
  }

  private addPaymentRow(cell: Cells, row: number, fileName: string) {
    const exportId = this.id(cell, 'payment_id')!;
    const currency = this.currency(cell);
    let payment = this.payments.get(exportId);
    if (!payment) {
      const amount = this.amount(cell, 'amount', currency)!;
      if (amount <= 0) {
        throw new CellProblem('amount', 'A payment must be more than zero.', cell('amount'));
      }
      payment = {
        exportId,
        customerKey: this.customerOf(cell, fileName, row),
        date: this.date(cell, 'date')!,
        currency,
        amount,
        method: this.text(cell, 'method'),
        reference: this.text(cell, 'reference'),
        source: this.text(cell, 'source').trim() || 'goodwill',
        externalId: this.text(cell, 'external_id').trim() || null,
        allocations: [],
        refunds: [],
        unapplied: this.amount(cell, 'unapplied', currency)!,
        refunded: this.amount(cell, 'refunded', currency)!,
        row,
        file: fileName,
      };
      this.payments.set(exportId, payment);
    } else if (payment.currency !== currency) {
      throw new CellProblem(
        'currency',
        `This row of the payment on row ${payment.row} gives another currency.`,
        currency,
      );
    }
    const invoiceNumber = this.text(cell, 'invoice_number').trim();
    const allocated = this.amount(cell, 'allocated_amount', currency, true);
    if (invoiceNumber === '' && allocated === null) return;
    if (invoiceNumber === '' || allocated === null || allocated <= 0) {
      throw new CellProblem(
        invoiceNumber === '' ? 'invoice_number' : 'allocated_amount',
        'A payment row names an invoice and an amount above zero for it, or neither.',
        cell('allocated_amount'),
      );
    }
    if (payment.allocations.some((a) => a.invoiceNumber === invoiceNumber)) {
      throw new CellProblem(
        'invoice_number',
        `This payment goes to invoice ${invoiceNumber} on another row already.`,
        invoiceNumber,
      );
    }
    payment.allocations.push({ invoiceNumber, amount: allocated, row });
  }

  private addAdjustment(cell: Cells, row: number, fileName: string) {
    const kind = cell('kind').trim();
    const currency = this.currency(cell);
    const date = this.date(cell, 'date')!;
    const amount = this.amount(cell, 'amount', currency)!;
    if (amount <= 0) {
      throw new CellProblem('amount', 'The amount must be more than zero.', cell('amount'));
    }
    if (kind === 'refund') {
      const paymentId = this.id(cell, 'payment_id')!;
      this.customerOf(cell, fileName, row);
      this.pendingRefunds.push({
        paymentId,
        refund: {
          date,
          amount,
          method: this.text(cell, 'method'),
          reference: this.text(cell, 'reference'),
          row,
          file: fileName,
        },
      });
      return;
    }
    if (kind !== 'credit_note' && kind !== 'write_off') {
      throw new CellProblem('kind', 'The kind is credit_note, write_off or refund.', kind);
    }
    const reason = this.required(cell, 'reason', 'reason');
    this.adjustments.push({
      kind,
      invoiceNumber: this.required(cell, 'invoice_number', 'invoice number'),
      customerKey: this.customerOf(cell, fileName, row),
      currency,
      date,
      amount,
      reason,
      row,
      file: fileName,
    });
  }

  finish(): GoodwillSetPlan {
    for (const { paymentId, refund } of this.pendingRefunds) {
      const payment = this.payments.get(paymentId);
      if (!payment) {
        this.issue({
          file: refund.file,
          row: refund.row,
          column: 'payment_id',
          value: paymentId,
          message: this.files.has('payments')
            ? `payments.csv has no payment ${paymentId} for this refund.`
            : 'A refund comes in with its payment: please add payments.csv to the files.',
          severity: 'error',
        });
        continue;
      }
      payment.refunds.push(refund);
    }
    const invoiceByNumber = new Map(
      [...this.invoices.values()].map((d) => [d.invoice.number, d.invoice]),
    );
    const invoices: SetInvoice[] = [];
    for (const { invoice } of this.invoices.values()) {
      const lineNet = invoice.lines.reduce((sum, line) => sum + line.net, 0);
      const lineTax = invoice.lines.reduce((sum, line) => sum + line.tax, 0);
      if (invoice.lines.length > 0 && (lineNet !== invoice.net || lineTax !== invoice.tax)) {
        this.issue({
          file: invoice.file,
          row: invoice.row,
          column: 'invoice_net',
          message: `The lines of invoice ${invoice.number} do not add up to its net and tax.`,
          severity: 'error',
        });
        continue;
      }
      invoices.push(invoice);
    }
    const payments: SetPayment[] = [];
    for (const payment of this.payments.values()) {
      const allocated = payment.allocations.reduce((sum, a) => sum + a.amount, 0);
      const refunded = payment.refunds.reduce((sum, r) => sum + r.amount, 0);
      const wrongInvoice = payment.allocations.find((a) => {
        const invoice = invoiceByNumber.get(a.invoiceNumber);
        return (
          invoice !== undefined &&
          (invoice.customerKey !== payment.customerKey || invoice.currency !== payment.currency)
        );
      });
      const problem = wrongInvoice
        ? {
            row: wrongInvoice.row,
            column: 'invoice_number',
            message: `Invoice ${wrongInvoice.invoiceNumber} is another customer's or in another currency.`,
          }
        : allocated + refunded > payment.amount
          ? {
              row: payment.row,
              column: 'allocated_amount',
              message: 'This payment is given out to invoices and refunds for more than it is.',
            }
          : this.files.has('adjustments') &&
              payment.amount - allocated - refunded !== payment.unapplied
            ? {
                row: payment.row,
                column: 'unapplied',
                message:
                  'What is left unapplied is not the payment less what went to invoices and refunds.',
              }
            : null;
      if (problem) {
        this.issue({ file: payment.file, ...problem, severity: 'error' });
        continue;
      }
      if (!this.files.has('adjustments') && payment.refunded > 0) {
        this.issue({
          file: payment.file,
          row: payment.row,
          column: 'refunded',
          message:
            'Part of this payment was refunded; the refund is in adjustments.csv, which is not among the files, so it shows as credit.',
          severity: 'warning',
        });
      }
      payments.push(payment);
    }
    const adjustments: SetInvoiceAdjustment[] = [];
    for (const adjustment of this.adjustments) {
      const invoice = invoiceByNumber.get(adjustment.invoiceNumber);
      if (
        invoice &&
        (invoice.customerKey !== adjustment.customerKey || invoice.currency !== adjustment.currency)
      ) {
        this.issue({
          file: adjustment.file,
          row: adjustment.row,
          column: 'invoice_number',
          value: adjustment.invoiceNumber,
          message: `Invoice ${adjustment.invoiceNumber} is another customer's or in another currency.`,
          severity: 'error',
        });
        continue;
      }
      adjustments.push(adjustment);
    }
    return {
      customers: [...this.customers.values()],
      invoices,
      payments,
      adjustments,
      issues: this.issues.sort(
        (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.row - b.row,
      ),
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      rows: { read: this.read, used: this.used, passedOver: this.passedOver },
    };
  }
}

const invoiceStates = new Set(['draft', 'open', 'partially_paid', 'paid', 'written_off', 'void']);

const columnOfCustomerField: Record<string, string> = {
  name: 'name',
  company: 'company',
  kind: 'kind',
  contactPerson: 'contact_person',
  email: 'email',
  ccEmails: 'cc_emails',
  phone: 'phone',
  address: 'address',
  locale: 'locale',
  timeZone: 'time_zone',
  notes: 'notes',
  tags: 'tags',
  doNotContact: 'do_not_contact_reason',
  creditHold: 'credit_hold_reason',
};
