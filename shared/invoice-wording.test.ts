import { describe, expect, it } from 'vitest';
import { anyLineRounded, contactRoute, discountOffer, howToPay } from './invoice-wording';
import type { InvoiceLine } from './ledger';

const invoice = {
  issueDate: '2027-03-15',
  total: 14_400,
  open: 14_400,
  currency: 'GBP',
  discount: { percent: '2', withinDays: 10 },
};

describe('discountOffer', () => {
  it('gives the last day and the discounted amount while nothing is paid', () => {
    expect(discountOffer(invoice, 'en-GB')).toBe(
      '2% discount if paid within 10 days, by 25 March 2027: £141.12 instead of £144.00.',
    );
  });

  it('rounds the discount half away from zero, like every other amount', () => {
    // 2.5% of £1.00 is 2.5p → 3p.
    expect(
      discountOffer(
        { ...invoice, total: 100, open: 100, discount: { percent: '2.5', withinDays: 7 } },
        'en-US',
      ),
    ).toBe('2.5% discount if paid within 7 days, by March 22, 2027: £0.97 instead of £1.00.');
  });

  it('leaves the amount out once something has been paid', () => {
    expect(discountOffer({ ...invoice, open: 4_400 }, 'en-GB')).toBe(
      '2% discount if paid within 10 days, by 25 March 2027.',
    );
  });

  it('reads naturally for a same-day discount, and is absent without one', () => {
    expect(discountOffer({ ...invoice, discount: { percent: '5', withinDays: 0 } }, 'en-GB')).toBe(
      '5% discount if paid on the invoice date, 15 March 2027: £136.80 instead of £144.00.',
    );
    expect(discountOffer({ ...invoice, discount: null }, 'en-GB')).toBeNull();
  });
});

describe('howToPay', () => {
  it('keeps the instructions verbatim and asks for the reference', () => {
    expect(howToPay('Sort code 20-00-00\n  Account 12345678\n\n', 'INV-7', 'a@b.example')).toBe(
      'Sort code 20-00-00\n  Account 12345678\n\nPlease quote invoice number INV-7 with your payment, so we can match it.',
    );
  });

  it('says where to ask when there are no details', () => {
    expect(howToPay('  ', 'INV-7', contactRoute({ email: 'a@b.example', phone: '0163' }))).toBe(
      'Please get in touch (a@b.example or 0163) for payment details.',
    );
    expect(howToPay('', 'INV-7', '')).toBe('Please get in touch for payment details.');
  });
});

describe('anyLineRounded', () => {
  const line = (quantity: string, unitPrice: number, taxRate: string | null, net: number) =>
    ({ description: 'x', quantity, unitPrice, taxRate, net, tax: 0 }) satisfies InvoiceLine;

  it('is false when every amount and tax came out whole', () => {
    expect(anyLineRounded([line('2', 1_000, '20', 2_000), line('1.5', 200, null, 300)])).toBe(
      false,
    );
  });

  it('is true when an amount or a tax was rounded', () => {
    expect(anyLineRounded([line('3.5', 437, null, 1_530)])).toBe(true);
    expect(anyLineRounded([line('1', 1_001, '20', 1_001)])).toBe(true);
  });
});
