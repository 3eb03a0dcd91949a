/**
 * The early-payment discount, honoured: when a payment dated within the discount window
 * leaves no more open on the invoice than the discount, the rest is credited. Never more than
 * the discount (percent of the invoice total, rounded half away from zero), never after the
 * window (issue date + days, inclusive).
 */
import { addDays, type CalendarDate } from '../dates';
import { parseDecimal, percentOf, type Minor } from '../money';

export interface DiscountedInvoice {
  issueDate: CalendarDate;
  total: Minor;
  /** Open once the payment is applied. */
  openAfter: Minor;
  discount: { percent: string; withinDays: number } | null;
}

/** The credit that settles the invoice at its discounted price, or 0. */
export function earlyPaymentCredit(invoice: DiscountedInvoice, paidOn: CalendarDate): Minor {
  if (!invoice.discount || invoice.openAfter <= 0) return 0;
  if (paidOn > addDays(invoice.issueDate, invoice.discount.withinDays)) return 0;
  const percent = parseDecimal(invoice.discount.percent);
  if (!percent) return 0;
  const discount = percentOf(invoice.total, percent);
  return invoice.openAfter <= discount ? invoice.openAfter : 0;
}
