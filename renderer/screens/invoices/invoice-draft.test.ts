import { describe, expect, it } from 'vitest';
import {
  blankInvoice,
  blankLine,
  dueDateOf,
  formFieldOf,
  liveTotals,
  toNewInvoice,
  type InvoiceFormValues,
} from './invoice-draft';

function draft(changes: Partial<InvoiceFormValues> = {}): InvoiceFormValues {
  return {
    ...blankInvoice({ today: '2027-01-10', currency: 'GBP', customerId: 4 }),
    ...changes,
  };
}

const line = (quantity: string, unitPrice: string, taxRate = '') => ({
  ...blankLine(),
  description: 'Work',
  quantity,
  unitPrice,
  taxRate,
});

describe('dueDateOf', () => {
  it('works the due date out from the terms', () => {
    expect(dueDateOf(draft())).toBe('2027-02-09');
    expect(dueDateOf(draft({ termsKind: 'end_of_month', termsDays: 15 }))).toBe('2027-02-15');
    expect(dueDateOf(draft({ termsKind: 'on_receipt' }))).toBe('2027-01-10');
    expect(dueDateOf(draft({ termsKind: 'fixed_date', dueDate: '2027-04-01' }))).toBe('2027-04-01');
  });

  it('waits for complete dates and days', () => {
    expect(dueDateOf(draft({ termsDays: '' }))).toBeNull();
    expect(dueDateOf(draft({ issueDate: '2027-02-30' }))).toBeNull();
    expect(dueDateOf(draft({ termsKind: 'fixed_date' }))).toBeNull();
  });
});

describe('liveTotals', () => {
  it('adds the lines as typed, each rounded half away from zero', () => {
    const live = liveTotals(
      draft({ lines: [line('1', '240.00', '20'), line('2', '£17.50', '20'), line('1.5', '0.25')] }),
    );
    // 1.5 × 0.25 = 0.375 → 0.38
    expect(live.lines.map((l) => l?.total)).toEqual([28800, 4200, 38]);
    expect(live.totals).toMatchObject({ net: 27538, tax: 5500, total: 33038 });
    expect(live.complete).toBe(true);
  });

  it('leaves out a line until its numbers make sense', () => {
    const live = liveTotals(
      draft({ lines: [line('1.5.5', '10'), line('2', 'ten'), line('1', '5')] }),
    );
    expect(live.lines).toEqual([null, null, { net: 500, tax: 0, total: 500 }]);
    expect(live.totals.total).toBe(500);
    expect(live.complete).toBe(false);
  });
});

describe('toNewInvoice', () => {
  it('reads prices to minor units and leaves the number to the sequence when blank', () => {
    const result = toNewInvoice(draft({ lines: [line('1.5', '1,250.50', '20')], notes: ' ' }));
    expect(result).toEqual({
      ok: true,
      input: {
        customerId: 4,
        issueDate: '2027-01-10',
        terms: { kind: 'net', days: 30 },
        currency: 'GBP',
        lines: [{ description: 'Work', quantity: '1.5', unitPrice: 125050, taxRate: '20' }],
      },
    });
  });

  it('names each field it cannot read', () => {
    const result = toNewInvoice(
      draft({ customerId: null, termsDays: '', lines: [line('1', '12.345'), line('1', '')] }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.field)).toEqual([
      'customerId',
      'termsDays',
      'lines.0.unitPrice',
      'lines.1.unitPrice',
    ]);
  });

  it('sends a fixed due date, and a draft when asked', () => {
    const result = toNewInvoice(
      draft({ termsKind: 'fixed_date', dueDate: '2027-03-01', lines: [line('1', '5')] }),
      { draft: true },
    );
    expect(result.ok && result.input).toMatchObject({
      dueDate: '2027-03-01',
      terms: { kind: 'fixed_date' },
      draft: true,
    });
  });
});

describe('formFieldOf', () => {
  it('maps the API fields onto the form', () => {
    expect(formFieldOf('lines.0.quantity')).toBe('lines.0.quantity');
    expect(formFieldOf('terms.days')).toBe('termsDays');
    expect(formFieldOf('lines')).toBeNull();
  });
});

describe('the early-payment discount', () => {
  it('is sent only when a percentage is given', () => {
    const withDiscount = toNewInvoice(
      draft({ lines: [line('1', '100')], discountPercent: ' 2.5 ', discountDays: 7 }),
    );
    expect(withDiscount).toMatchObject({
      ok: true,
      input: { discount: { percent: '2.5', withinDays: 7 } },
    });
    const without = toNewInvoice(draft({ lines: [line('1', '100')] }));
    expect(without.ok && 'discount' in without.input).toBe(false);
  });

  it('needs its days, and shows the server’s messages on its fields', () => {
    expect(
      toNewInvoice(draft({ lines: [line('1', '100')], discountPercent: '2', discountDays: '' })),
    ).toEqual({
      ok: false,
      issues: [{ field: 'discountDays', message: 'Please give a number of days, from 0 to 366.' }],
    });
    expect(formFieldOf('discount.percent')).toBe('discountPercent');
    expect(formFieldOf('discount.withinDays')).toBe('discountDays');
  });
});
