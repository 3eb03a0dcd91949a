/** Field schemas every domain's API shares: money, dates, currencies, ids. */
import { z } from 'zod';
import { isKnownCurrency } from '../currencies';
import { isCalendarDate } from '../dates';
import { parseDecimal } from '../money';

export const id = z
  .number('Please give the id as a number.')
  .int('An id is a whole number.')
  .positive('An id is a positive number.');

/** Integer minor units: pence, cents, yen. Never a float, never beyond the safe bound. */
export const minorAmount = z
  .number('Please give the amount in minor units, as a whole number (1250 for 12.50).')
  .int('Amounts are whole minor units (1250 for 12.50), never fractions.')
  .refine(Number.isSafeInteger, 'That amount is too large to hold exactly.');

export const positiveAmount = minorAmount.refine(
  (n) => n > 0,
  'The amount must be more than zero.',
);

export const currencyCode = z
  .string('Please give a currency code such as GBP.')
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, 'Please use a currency code from ISO 4217, such as GBP, EUR or USD.');

export const calendarDate = z
  .string('Please give the date as YYYY-MM-DD.')
  .refine(isCalendarDate, 'Please give a real date as YYYY-MM-DD (for example 2027-03-15).');

/** A non-negative decimal as a string ("1.5", "20"), exact, never a float. */
export const decimalString = (what: string, maxScale = 6) =>
  z
    .string(`Please give the ${what} as a decimal string such as "1.5".`)
    .trim()
    .refine((text) => {
      const decimal = parseDecimal(text);
      return decimal !== null && decimal.digits >= 0n && decimal.scale <= maxScale;
    }, `The ${what} must be a number like "1.5", with at most ${maxScale} decimals, not negative.`)
    .transform((text) => text.replace(/^\+/, ''));

export const text = (max: number, what: string) =>
  z
    .string(`Please give the ${what} as text.`)
    .trim()
    .max(max, `Please keep the ${what} under ${max} characters.`);
