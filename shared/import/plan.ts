/**
 * Reading a file's rows into what an import would bring in: customers, invoices (one row per
 * invoice, or one per line grouped by customer and number) and payments, with every problem
 * tied to its row and column. Rows arrive one at a time (the file is streamed); dates are
 * read at the end, once the whole file has said whether it writes days or months first.
 */
import { isKnownCurrency } from '../currencies';
import type { AmountParseError } from '../money';
import { parseImportAmount } from './amounts';
import { dateEvidence, parseImportDate, type DateOrder } from './dates';
import {
  fieldLabels,
  importFields,
  quotableFields,
  requiredFields,
  type ColumnMapping,
  type ImportField,
  type ImportKind,
} from './fields';
import { NumberFormatVote, type NumberFormat } from './numbers';
import { headerKey, type ImportSource } from './sources';

export type InvoiceStanding = 'draft' | 'open' | 'void';

export interface PlannedCustomer {
  key: string;
  name: string;
  email: string;
  phone: string;
  company: string;
  /** As the file says it ("company", "sole_trader", "consumer"), or empty. */
  kind: string;
  row: number;
}

export interface PlannedInvoice {
  /** Customer key + number: how rows of one invoice are grouped. */
  key: string;
  customerKey: string;
  number: string;
  externalId: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: number;
  /** What the file says was paid (or credited) already. */
  paid: number;
  standing: InvoiceStanding;
  row: number;
}

export interface PlannedPayment {
  customerKey: string;
  invoiceNumber: string;
  date: string;
  amount: number;
  currency: string;
  /** Stable across re-imports of the same file: the same payment is found again. */
  key: string;
  row: number;
}

export interface RowIssue {
  /** Which file, when an import reads several together. */
  file?: string;
  /** The row as a spreadsheet numbers it (the header's row counts). */
  row: number;
  column?: string;
  /** Only for columns that hold nothing private (amounts, dates, codes). */
  value?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CurrencyTotals {
  currency: string;
  invoices: number;
  /** Issued invoices (not drafts, not void). */
  invoiced: number;
  paid: number;
  open: number;
  payments: number;
  received: number;
}

export interface DateQuestion {
  /** A few of the dates that could be read either way. */
  examples: string[];
}

export interface NumberQuestion {
  /** A few of the amounts that could be read either way (`1,234`). */
  examples: string[];
  /** True when some amounts are written one way and some the other. */
  mixed: boolean;
}

export interface ImportPlan {
  kind: ImportKind;
  customers: PlannedCustomer[];
  invoices: PlannedInvoice[];
  payments: PlannedPayment[];
  issues: RowIssue[];
  /** Errors in all (the list may be cut short). */
  errorCount: number;
  warningCount: number;
  totals: CurrencyTotals[];
  rows: { read: number; used: number; passedOver: number };
  /** Set when the dates read both ways and the owner must say which. */
  question: DateQuestion | null;
  dateOrder: DateOrder | null;
  /** True when the dates read both ways and the owner's answer from last time settled it. */
  dateOrderRemembered: boolean;
  /** How the amounts were read. */
  numberFormat: NumberFormat;
  /** Set when the amounts read both ways and the owner must say which. */
  numberQuestion: NumberQuestion | null;
  /** The amounts settle on another format than the one they were read with: read again. */
  readAgainAs: NumberFormat | null;
}

export interface PlannerOptions {
  kind: ImportKind;
  header: readonly string[];
  mapping: ColumnMapping;
  source: ImportSource | null;
  /** For rows that do not say: the file's currency, else the business's. */
  currency: string;
  /** Extra columns whose values must never be shown back. */
  privateColumns?: readonly string[];
  /** Issues kept in the plan; the rest are counted. */
  issueLimit?: number;
  /** How to read amounts; left out, a decimal point until the file says otherwise. */
  numberFormat?: NumberFormat;
  /** True when the owner (or the source) said so: then nothing is asked. */
  numberFormatGiven?: boolean;
}

/** Customers are matched by name, loosely: "ACME Ltd " and "acme ltd" are one. */
export function customerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Problems with a mapping, by field, before any row is read. */
export function mappingProblems(
  kind: ImportKind,
  header: readonly string[],
  mapping: ColumnMapping,
): { field: string; message: string }[] {
  const keys = new Set(header.map(headerKey));
  const problems: { field: string; message: string }[] = [];
  for (const field of importFields) {
    const column = mapping[field];
    if (column !== undefined && !keys.has(headerKey(column))) {
      problems.push({
        field: `mapping.${field}`,
        message: `There is no column called "${column}" in this file.`,
      });
    }
  }
  for (const choices of requiredFields(kind)) {
    if (!choices.some((field) => mapping[field] !== undefined)) {
      problems.push({
        field: `mapping.${choices[0]}`,
        message: `Please say which column holds the ${choices.map((f) => fieldLabels[f].toLowerCase()).join(' or the ')}.`,
      });
    }
  }
  return problems;
}

const amountReasons: Record<AmountParseError, string> = {
  empty: 'is empty',
  not_a_number: 'is not an amount',
  too_many_decimals: 'has more decimals than the currency has',
  too_large: 'is too large',
};

interface Draft {
  invoice: Omit<PlannedInvoice, 'issueDate' | 'dueDate' | 'paid' | 'standing'>;
  issueRaw: string;
  dueRaw: string;
  status: string;
  paidRaw: string;
  balanceRaw: string;
  totalRaw: string;
  hasTotal: boolean;
}

interface PendingPayment {
  payment: Omit<PlannedPayment, 'date'>;
  dateRaw: string;
}

const standings = new Map<string, InvoiceStanding | 'paid'>();

/** A status as the owner's program wrote it, read once per distinct spelling. */
export function standingOf(status: string): InvoiceStanding | 'paid' {
  let standing = standings.get(status);
  if (standing === undefined) {
    standing = readStanding(status);
    if (standings.size < 1000) standings.set(status, standing);
  }
  return standing;
}

function readStanding(status: string): InvoiceStanding | 'paid' {
  const text = status.trim().toLowerCase();
  if (/draft|awaiting approval|submitted/.test(text)) return 'draft';
  if (/void|cancel|deleted|archived/.test(text)) return 'void';
  if (/^(paid|fully paid|closed|complete|completed)$/.test(text)) return 'paid';
  return 'open';
}

export class ImportPlanner {
  private readonly columnIndex = new Map<ImportField, number>();
  private readonly headerIndex = new Map<string, number>();
  private readonly privateIndexes = new Set<number>();
  private readonly customers = new Map<string, PlannedCustomer>();
  private readonly drafts = new Map<string, Draft>();
  private readonly pending: PendingPayment[] = [];
  private readonly paymentSeen = new Map<string, number>();
  private readonly issues: RowIssue[] = [];
  private errorCount = 0;
  private warningCount = 0;
  private read = 0;
  private used = 0;
  private passedOver = 0;
  private evidence = { dmy: 0, mdy: 0, either: [] as string[] };
  private readonly issueLimit: number;
  private readonly numbers = new NumberFormatVote();
  private readonly numberFormat: NumberFormat;
  /** Exports repeat the same few dates thousands of times: each is read once. */
  private readonly dates = new Map<string, string | null>();

  constructor(private readonly options: PlannerOptions) {
    this.issueLimit = options.issueLimit ?? 500;
    this.numberFormat = options.numberFormat ?? 'dot';
    options.header.forEach((name, index) => {
      const key = headerKey(name);
      if (!this.headerIndex.has(key)) this.headerIndex.set(key, index);
    });
    for (const field of importFields) {
      const column = options.mapping[field];
      if (column === undefined) continue;
      const index = this.headerIndex.get(headerKey(column));
      if (index !== undefined) this.columnIndex.set(field, index);
    }
    const quotable = new Set(
      [...this.columnIndex].filter(([field]) => quotableFields.has(field)).map(([, i]) => i),
    );
    const extraPrivate = new Set((options.privateColumns ?? []).map(headerKey));
    options.header.forEach((name, index) => {
      if (!quotable.has(index) || extraPrivate.has(headerKey(name))) this.privateIndexes.add(index);
    });
  }

  private issue(
    severity: RowIssue['severity'],
    row: number,
    message: string,
    index?: number,
    value?: string,
  ) {
    if (severity === 'error') this.errorCount += 1;
    else this.warningCount += 1;
    if (this.issues.length >= this.issueLimit) return;
    const entry: RowIssue = { row, message, severity };
    if (index !== undefined) {
      entry.column = this.options.header[index] ?? `column ${index + 1}`;
      if (value !== undefined && !this.privateIndexes.has(index)) entry.value = value;
    }
    this.issues.push(entry);
  }

  private cellOf(cells: readonly string[], field: ImportField): string {
    const index = this.columnIndex.get(field);
    if (index === undefined) return '';
    const cell = cells[index] ?? '';
    return (this.options.source?.textCell?.(cell) ?? cell).trim();
  }

  private note(value: string) {
    const evidence = dateEvidence(value);
    if (evidence === 'dmy') this.evidence.dmy += 1;
    else if (evidence === 'mdy') this.evidence.mdy += 1;
    else if (evidence === 'either' && this.evidence.either.length < 3) {
      if (!this.evidence.either.includes(value)) this.evidence.either.push(value);
    }
  }

  private amount(
    cells: readonly string[],
    field: ImportField,
    currency: string,
    row: number,
  ): number | null {
    const text = this.cellOf(cells, field);
    this.numbers.note(text);
    const parsed = parseImportAmount(text, currency, this.numberFormat);
    if (parsed.ok) return parsed.minor;
    this.issue(
      'error',
      row,
      `The ${fieldLabels[field].toLowerCase()} ${amountReasons[parsed.reason]}.`,
      this.columnIndex.get(field),
      text,
    );
    return null;
  }

  /** One row of the file, after the header. `row` is its number as a spreadsheet shows it. */
  add(cells: readonly string[], row: number): void {
    this.read += 1;
    if (cells.every((cell) => cell.trim() === '')) {
      this.passedOver += 1;
      return;
    }
    // A report's headings, totals and footer are passed over before their width is judged.
    const role = this.options.source?.role?.((header) => {
      const index = this.headerIndex.get(headerKey(header));
      return index === undefined ? '' : (cells[index] ?? '');
    }) ?? { as: 'record' as const };
    if (role.as === 'skip') {
      this.passedOver += 1;
      if (role.why) this.issue('warning', row, `Passed over: ${role.why}`);
      return;
    }
    const width = this.options.header.length;
    if (cells.length !== width) {
      this.issue(
        'error',
        row,
        `This row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} where the header has ${width}; please check it in the file.`,
      );
      return;
    }
    const name = this.cellOf(cells, 'customer');
    if (name === '') {
      this.issue('error', row, 'The customer name is empty.', this.columnIndex.get('customer'));
      return;
    }
    const currency = (this.cellOf(cells, 'currency') || this.options.currency).toUpperCase();
    if (!isKnownCurrency(currency)) {
      this.issue(
        'error',
        row,
        'The currency is not an ISO 4217 code such as GBP, EUR or USD.',
        this.columnIndex.get('currency'),
        this.cellOf(cells, 'currency'),
      );
      return;
    }
    const kind = role.as === 'payment' ? 'payments' : this.options.kind;
    const ok =
      kind === 'invoices'
        ? this.addInvoiceRow(cells, row, name, currency)
        : kind === 'payments'
          ? this.addPaymentRow(cells, row, name, currency, role.as === 'payment' && role.negate)
          : true;
    if (!ok) return;
    this.addCustomer(cells, row, name);
    this.used += 1;
  }

  private addCustomer(cells: readonly string[], row: number, name: string) {
    const key = customerKey(name);
    const known = this.customers.get(key);
    const email = this.cellOf(cells, 'email');
    const phone = this.cellOf(cells, 'phone');
    const company = this.cellOf(cells, 'company');
    const kind = this.cellOf(cells, 'customerKind')
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (!known) {
      this.customers.set(key, {
        key,
        name: name.replace(/\s+/g, ' '),
        email,
        phone,
        company,
        kind,
        row,
      });
    } else {
      known.email ||= email;
      known.phone ||= phone;
      known.company ||= company;
    }
  }

  private addInvoiceRow(cells: readonly string[], row: number, name: string, currency: string) {
    const number = this.cellOf(cells, 'number');
    if (number === '') {
      this.issue('error', row, 'The invoice number is empty.', this.columnIndex.get('number'));
      return false;
    }
    const issueRaw = this.cellOf(cells, 'issueDate');
    const dueRaw = this.cellOf(cells, 'dueDate');
    const hasTotal = this.columnIndex.has('total');
    const amount = this.amount(cells, hasTotal ? 'total' : 'lineTotal', currency, row);
    if (amount === null) return false;
    const ofCustomer = customerKey(name);
    const key = `${ofCustomer}\u0000${number}`;
    const known = this.drafts.get(key);
    if (known) {
      if (known.invoice.currency !== currency) {
        this.issue(
          'error',
          row,
          `This line is in ${currency}, the invoice's first line in ${known.invoice.currency}.`,
          this.columnIndex.get('currency'),
          currency,
        );
        return false;
      }
      if (hasTotal && known.invoice.total !== amount) {
        this.issue(
          'error',
          row,
          `This line gives a different total for invoice ${number} than its first line (row ${known.invoice.row}).`,
          this.columnIndex.get('total'),
          this.cellOf(cells, 'total'),
        );
        return false;
      }
      if (!hasTotal) known.invoice.total += amount;
      return true;
    }
    this.note(issueRaw);
    this.note(dueRaw);
    const paidRaw = this.cellOf(cells, 'paid');
    const balanceRaw = this.cellOf(cells, 'balance');
    this.numbers.note(paidRaw);
    this.numbers.note(balanceRaw);
    this.drafts.set(key, {
      invoice: {
        key,
        customerKey: ofCustomer,
        number,
        externalId: this.cellOf(cells, 'externalId') || null,
        currency,
        total: amount,
        row,
      },
      issueRaw,
      dueRaw,
      status: this.cellOf(cells, 'status'),
      paidRaw,
      balanceRaw,
      totalRaw: this.cellOf(cells, hasTotal ? 'total' : 'lineTotal'),
      hasTotal,
    });
    return true;
  }

  private addPaymentRow(
    cells: readonly string[],
    row: number,
    name: string,
    currency: string,
    negate: boolean,
  ) {
    const parsed = this.amount(cells, 'paymentAmount', currency, row);
    if (parsed === null) return false;
    const amount = negate ? -parsed : parsed;
    if (amount <= 0) {
      this.issue(
        'error',
        row,
        'A payment must be more than zero.',
        this.columnIndex.get('paymentAmount'),
        this.cellOf(cells, 'paymentAmount'),
      );
      return false;
    }
    const dateRaw = this.cellOf(cells, 'paymentDate');
    this.note(dateRaw);
    const invoiceNumber = this.cellOf(cells, 'number');
    const base = `${customerKey(name)}|${invoiceNumber}|${dateRaw}|${amount}|${currency}`;
    const seen = (this.paymentSeen.get(base) ?? 0) + 1;
    this.paymentSeen.set(base, seen);
    this.pending.push({
      payment: {
        customerKey: customerKey(name),
        invoiceNumber,
        amount,
        currency,
        key: `${base}|${seen}`,
        row,
      },
      dateRaw,
    });
    return true;
  }

  /** The order the file's dates settle on, or null when they read both ways. */
  private settledOrder(): DateOrder | null {
    if (this.evidence.dmy > 0 && this.evidence.mdy === 0) return 'dmy';
    if (this.evidence.mdy > 0 && this.evidence.dmy === 0) return 'mdy';
    return null;
  }

  /**
   * `dateOrder`: the owner's answer now, which decides; `answeredBefore`: their answer for a
   * file of this layout last time, which only answers the question, never overrides what
   * this file's own dates settle.
   */
  finish(dateOrder?: DateOrder, answeredBefore?: DateOrder): ImportPlan {
    const settled = this.settledOrder();
    const needsAnswer =
      this.evidence.either.length > 0 || (this.evidence.dmy > 0 && this.evidence.mdy > 0);
    // Dates that contradict each other (some only day-first, some only month-first) are asked.
    const contradict = this.evidence.dmy > 0 && this.evidence.mdy > 0;
    const remembered = !dateOrder && !settled && !contradict ? answeredBefore : undefined;
    const order = dateOrder ?? settled ?? remembered ?? undefined;
    const question =
      !dateOrder && !remembered && needsAnswer && !settled
        ? { examples: this.evidence.either.length > 0 ? this.evidence.either : [] }
        : null;
    const invoices: PlannedInvoice[] = [];
    const numbers = new Map<string, PlannedInvoice>();
    for (const draft of this.drafts.values()) {
      const invoice = this.resolveInvoice(draft, order, question !== null);
      if (!invoice) continue;
      const twin = numbers.get(invoice.number);
      if (twin) {
        this.issue(
          'error',
          invoice.row,
          `Invoice ${invoice.number} also belongs to another customer (row ${twin.row}); numbers must be unique.`,
          this.columnIndex.get('number'),
          invoice.number,
        );
        continue;
      }
      numbers.set(invoice.number, invoice);
      invoices.push(invoice);
    }
    const payments: PlannedPayment[] = [];
    for (const { payment, dateRaw } of this.pending) {
      const date = this.resolveDate(dateRaw, order, question !== null, payment.row, 'paymentDate');
      if (date === null) continue;
      payments.push({ ...payment, date });
    }
    const totals = new Map<string, CurrencyTotals>();
    const totalsOf = (currency: string) => {
      let entry = totals.get(currency);
      if (!entry) {
        entry = { currency, invoices: 0, invoiced: 0, paid: 0, open: 0, payments: 0, received: 0 };
        totals.set(currency, entry);
      }
      return entry;
    };
    for (const invoice of invoices) {
      const entry = totalsOf(invoice.currency);
      entry.invoices += 1;
      if (invoice.standing !== 'open') continue;
      entry.invoiced += invoice.total;
      entry.paid += invoice.paid;
      entry.open += invoice.total - invoice.paid;
    }
    for (const payment of payments) {
      const entry = totalsOf(payment.currency);
      entry.payments += 1;
      entry.received += payment.amount;
    }
    return {
      kind: this.options.kind,
      customers: [...this.customers.values()],
      invoices,
      payments,
      issues: this.issues.sort((a, b) => a.row - b.row),
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
      rows: { read: this.read, used: this.used, passedOver: this.passedOver },
      question,
      dateOrder: order ?? null,
      dateOrderRemembered: remembered !== undefined && needsAnswer,
      ...this.numberOutcome(),
    };
  }

  private numberOutcome() {
    const used = this.numberFormat;
    if (this.options.numberFormatGiven) {
      return { numberFormat: used, numberQuestion: null, readAgainAs: null };
    }
    const settled = this.numbers.settled(used);
    return {
      numberFormat: used,
      numberQuestion:
        settled === null
          ? { examples: [...this.numbers.examples], mixed: this.numbers.mixed() }
          : null,
      readAgainAs: settled !== null && settled !== used ? settled : null,
    };
  }

  private resolveDate(
    raw: string,
    order: DateOrder | undefined,
    waiting: boolean,
    row: number,
    field: ImportField,
  ): string | null {
    const cacheKey = `${order ?? ''}|${raw}`;
    let date = this.dates.get(cacheKey);
    if (date === undefined) {
      date = parseImportDate(raw, order);
      this.dates.set(cacheKey, date);
    }
    if (date !== null) return date;
    // Still waiting for the owner to say which order: not an error yet.
    if (waiting && dateEvidence(raw) === 'either') return '';
    this.issue(
      'error',
      row,
      raw === ''
        ? `The ${fieldLabels[field].toLowerCase()} is empty.`
        : `The ${fieldLabels[field].toLowerCase()} is not a date we can read.`,
      this.columnIndex.get(field),
      raw,
    );
    return null;
  }

  private resolveInvoice(
    draft: Draft,
    order: DateOrder | undefined,
    waiting: boolean,
  ): PlannedInvoice | null {
    const { invoice } = draft;
    const issueDate = this.resolveDate(draft.issueRaw, order, waiting, invoice.row, 'issueDate');
    if (issueDate === null) return null;
    let dueDate = issueDate;
    if (draft.dueRaw !== '') {
      const due = this.resolveDate(draft.dueRaw, order, waiting, invoice.row, 'dueDate');
      if (due === null) return null;
      dueDate = due;
    }
    if (dueDate !== '' && issueDate !== '' && dueDate < issueDate) {
      this.issue(
        'warning',
        invoice.row,
        `Invoice ${invoice.number} is due before it was issued; it is taken as due on its issue date.`,
        this.columnIndex.get('dueDate'),
        draft.dueRaw,
      );
      dueDate = issueDate;
    }
    if (invoice.total < 0) {
      this.issue(
        'error',
        invoice.row,
        `Invoice ${invoice.number} comes to less than zero; add it as a credit note instead.`,
        this.columnIndex.get(draft.hasTotal ? 'total' : 'lineTotal'),
        draft.totalRaw,
      );
      return null;
    }
    const standing = standingOf(draft.status);
    let paid = 0;
    if (standing === 'open' || standing === 'paid') {
      if (this.columnIndex.has('balance') && draft.balanceRaw !== '') {
        const balance = parseImportAmount(draft.balanceRaw, invoice.currency, this.numberFormat);
        if (!balance.ok) {
          this.issue(
            'error',
            invoice.row,
            `The amount still owed ${amountReasons[balance.reason]}.`,
            this.columnIndex.get('balance'),
            draft.balanceRaw,
          );
          return null;
        }
        paid = invoice.total - balance.minor;
      } else if (this.columnIndex.has('paid') && draft.paidRaw !== '') {
        const parsed = parseImportAmount(draft.paidRaw, invoice.currency, this.numberFormat);
        if (!parsed.ok) {
          this.issue(
            'error',
            invoice.row,
            `The amount paid ${amountReasons[parsed.reason]}.`,
            this.columnIndex.get('paid'),
            draft.paidRaw,
          );
          return null;
        }
        paid = parsed.minor;
      } else if (standing === 'paid') {
        paid = invoice.total;
      }
      if (paid < 0 || paid > invoice.total) {
        this.issue(
          'error',
          invoice.row,
          `What was paid on invoice ${invoice.number} is below zero or more than its total.`,
          this.columnIndex.get(this.columnIndex.has('balance') ? 'balance' : 'paid'),
          this.columnIndex.has('balance') ? draft.balanceRaw : draft.paidRaw,
        );
        return null;
      }
    }
    return {
      key: invoice.key,
      customerKey: invoice.customerKey,
      number: invoice.number,
      externalId: invoice.externalId,
      issueDate,
      dueDate,
      currency: invoice.currency,
      total: invoice.total,
      paid,
      standing: standing === 'paid' ? 'open' : standing,
      row: invoice.row,
    };
  }
}
