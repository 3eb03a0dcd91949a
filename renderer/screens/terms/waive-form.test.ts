import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/money';
import { allLeft, readWaiverAmount } from './waive-form';

const claim = { open: 9768, currency: 'GBP' };
const money = (amount: number) => formatMoney(amount, 'GBP', 'en-GB');

describe('the waiver amount', () => {
  it('starts with all that is left, as typed', () => {
    expect(allLeft(claim)).toBe('97.68');
    expect(allLeft({ open: 1500, currency: 'JPY' })).toBe('1500');
  });

  it.each([
    ['20', 2000, 7768],
    ['20.5', 2050, 7718],
    ['£20.50 ', 2050, 7718],
    ['97.68', 9768, 0],
  ])('reads %j as %i minor units, leaving %i', (text, amount, left) => {
    expect(readWaiverAmount(text, claim, money)).toEqual({ ok: true, amount, left });
  });

  it.each([
    ['', 'Please enter an amount.'],
    ['abc', 'Please enter an amount like 125.50.'],
    ['0', 'Please waive more than nothing.'],
    ['0.00', 'Please waive more than nothing.'],
    ['-5', 'Please waive more than nothing.'],
    ['97.69', 'That is more than the £97.68 left of this charge.'],
    ['1.234', 'GBP amounts have at most 2 decimals.'],
  ])('refuses %j: %s', (text, problem) => {
    expect(readWaiverAmount(text, claim, money)).toEqual({ ok: false, problem });
  });
});
