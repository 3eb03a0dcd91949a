/**
 * The invoice editor's values, as typed, and what they mean: the due date from the terms, the
 * live totals (shared/invoices.ts), and the API's input. Prices are read with parseAmount,
 * straight to minor units; a line counts towards the totals once the shared line schema
 * accepts it, so the editor and the server agree on what a valid line is.
 */
import type { InputOf } from '../../../shared/api/contract';
import type { FieldIssue } from '../../../shared/api/errors';
import { newInvoiceSchema } from '../../../shared/api/invoices';
import { isCalendarDate, type CalendarDate } from '../../../shared/dates';
import {
  dueDateFor,
  invoiceTotals,
  lineTotals,
  type InvoiceLineInput,
  type InvoiceTotals,
  type LineTotals,
  type PaymentTerms,
} from '../../../shared/invoices';
import { parseAmount } from '../../../shared/money';
import { amountProblem } from '../../components/amount-messages';

export type TermsKind = PaymentTerms['kind'];

export interface LineValues {
  /** Only for React, to keep each line's inputs when one above is removed. */
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
  /** Percent, e.g. "20"; empty for no tax. */
  taxRate: string;
}

export interface InvoiceFormValues {
  customerId: string | null;
  /** Empty: the next number in the sequence. */
  number: string;
  issueDate: string;
  termsKind: TermsKind;
  termsDays: number | string;
  /** Used with fixed-date terms. */
  dueDate: string;
  currency: string;
  lines: LineValues[];
  notes: string;
  /** Early-payment discount in percent, e.g. "2"; empty for none. */
  discountPercent: string;
  /** Paid within this many days of the invoice date. */
  discountDays: number | string;
}

const lineSchema = newInvoiceSchema.shape.lines.element;

let nextKey = 0;
export function blankLine(taxRate = ''): LineValues {
  nextKey += 1;
  return { key: `line-${nextKey}`, description: '', quantity: '1', unitPrice: '', taxRate };
}

export function blankInvoice(options: {
  today: CalendarDate;
  currency: string;
  customerId?: number | undefined;
}): InvoiceFormValues {
  return {
    customerId: options.customerId ? String(options.customerId) : null,
    number: '',
    issueDate: options.today,
    termsKind: 'net',
    termsDays: 30,
    dueDate: '',
    currency: options.currency,
    lines: [blankLine()],
    notes: '',
    discountPercent: '',
    discountDays: 10,
  };
}

const hasDays = (kind: TermsKind) => kind === 'net' || kind === 'end_of_month';

function daysOf(values: InvoiceFormValues): number | null {
  const days = Number(values.termsDays);
  return values.termsDays !== '' && Number.isInteger(days) && days >= 0 && days <= 366
    ? days
    : null;
}

export function termsOf(values: InvoiceFormValues): PaymentTerms | null {
  if (!hasDays(values.termsKind)) return { kind: values.termsKind } as PaymentTerms;
  const days = daysOf(values);
  return days === null ? null : ({ kind: values.termsKind, days } as PaymentTerms);
}

/** The due date the terms give, or null while the dates are incomplete. */
export function dueDateOf(values: InvoiceFormValues): CalendarDate | null {
  if (values.termsKind === 'fixed_date')
    return isCalendarDate(values.dueDate) ? values.dueDate : null;
  const terms = termsOf(values);
  if (!terms || !isCalendarDate(values.issueDate)) return null;
  return dueDateFor(values.issueDate, terms);
}

/** A line as the API takes it, or the reason its price cannot be read. */
function readLine(line: LineValues, currency: string) {
  const price = parseAmount(line.unitPrice, currency);
  if (!price.ok) return { ok: false as const, message: amountProblem(price.reason, currency) };
  const input: InvoiceLineInput = {
    description: line.description,
    quantity: line.quantity,
    unitPrice: price.minor,
    taxRate: line.taxRate.trim() === '' ? null : line.taxRate.trim(),
  };
  return { ok: true as const, input };
}

export interface LiveTotals {
  /** Each line's amounts, or null while it is incomplete. */
  lines: (LineTotals | null)[];
  /** Over the complete lines. */
  totals: InvoiceTotals;
  complete: boolean;
}

export function liveTotals(values: InvoiceFormValues): LiveTotals {
  const inputs = values.lines.map((line): InvoiceLineInput | null => {
    const read = readLine(line, values.currency);
    if (!read.ok) return null;
    // The description does not change the sums; any text lets the schema judge the numbers.
    const checked = lineSchema.safeParse({ ...read.input, description: 'line' });
    return checked.success ? checked.data : null;
  });
  const complete = inputs.filter((input): input is InvoiceLineInput => input !== null);
  return {
    lines: inputs.map((input) => (input ? lineTotals(input) : null)),
    totals: invoiceTotals(complete),
    complete: complete.length === inputs.length,
  };
}

export type Draft =
  { ok: true; input: InputOf<'invoices.create'> } | { ok: false; issues: FieldIssue[] };

export function toNewInvoice(values: InvoiceFormValues, options: { draft?: boolean } = {}): Draft {
  const issues: FieldIssue[] = [];
  if (!values.customerId)
    issues.push({ field: 'customerId', message: 'Please choose a customer.' });
  if (hasDays(values.termsKind) && daysOf(values) === null) {
    issues.push({ field: 'termsDays', message: 'Please give a number of days, from 0 to 366.' });
  }
  const discountPercent = values.discountPercent.trim();
  const discountDays = Number(values.discountDays);
  const hasDiscount = discountPercent !== '';
  if (
    hasDiscount &&
    (values.discountDays === '' ||
      !Number.isInteger(discountDays) ||
      discountDays < 0 ||
      discountDays > 366)
  ) {
    issues.push({ field: 'discountDays', message: 'Please give a number of days, from 0 to 366.' });
  }
  const lines: InvoiceLineInput[] = [];
  values.lines.forEach((line, index) => {
    const read = readLine(line, values.currency);
    if (read.ok) lines.push(read.input);
    else issues.push({ field: `lines.${index}.unitPrice`, message: read.message });
  });
  if (issues.length > 0) return { ok: false, issues };
  const terms = termsOf(values)!;
  return {
    ok: true,
    input: {
      customerId: Number(values.customerId),
      ...(values.number.trim() ? { number: values.number.trim() } : {}),
      issueDate: values.issueDate,
      ...(terms.kind === 'fixed_date' ? { dueDate: values.dueDate } : {}),
      terms,
      currency: values.currency,
      lines,
      ...(values.notes.trim() ? { notes: values.notes } : {}),
      ...(hasDiscount ? { discount: { percent: discountPercent, withinDays: discountDays } } : {}),
      ...(options.draft ? { draft: true } : {}),
    },
  };
}

/** Where the editor shows an API field's message; null for the form as a whole. */
export function formFieldOf(apiField: string): string | null {
  if (apiField === 'terms.days') return 'termsDays';
  if (apiField === 'discount.percent' || apiField === 'discount') return 'discountPercent';
  if (apiField === 'discount.withinDays') return 'discountDays';
  if (apiField === 'terms' || apiField.startsWith('terms.')) return 'termsKind';
  if (apiField === 'lines' || apiField === '') return null;
  return apiField;
}
