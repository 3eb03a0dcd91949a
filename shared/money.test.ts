import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  formatMoney,
  minorToDecimalString,
  multiplyMinor,
  parseAmount,
  parseDecimal,
  percentOf,
} from './money';

const minor = (text: string, currency = 'GBP', options = {}) => {
  const parsed = parseAmount(text, currency, options);
  return parsed.ok ? parsed.minor : parsed.reason;
};

describe('parsing amounts', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['0.01', 1],
    ['1,234.56', 123456],
    ['£1,234.56 ', 123456],
    ['$13.50 ', 1350],
    ['  -12.34', -1234],
    ['(400.00)', -40000],
    ['GBP 99.99', 9999],
    ['1 234.50', 123450],
    ['-0', 0],
  ])('reads "%s" as %i pence', (text, expected) => {
    expect(minor(text)).toBe(expected);
  });

  it('reads a decimal comma when told to', () => {
    expect(minor('1.234,56', 'EUR', { decimalSeparator: ',' })).toBe(123456);
    expect(minor('€ 12,5', 'EUR', { decimalSeparator: ',' })).toBe(1250);
  });

  it('knows currencies without and with three decimals', () => {
    expect(minor('1,250', 'JPY')).toBe(1250);
    expect(minor('1250.00', 'JPY')).toBe(1250);
    expect(minor('12.5', 'JPY')).toBe('too_many_decimals');
    expect(minor('1.234', 'KWD')).toBe(1234);
    expect(minor('1.2345', 'KWD')).toBe('too_many_decimals');
  });

  it('refuses what is not an amount, rather than guessing', () => {
    expect(minor('')).toBe('empty');
    expect(minor('twelve')).toBe('not_a_number');
    expect(minor('1.2.3')).toBe('not_a_number');
    expect(minor('12.345')).toBe('too_many_decimals');
    expect(minor('99999999999999999999')).toBe('too_large');
  });

  it('round-trips every amount through its decimal string', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('GBP', 'JPY', 'KWD'),
        (amount, currency) => {
          expect(minor(minorToDecimalString(amount, currency), currency)).toBe(amount);
        },
      ),
    );
  });
});

describe('exact arithmetic', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(7n, 3n)).toBe(2n);
    expect(divideRounded(-7n, 3n)).toBe(-2n);
    expect(divideRounded(1n, 2n)).toBe(1n);
    expect(divideRounded(1n, 3n)).toBe(0n);
  });

  it('multiplies by decimal quantities and percentages without floats', () => {
    expect(multiplyMinor(4999, parseDecimal('1.5')!)).toBe(7499); // 7498.5 → 7499
    expect(multiplyMinor(-4999, parseDecimal('1.5')!)).toBe(-7499);
    expect(multiplyMinor(333, parseDecimal('0.333')!)).toBe(111); // 110.889
    expect(percentOf(7499, parseDecimal('20')!)).toBe(1500); // 1499.8
    expect(percentOf(1000, parseDecimal('17.5')!)).toBe(175);
    expect(percentOf(1, parseDecimal('50')!)).toBe(1); // 0.5 → 1
    // 0.1 + 0.2 never appears: 3 × 0.10 is exactly 0.30.
    expect(multiplyMinor(10, parseDecimal('3')!)).toBe(30);
  });

  it('refuses results beyond the safe integer bound', () => {
    expect(() => multiplyMinor(Number.MAX_SAFE_INTEGER, parseDecimal('2')!)).toThrow(/too large/);
  });
});

describe('formatting amounts', () => {
  it('follows the locale and the currency', () => {
    expect(formatMoney(123456, 'GBP', 'en-GB')).toBe('£1,234.56');
    expect(formatMoney(-1250, 'EUR', 'en-IE')).toBe('-€12.50');
    expect(formatMoney(1250, 'JPY', 'en-GB')).toBe('JP¥1,250');
    expect(formatMoney(1234, 'KWD', 'en-GB')).toBe('KWD\u00a01.234');
    expect(formatMoney(100, 'USD', 'en-US')).toBe('$1.00');
  });

  it('keeps every digit of large amounts', () => {
    expect(formatMoney(900719925474099, 'GBP', 'en-GB')).toBe('£9,007,199,254,740.99');
  });
});
