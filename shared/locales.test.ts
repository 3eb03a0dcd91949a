import { describe, expect, it } from 'vitest';
import { closestSupportedLocale, usualCurrencyFor } from './locales';

describe('locales', () => {
  it('matches what browsers and systems report', () => {
    expect(closestSupportedLocale('en-AU')).toBe('en-AU');
    expect(closestSupportedLocale('en_US.UTF-8')).toBe('en-US');
    expect(closestSupportedLocale('EN-gb')).toBe('en-GB');
  });

  it('falls back to British English for anything else', () => {
    expect(closestSupportedLocale('de-DE')).toBe('en-GB');
    expect(closestSupportedLocale(undefined)).toBe('en-GB');
    expect(closestSupportedLocale('C')).toBe('en-GB');
  });

  it('suggests the local currency', () => {
    expect(usualCurrencyFor('en-IE')).toBe('EUR');
    expect(usualCurrencyFor('en-US')).toBe('USD');
  });
});
