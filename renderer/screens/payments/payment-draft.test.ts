import { describe, expect, it } from 'vitest';
import {
  amountOf,
  leftAsCredit,
  paymentFieldOf,
  toRecordPayment,
  type PaymentFormValues,
} from './payment-draft';

const values = (changes: Partial<PaymentFormValues> = {}): PaymentFormValues => ({
  amount: '£1,000.50',
  date: '2027-03-14',
  currency: 'GBP',
  method: ' Bank transfer ',
  reference: '',
  mode: 'oldest',
  hand: {},
  ...changes,
});

describe('toRecordPayment', () => {
  it('leaves the allocation to the ledger unless chosen by hand', () => {
    expect(toRecordPayment(values(), 7, [1, 2])).toEqual({
      ok: true,
      input: {
        customerId: 7,
        date: '2027-03-14',
        amount: 100050,
        currency: 'GBP',
        method: 'Bank transfer',
      },
      allocatedIds: [],
    });
  });

  it('sends the amounts chosen by hand, in the order of the open invoices', () => {
    const draft = toRecordPayment(
      values({ mode: 'hand', hand: { '2': '300', '1': '0', '3': '' } }),
      7,
      [1, 2, 3],
    );
    expect(draft.ok && draft.input.allocations).toEqual([{ invoiceId: 2, amount: 30000 }]);
    expect(draft.ok && draft.allocatedIds).toEqual([2]);
  });

  it('names the amounts it cannot read', () => {
    const draft = toRecordPayment(
      values({ amount: '12.345', mode: 'hand', hand: { '1': 'lots', '2': '-5' } }),
      7,
      [1, 2],
    );
    expect(!draft.ok && draft.issues.map((i) => i.field)).toEqual(['amount', 'hand.1', 'hand.2']);
  });
});

describe('leftAsCredit and amountOf', () => {
  it('shows what stays as credit as the owner types', () => {
    expect(amountOf(values())).toBe(100050);
    expect(leftAsCredit(values({ hand: { '1': '400.25', '2': '100' } }), [1, 2])).toBe(50025);
    expect(leftAsCredit(values({ amount: '' }), [1])).toBeNull();
  });
});

describe('paymentFieldOf', () => {
  it('puts an allocation message beside its invoice', () => {
    expect(paymentFieldOf('allocations.1.amount', [5, 9])).toBe('hand.9');
    expect(paymentFieldOf('allocations', [5])).toBeNull();
    expect(paymentFieldOf('date', [])).toBe('date');
  });
});
