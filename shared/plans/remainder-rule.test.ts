import { describe, expect, it } from 'vitest';
import { formatMoney } from '../money';
import { paymentsAt, remainderSentence, shapeProblem, splitBalance } from './remainder-rule';

const gbp = (amount: number) => formatMoney(amount, 'GBP', 'en-GB');

describe('splitting a balance into a number of payments', () => {
  it('gives equal payments when it divides exactly', () => {
    expect(splitBalance(90000, { count: 3 })).toEqual({
      amounts: [30000, 30000, 30000],
      rule: { kind: 'equal', count: 3, amount: 30000 },
    });
  });

  it('puts the remainder on the first payments, one minor unit each', () => {
    expect(splitBalance(100000, { count: 3 })).toEqual({
      amounts: [33334, 33333, 33333],
      rule: { kind: 'first_larger', count: 3, largerCount: 1, larger: 33334, amount: 33333 },
    });
    expect(splitBalance(1000, { count: 7 }).amounts).toEqual([143, 143, 143, 143, 143, 143, 142]);
  });

  it('is exact for the largest safe amounts', () => {
    const balance = Number.MAX_SAFE_INTEGER;
    const { amounts } = splitBalance(balance, { count: 520 });
    expect(amounts.reduce((sum, a) => BigInt(a) + sum, 0n)).toBe(BigInt(balance));
    expect(Math.max(...amounts) - Math.min(...amounts)).toBe(1);
  });

  it('gives one payment of everything for a count of one', () => {
    expect(splitBalance(12345, { count: 1 }).amounts).toEqual([12345]);
    expect(splitBalance(12345, { count: 1, roundTo: 1000 }).amounts).toEqual([12345]);
  });
});

describe('round amounts', () => {
  it('takes the largest round amount that fits, and a final balloon takes the rest', () => {
    expect(splitBalance(100000, { count: 3, roundTo: 1000 })).toEqual({
      amounts: [33000, 33000, 34000],
      rule: { kind: 'last_balloon', count: 3, amount: 33000, last: 34000, roundTo: 1000 },
    });
    expect(splitBalance(123456, { count: 4, roundTo: 500 }).amounts).toEqual([
      30500, 30500, 30500, 31956,
    ]);
  });

  it('are equal when the balance allows', () => {
    expect(splitBalance(120000, { count: 4, roundTo: 5000 }).rule).toEqual({
      kind: 'equal',
      count: 4,
      amount: 30000,
    });
  });
});

describe('an amount per payment', () => {
  it('makes the last one smaller, and counts up', () => {
    expect(splitBalance(100000, { amount: 15000 })).toEqual({
      amounts: [15000, 15000, 15000, 15000, 15000, 15000, 10000],
      rule: { kind: 'last_smaller', count: 7, amount: 15000, last: 10000 },
    });
    expect(paymentsAt(100000, 15000)).toBe(7);
  });

  it('is equal when it divides exactly, and one payment when it covers everything', () => {
    expect(splitBalance(100000, { amount: 25000 }).rule).toEqual({
      kind: 'equal',
      count: 4,
      amount: 25000,
    });
    expect(splitBalance(100000, { amount: 500000 }).amounts).toEqual([100000]);
  });
});

describe('shapes that cannot work', () => {
  it('refuse more payments than there are minor units', () => {
    expect(shapeProblem(5, { count: 10 }, 520, gbp)).toEqual({
      field: 'count',
      message: '£0.05 cannot be split into 10 payments of at least £0.01; at most 5 payments.',
    });
    expect(shapeProblem(5, { count: 5 }, 520, gbp)).toBeNull();
  });

  it('refuse an amount that would take more than the most payments', () => {
    expect(shapeProblem(100000, { amount: 100 }, 520, gbp)).toMatchObject({ field: 'amount' });
    expect(shapeProblem(52000, { amount: 100 }, 520, gbp)).toBeNull();
    expect(shapeProblem(52001, { amount: 100 }, 520, gbp)?.message).toContain('521 payments');
  });

  it('refuse a round amount larger than each share', () => {
    expect(shapeProblem(10000, { count: 3, roundTo: 5000 }, 520, gbp)).toMatchObject({
      field: 'roundTo',
    });
    expect(shapeProblem(15000, { count: 3, roundTo: 5000 }, 520, gbp)).toBeNull();
  });
});

describe('the sentence for the agreement', () => {
  const say = (balance: number, shape: Parameters<typeof splitBalance>[1], currency = 'GBP') =>
    remainderSentence(splitBalance(balance, shape).rule, balance, currency, 'en-GB');

  it('says where the remainder goes', () => {
    expect(say(90000, { count: 3 })).toBe('The 3 payments are equal: £300.00 each.');
    expect(say(100000, { count: 3 })).toBe(
      '£1,000.00 does not split exactly into 3 payments, so the first is £333.34 and the other 2 are £333.33.',
    );
    expect(say(100002, { count: 4 })).toBe(
      '£1,000.02 does not split exactly into 4 payments, so the first 2 are £250.01 and the other 2 are £250.00.',
    );
    expect(say(1003, { count: 4 })).toBe(
      '£10.03 does not split exactly into 4 payments, so the first 3 are £2.51 and the last is £2.50.',
    );
    expect(say(100000, { amount: 15000 })).toBe(
      'Each payment is £150.00, and the last, smaller one of £100.00 clears the balance: 7 payments in all.',
    );
    expect(say(100000, { count: 3, roundTo: 1000 })).toBe(
      'Each payment is a round £330.00, and the last one of £340.00 takes in what is left: 3 payments in all.',
    );
    expect(say(12345, { count: 1 })).toBe('One payment of £123.45 clears the balance.');
  });

  it('speaks each currency in its own minor units', () => {
    expect(say(100000, { count: 3 }, 'JPY')).toBe(
      'JP¥100,000 does not split exactly into 3 payments, so the first is JP¥33,334 and the other 2 are JP¥33,333.',
    );
    expect(say(1000, { count: 3 }, 'KWD')).toBe(
      'KWD\u00a01.000 does not split exactly into 3 payments, so the first is KWD\u00a00.334 and the other 2 are KWD\u00a00.333.',
    );
  });
});
