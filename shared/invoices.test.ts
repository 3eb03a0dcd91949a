import { describe, expect, it } from 'vitest';
import { describeTerms, dueDateFor, invoiceState, invoiceTotals, lineTotals } from './invoices';

describe('invoice totals', () => {
  it('rounds each line, half away from zero, and adds the rounded lines', () => {
    expect(
      lineTotals({
        description: 'Boiler service',
        quantity: '1.5',
        unitPrice: 4999,
        taxRate: '20',
      }),
    ).toEqual({
      net: 7499,
      tax: 1500,
      total: 8999,
    });
    const totals = invoiceTotals([
      { description: 'a', quantity: '1', unitPrice: 5, taxRate: '10' }, // tax 0.5 → 1
      { description: 'b', quantity: '1', unitPrice: 5, taxRate: '10' },
      { description: 'c', quantity: '1', unitPrice: 5, taxRate: '10' },
    ]);
    // Per line: 1 + 1 + 1 = 3, not round(1.5) = 2 on the sum: the printed lines add up.
    expect(totals).toMatchObject({ net: 15, tax: 3, total: 18 });
  });

  it('handles lines without tax, fractional quantities and discounts as negative prices', () => {
    expect(
      invoiceTotals([
        { description: 'Hours', quantity: '2.25', unitPrice: 4000 },
        { description: 'Loyalty discount', quantity: '1', unitPrice: -1000, taxRate: null },
      ]),
    ).toMatchObject({ net: 8000, tax: 0, total: 8000 });
  });

  it('works in currencies with no or three decimals', () => {
    expect(lineTotals({ description: 'x', quantity: '3', unitPrice: 333, taxRate: '10' })).toEqual({
      net: 999,
      tax: 100,
      total: 1099,
    });
    expect(
      lineTotals({ description: 'x', quantity: '0.333', unitPrice: 1000, taxRate: '5' }),
    ).toEqual({ net: 333, tax: 17, total: 350 });
  });
});

describe('payment terms', () => {
  it('work out the due date', () => {
    expect(dueDateFor('2027-01-10', { kind: 'on_receipt' })).toBe('2027-01-10');
    expect(dueDateFor('2027-01-10', { kind: 'net', days: 30 })).toBe('2027-02-09');
    expect(dueDateFor('2027-01-31', { kind: 'net', days: 30 })).toBe('2027-03-02');
    expect(dueDateFor('2027-01-10', { kind: 'end_of_month', days: 0 })).toBe('2027-01-31');
    expect(dueDateFor('2028-02-03', { kind: 'end_of_month', days: 15 })).toBe('2028-03-15');
    expect(dueDateFor('2027-01-10', { kind: 'fixed_date' }, '2027-04-01')).toBe('2027-04-01');
  });

  it('are stated in plain words', () => {
    expect(describeTerms({ kind: 'net', days: 30 }, '9 February 2027')).toBe(
      'Payment is due within 30 days of the invoice date, by 9 February 2027.',
    );
    expect(describeTerms({ kind: 'on_receipt' }, 'x')).toBe(
      'Payment is due on receipt of this invoice.',
    );
  });
});

describe('invoice states', () => {
  const none = { paid: 0, credited: 0, writtenOff: 0 };
  const invoice = { total: 1000, draft: false, voided: false };
  it('follow from the rows', () => {
    expect(invoiceState(invoice, none)).toBe('open');
    expect(invoiceState(invoice, { ...none, paid: 400 })).toBe('partially_paid');
    expect(invoiceState(invoice, { ...none, paid: 600, credited: 400 })).toBe('paid');
    expect(invoiceState(invoice, { ...none, paid: 600, writtenOff: 400 })).toBe('written_off');
    expect(invoiceState({ ...invoice, draft: true }, none)).toBe('draft');
    expect(invoiceState({ ...invoice, voided: true }, none)).toBe('void');
    expect(invoiceState({ ...invoice, total: 0 }, none)).toBe('paid');
  });
});
