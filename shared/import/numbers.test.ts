/**
 * Decimal points and decimal commas: what one value says, what a file settles on, and the
 * amounts read straight to minor units in either format. Table tests, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseImportAmount } from './amounts';
import { NumberFormatVote, numberEvidence, type NumberEvidence } from './numbers';

describe('what one value says about the file', () => {
  it.each<[string, NumberEvidence]>([
    ['1.234,56', 'comma'],
    ['1 234,56', 'comma'],
    ['1\u00a0234,56', 'comma'],
    ['-12,5', 'comma'],
    ['0,500', 'comma'],
    ['12,50 €', 'comma'],
    ['1.234.567', 'comma'],
    ['1,234.56', 'dot'],
    ['$13.50 ', 'dot'],
    ['(400.00)', 'dot'],
    ['1,234,567', 'dot'],
    ['3.1416', 'dot'],
    ['1 234.5', 'dot'],
    ['1,234', 'either'],
    ['1.234', 'either'],
    ['-1.234', 'either'],
    ['1234', 'none'],
    ['', 'none'],
    ['EUR 500', 'none'],
  ])('%j → %s', (text, evidence) => {
    expect(numberEvidence(text)).toBe(evidence);
  });
});

describe('what a file settles on', () => {
  const vote = (values: string[]) => {
    const v = new NumberFormatVote();
    values.forEach((value) => v.note(value));
    return v;
  };

  it('one value that reads only one way settles the file', () => {
    expect(vote(['1,234', '12,5']).settled('dot')).toBe('comma');
    expect(vote(['1.234', '1,234.50']).settled('dot')).toBe('dot');
  });

  it('whole numbers say nothing: the fallback stands', () => {
    expect(vote(['100', '2500', '']).settled('dot')).toBe('dot');
    expect(vote(['100']).settled('comma')).toBe('comma');
  });

  it('asks when every value could be read either way, with a few of them', () => {
    const v = vote(['1,234', '2,500', '1,234', '3,000', '4,000']);
    expect(v.settled('dot')).toBeNull();
    expect(v.examples).toEqual(['1,234', '2,500', '3,000']);
    expect(v.mixed()).toBe(false);
  });

  it('asks when values are written both ways', () => {
    const v = vote(['1.234,56', '1,234.56']);
    expect(v.settled('dot')).toBeNull();
    expect(v.mixed()).toBe(true);
  });
});

describe('amounts in either format, straight to minor units', () => {
  it.each<[string, string, 'dot' | 'comma', number]>([
    ['1.234,56', 'EUR', 'comma', 123456],
    ['1 234,56', 'EUR', 'comma', 123456],
    ['-12,5', 'EUR', 'comma', -1250],
    ['12,50 EUR', 'EUR', 'comma', 1250],
    ['(1.000,00)', 'EUR', 'comma', -100000],
    ['1.234', 'KWD', 'dot', 1234],
    ['1.234', 'KWD', 'comma', 1234000],
    ['1.234', 'JPY', 'comma', 1234],
    ['1,234.56', 'USD', 'dot', 123456],
  ])('%j in %s with a decimal %s → %d', (text, currency, format, minor) => {
    expect(parseImportAmount(text, currency, format)).toEqual({ ok: true, minor });
  });

  it('refuses more decimals than the currency has, rather than rounding', () => {
    expect(parseImportAmount('1,234', 'EUR', 'comma')).toEqual({
      ok: false,
      reason: 'too_many_decimals',
    });
    expect(parseImportAmount('12,5', 'JPY', 'comma')).toEqual({
      ok: false,
      reason: 'too_many_decimals',
    });
  });
});
