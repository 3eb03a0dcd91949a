/**
 * Central-bank reference rates, as the owner keeps them: each rate with the date it took
 * effect. "The rate in force on a date" is the latest one that took effect on or before it.
 */
import type { CalendarDate } from '../dates';
import { parseDecimal } from '../money';

export const rateSources = ['boe_base', 'ecb_mro'] as const;
export type RateSource = (typeof rateSources)[number];

export const rateSourceNames: Record<RateSource, string> = {
  boe_base: 'Bank of England base rate',
  ecb_mro: 'ECB main refinancing rate',
};

export interface ReferenceRate {
  source: RateSource;
  effectiveFrom: CalendarDate;
  /** Percent a year as a decimal string, e.g. "4.25". */
  ratePercent: string;
}

/** The rate in force on `date`, or null when the table starts later. */
export function rateInForce(
  rates: readonly ReferenceRate[],
  source: RateSource,
  date: CalendarDate,
): ReferenceRate | null {
  let found: ReferenceRate | null = null;
  for (const rate of rates) {
    if (rate.source !== source || rate.effectiveFrom > date) continue;
    if (!found || rate.effectiveFrom > found.effectiveFrom) found = rate;
  }
  return found;
}

/** "4.25" + "8" = "12.25", exactly (no floats); trailing zeros dropped. */
export function addPercent(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) throw new RangeError(`Not decimals: ${a}, ${b}`);
  const scale = Math.max(x.scale, y.scale);
  const sum = x.digits * 10n ** BigInt(scale - x.scale) + y.digits * 10n ** BigInt(scale - y.scale);
  return decimalToString(sum, scale);
}

export function decimalToString(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  let whole = scale === 0 ? text : text.slice(0, -scale);
  let fraction = scale === 0 ? '' : text.slice(-scale).replace(/0+$/, '');
  if (whole === '') whole = '0';
  if (fraction !== '') fraction = `.${fraction}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
