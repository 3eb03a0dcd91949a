import { describe, expect, it } from 'vitest';
import { currencyCodes, isKnownCurrency, minorUnitsOf } from './currencies';

describe('currencies', () => {
  it('knows the minor units of currencies with 0, 2 and 3 decimals', () => {
    expect(minorUnitsOf('GBP')).toBe(2);
    expect(minorUnitsOf('EUR')).toBe(2);
    expect(minorUnitsOf('JPY')).toBe(0);
    expect(minorUnitsOf('KWD')).toBe(3);
  });

  it('refuses codes that are not ISO 4217 currencies, or not in capitals', () => {
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(isKnownCurrency('gbp')).toBe(false);
    expect(() => minorUnitsOf('XYZ')).toThrow(/Unknown currency XYZ/);
  });

  it('lists each code once, sorted, each three capitals', () => {
    expect(new Set(currencyCodes).size).toBe(currencyCodes.length);
    expect([...currencyCodes].sort()).toEqual(currencyCodes);
    expect(currencyCodes.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(currencyCodes.length).toBeGreaterThan(140);
  });
});
