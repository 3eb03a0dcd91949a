/** cash.*: what should come in over the next 13 weeks, every bar traceable to its rows. */
import { z } from 'zod';
import { cashWeeks, lateAlreadyBar, type CurrencyCash, type ExpectedItem } from '../cash/expected';
import type { CurrencyOverTime } from '../cash/over-time';
import type { CalendarDate } from '../dates';
import { currencyCode } from './fields';
import { method } from './method';

export interface ExpectedCash {
  asOf: CalendarDate;
  weeks: number;
  currencies: CurrencyCash[];
}

export interface ExpectedRow extends ExpectedItem {
  customerName: string;
}

export interface OwedOverTime {
  asOf: CalendarDate;
  /** Per currency: the last 12 month ends, then today. */
  currencies: CurrencyOverTime[];
}

export const cashMethods = {
  'cash.overTime': method(z.object({}).strict().default({})).returns<OwedOverTime>(),
  'cash.expected': method(z.object({}).strict().default({})).returns<ExpectedCash>(),
  'cash.expectedRows': method(
    z
      .object({
        currency: currencyCode,
        bar: z
          .number('Please give the bar as a number: -1 for late already, 0 for the first week.')
          .int('The bar is a whole number.')
          .min(lateAlreadyBar, 'The bar is -1 (late already) or a week from 0.')
          .max(cashWeeks - 1, `The bar is at most ${cashWeeks - 1}, the last week.`),
      })
      .strict(),
  ).returns<ExpectedRow[]>(),
};
