import { describe, expect, it } from 'vitest';
import { minorFromSql } from './sql-helpers';

describe('sums read back from SQL', () => {
  it('are whole minor units, with nothing summed as zero', () => {
    expect(minorFromSql(12345)).toBe(12345);
    expect(minorFromSql(12345n)).toBe(12345);
    expect(minorFromSql(null)).toBe(0);
    expect(minorFromSql(undefined)).toBe(0);
  });

  it('refuse anything that is not, rather than carry a wrong figure on', () => {
    expect(() => minorFromSql(12.5)).toThrow(/not a whole number/);
    expect(() => minorFromSql('12')).toThrow(/not a whole number/);
    expect(() => minorFromSql(2 ** 60)).toThrow(/not a whole number/);
  });
});
