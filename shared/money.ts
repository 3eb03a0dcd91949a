/**
 * Money: integer minor units (pence, cents, yen, fils) with an ISO 4217 currency, never a
 * float. Decimal strings ("12.50", "1,234.5", "(400.00)") are parsed straight to integers;
 * multiplication by decimal quantities and rates is done in BigInt and rounded once, half
 * away from zero. Amounts are formatted only at the edge, with Intl.NumberFormat.
 *
 * Safe bound: every amount is a JavaScript safe integer (|n| ≤ 2^53 − 1, about 90 trillion
 * pounds in pence); anything larger is refused rather than silently losing a unit.
 */
import { minorUnitsOf } from './currencies';

/** An amount in the currency's minor unit. */
export type Minor = number;

export const maxMinor = Number.MAX_SAFE_INTEGER;

export function isMinor(value: unknown): value is Minor {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A decimal number as an exact scaled integer: `digits / 10^scale`. */
export interface Decimal {
  digits: bigint;
  scale: number;
}

const decimalPattern = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal string ("1.5", "-0.25", "20"); null if it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const match = decimalPattern.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  const digits = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return { digits, scale: fraction.length };
}

/** `numerator / denominator`, rounded half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

export function toMinor(value: bigint): Minor {
  if (value > BigInt(maxMinor) || value < -BigInt(maxMinor)) {
    throw new RangeError('The amount is too large to hold exactly.');
  }
  return Number(value);
}

/** `amount × decimal`, rounded half away from zero to a whole minor unit. */
export function multiplyMinor(amount: Minor, factor: Decimal): Minor {
  return toMinor(divideRounded(BigInt(amount) * factor.digits, 10n ** BigInt(factor.scale)));
}

/** `amount × percent / 100`, rounded half away from zero (a tax or a discount). */
export function percentOf(amount: Minor, percent: Decimal): Minor {
  return toMinor(
    divideRounded(BigInt(amount) * percent.digits, 100n * 10n ** BigInt(percent.scale)),
  );
}

export function sumMinor(amounts: Iterable<Minor>): Minor {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return toMinor(total);
}

export type AmountParseError = 'empty' | 'not_a_number' | 'too_many_decimals' | 'too_large';

export type AmountParse = { ok: true; minor: Minor } | { ok: false; reason: AmountParseError };

/**
 * Parses an amount as people and spreadsheets write it, straight to minor units:
 * "1234.56", "1,234.56", "£1,234.56 ", "-12.5", "(400.00)" (negative), "1 234,56" with
 * `decimalSeparator: ','`. More decimals than the currency has is an error, not a rounding.
 */
export function parseAmount(
  text: string,
  currency: string,
  options: { decimalSeparator?: '.' | ',' } = {},
): AmountParse {
  const decimalSeparator = options.decimalSeparator ?? '.';
  const groupSeparators = decimalSeparator === '.' ? /[,\s\u00a0\u202f']/g : /[.\s\u00a0\u202f']/g;
  let cleaned = text.trim();
  if (cleaned === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(cleaned)) {
    negative = true;
    cleaned = cleaned.slice(1, -1).trim();
  }
  // Currency symbols and codes around the number: "£12", "12 EUR", "US$ 5".
  cleaned = cleaned.replace(/^[^\d+\-.,]+/, '').replace(/[^\d.,]+$/, '');
  if (cleaned.startsWith('-') || cleaned.startsWith('+')) {
    negative = negative !== cleaned.startsWith('-');
    cleaned = cleaned.slice(1).replace(/^[^\d.,]+/, '');
  }
  cleaned = cleaned.replace(groupSeparators, '');
  if (decimalSeparator === ',') cleaned = cleaned.replace(',', '.');
  const decimal = parseDecimal(cleaned);
  if (!decimal || decimal.digits < 0n) return { ok: false, reason: 'not_a_number' };
  const places = minorUnitsOf(currency);
  if (decimal.scale > places) {
    // "12.50" for JPY is fine only if the extra digits are zeros.
    const extra = 10n ** BigInt(decimal.scale - places);
    if (decimal.digits % extra !== 0n) return { ok: false, reason: 'too_many_decimals' };
    decimal.digits /= extra;
    decimal.scale = places;
  }
  const minor = decimal.digits * 10n ** BigInt(places - decimal.scale);
  if (minor > BigInt(maxMinor)) return { ok: false, reason: 'too_large' };
  return { ok: true, minor: Number(negative ? -minor : minor) };
}

/** An amount as a plain decimal string in major units ("1234.50"), for CSV and forms. */
export function minorToDecimalString(amount: Minor, currency: string): string {
  const places = minorUnitsOf(currency);
  const negative = amount < 0;
  const digits = Math.abs(amount)
    .toString()
    .padStart(places + 1, '0');
  const whole = places === 0 ? digits : digits.slice(0, -places);
  const fraction = places === 0 ? '' : `.${digits.slice(-places)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "£1,234.50", "¥1,235", "KWD 1.235": for people, in their locale. */
export function formatMoney(amount: Minor, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const places = minorUnitsOf(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    });
    formatters.set(key, formatter);
  }
  // Through the exact decimal string, so large amounts lose nothing on the way.
  return formatter.format(minorToDecimalString(amount, currency) as unknown as number);
}
