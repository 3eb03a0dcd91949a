/**
 * Sentences about an invoice that the PDF prints and that letters can repeat word for word:
 * the early-payment discount, how to pay, and whether a rounding note is needed. Every figure
 * and date comes from the ledger, never typed in.
 */
import { formatCalendarDate } from './date-format';
import { addDays } from './dates';
import type { Invoice, InvoiceLine } from './ledger';
import { formatMoney, parseDecimal, percentOf } from './money';

/** "accounts@jones.example or 01632 960 001", or '' when there is neither. */
export function contactRoute(business: { email: string; phone: string }): string {
  return [business.email.trim(), business.phone.trim()].filter(Boolean).join(' or ');
}

/**
 * "2% discount if paid within 10 days, by 25 March 2027: £141.12 instead of £144.00."
 * The discounted figure is given only while nothing has been paid or credited: it is then
 * exactly what to send, and afterwards it would not be.
 */
export function discountOffer(
  invoice: Pick<Invoice, 'discount' | 'issueDate' | 'total' | 'open' | 'currency'>,
  locale: string,
): string | null {
  if (!invoice.discount) return null;
  const { percent, withinDays } = invoice.discount;
  const by = formatCalendarDate(addDays(invoice.issueDate, withinDays), locale);
  const when =
    withinDays === 0
      ? `if paid on the invoice date, ${by}`
      : `if paid within ${withinDays} days, by ${by}`;
  const offer = `${percent}% discount ${when}`;
  const rate = parseDecimal(percent);
  if (!rate || invoice.open !== invoice.total || invoice.total <= 0) return `${offer}.`;
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const discounted = invoice.total - percentOf(invoice.total, rate);
  return `${offer}: ${money(discounted)} instead of ${money(invoice.total)}.`;
}

/**
 * Every way to pay, exactly as the business wrote it, and the reference that lets them match
 * the payment; or, when no details are set, where to ask for them.
 */
export function howToPay(
  paymentInstructions: string,
  invoiceNumber: string,
  contact: string,
): string {
  const instructions = paymentInstructions.replace(/\s+$/, '');
  if (instructions.trim() === '') {
    return `Please get in touch${contact ? ` (${contact})` : ''} for payment details.`;
  }
  return `${instructions}\n\nPlease quote invoice number ${invoiceNumber} with your payment, so we can match it.`;
}

/**
 * True when some line's amount (quantity × unit price) or tax had to be rounded to a whole
 * minor unit: only then is the rounding rule worth a note on the invoice.
 */
export function anyLineRounded(lines: readonly InvoiceLine[]): boolean {
  return lines.some((line) => {
    const quantity = parseDecimal(line.quantity);
    if (quantity && (BigInt(line.unitPrice) * quantity.digits) % 10n ** BigInt(quantity.scale)) {
      return true;
    }
    // Tax is worked out from the rounded line amount (see lineTotals in invoices.ts).
    const rate = line.taxRate ? parseDecimal(line.taxRate) : null;
    return (
      rate !== null && (BigInt(line.net) * rate.digits) % (100n * 10n ** BigInt(rate.scale)) !== 0n
    );
  });
}
