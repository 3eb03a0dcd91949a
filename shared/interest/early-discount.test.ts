import { describe, expect, it } from 'vitest';
import { earlyPaymentCredit } from './early-discount';

const invoice = {
  issueDate: '2027-03-15',
  total: 14_400,
  discount: { percent: '2', withinDays: 10 },
};

describe('earlyPaymentCredit', () => {
  it('credits the 2% when £141.12 of £144.00 is paid by the 10th day', () => {
    // 2% of £144.00 = £2.88; £144.00 − £141.12 leaves £2.88 open: credited.
    expect(earlyPaymentCredit({ ...invoice, openAfter: 288 }, '2027-03-25')).toBe(288);
    // Paid a little more than the discounted price: only what is left is credited.
    expect(earlyPaymentCredit({ ...invoice, openAfter: 100 }, '2027-03-15')).toBe(100);
  });

  it('gives nothing late, short or without a discount', () => {
    expect(earlyPaymentCredit({ ...invoice, openAfter: 288 }, '2027-03-26')).toBe(0);
    expect(earlyPaymentCredit({ ...invoice, openAfter: 289 }, '2027-03-20')).toBe(0);
    expect(earlyPaymentCredit({ ...invoice, openAfter: 0 }, '2027-03-20')).toBe(0);
    expect(earlyPaymentCredit({ ...invoice, discount: null, openAfter: 288 }, '2027-03-20')).toBe(
      0,
    );
  });
});
