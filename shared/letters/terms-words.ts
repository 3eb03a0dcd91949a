/** Payment terms as a letter restates them: "payment within 30 days of the invoice date". */
import type { PaymentTerms } from '../invoices';

export function termsInWords(terms: Pick<PaymentTerms, 'kind'> & { days?: number }): string {
  const days = terms.days ?? 0;
  switch (terms.kind) {
    case 'on_receipt':
      return 'payment on receipt of the invoice';
    case 'net':
      return `payment within ${days} ${days === 1 ? 'day' : 'days'} of the invoice date`;
    case 'end_of_month':
      return days === 0
        ? 'payment by the end of the month of the invoice'
        : `payment ${days} days after the end of the month of the invoice`;
    case 'fixed_date':
      return 'payment by the date on the invoice';
  }
}
