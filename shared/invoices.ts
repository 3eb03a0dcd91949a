/**
 * Invoice arithmetic and states, pure. Rounding rule (stated on every invoice's totals):
 * each line's net amount (quantity × unit price) and each line's tax (net × rate) are rounded
 * to the minor unit separately, half away from zero; the invoice total is the exact sum of
 * the rounded lines. So the printed lines always add up to the printed total.
 */
import { addDays, endOfMonth, type CalendarDate } from './dates';
import { multiplyMinor, parseDecimal, percentOf, sumMinor, type Minor } from './money';

export interface InvoiceLineInput {
  description: string;
  /** Exact decimal string, e.g. "1.5". */
  quantity: string;
  /** Minor units per one of the quantity. */
  unitPrice: Minor;
  /** Percent as a decimal string, e.g. "20" or "17.5"; none means no tax. */
  taxRate?: string | null;
}

export interface LineTotals {
  net: Minor;
  tax: Minor;
  total: Minor;
}

export interface InvoiceTotals {
  net: Minor;
  tax: Minor;
  total: Minor;
  lines: LineTotals[];
}

function decimalOrThrow(text: string) {
  const decimal = parseDecimal(text);
  if (!decimal) throw new RangeError(`Not a decimal number: ${text}`);
  return decimal;
}

export function lineTotals(line: InvoiceLineInput): LineTotals {
  const net = multiplyMinor(line.unitPrice, decimalOrThrow(line.quantity));
  const tax = line.taxRate ? percentOf(net, decimalOrThrow(line.taxRate)) : 0;
  return { net, tax, total: net + tax };
}

export function invoiceTotals(lines: readonly InvoiceLineInput[]): InvoiceTotals {
  const perLine = lines.map(lineTotals);
  return {
    lines: perLine,
    net: sumMinor(perLine.map((l) => l.net)),
    tax: sumMinor(perLine.map((l) => l.tax)),
    total: sumMinor(perLine.map((l) => l.total)),
  };
}

/** When an invoice is due, as agreed with the customer. */
export type PaymentTerms =
  | { kind: 'on_receipt' }
  | { kind: 'net'; days: number }
  | { kind: 'end_of_month'; days: number }
  | { kind: 'fixed_date' };

export function dueDateFor(
  issueDate: CalendarDate,
  terms: PaymentTerms,
  fixedDate?: CalendarDate,
): CalendarDate {
  switch (terms.kind) {
    case 'on_receipt':
      return issueDate;
    case 'net':
      return addDays(issueDate, terms.days);
    case 'end_of_month':
      return addDays(endOfMonth(issueDate), terms.days);
    case 'fixed_date':
      if (!fixedDate) throw new RangeError('A fixed-date term needs its date.');
      return fixedDate;
  }
}

/** The terms in plain words, for the invoice and the letters. */
export function describeTerms(terms: PaymentTerms, dueDate: string): string {
  switch (terms.kind) {
    case 'on_receipt':
      return 'Payment is due on receipt of this invoice.';
    case 'net':
      return `Payment is due within ${terms.days} days of the invoice date, by ${dueDate}.`;
    case 'end_of_month':
      return terms.days === 0
        ? `Payment is due by the end of the month of the invoice, ${dueDate}.`
        : `Payment is due ${terms.days} days after the end of the month of the invoice, by ${dueDate}.`;
    case 'fixed_date':
      return `Payment is due by ${dueDate}.`;
  }
}

export type InvoiceState = 'draft' | 'open' | 'partially_paid' | 'paid' | 'written_off' | 'void';

/** What has reduced an invoice, each from its own rows. */
export interface Settlement {
  paid: Minor;
  credited: Minor;
  writtenOff: Minor;
}

export function openAmount(total: Minor, settled: Settlement): Minor {
  return total - settled.paid - settled.credited - settled.writtenOff;
}

/** The state follows from the rows; it is never stored. */
export function invoiceState(
  invoice: { total: Minor; draft: boolean; voided: boolean },
  settled: Settlement,
): InvoiceState {
  if (invoice.voided) return 'void';
  if (invoice.draft) return 'draft';
  const open = openAmount(invoice.total, settled);
  if (open <= 0) return settled.writtenOff > 0 ? 'written_off' : 'paid';
  return settled.paid + settled.credited + settled.writtenOff > 0 ? 'partially_paid' : 'open';
}
