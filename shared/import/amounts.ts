/**
 * Amounts as exports write them ("$13.50 ", "$-142.85", "($400.00)", "1,020.00", "12 EUR"),
 * straight to minor units through shared/money.ts. That parser is lenient about what stands
 * around the number; a file's cell can hold anything, so the shape is checked first: a sign,
 * brackets, a currency symbol or code, and digits with separators, nothing else. Otherwise
 * "private-value-1" would read as -1.
 */
import { parseAmount, type AmountParse } from '../money';
import type { NumberFormat } from './numbers';

const amountShape =
  /^\(?\s*[-+]?\s*(?:[A-Z]{1,3}\s?)?[^\w\s.,()+-]?\s*[-+]?\s*\d[\d.,'\s\u00a0\u202f]*\s*(?:[A-Z]{3})?\s*\)?$/;

/** `format` is the file's (see numbers.ts): with a decimal comma, dots and spaces group. */
export function parseImportAmount(
  text: string,
  currency: string,
  format: NumberFormat = 'dot',
): AmountParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!amountShape.test(trimmed)) return { ok: false, reason: 'not_a_number' };
  return parseAmount(trimmed, currency, { decimalSeparator: format === 'comma' ? ',' : '.' });
}
