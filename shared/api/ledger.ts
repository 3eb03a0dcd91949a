/** ledger.*: who owes what, and how late. */
import { z } from 'zod';
import { agingBuckets } from '../aging';
import type { AgingDetailRow, AgingReport } from '../ledger';
import { calendarDate, currencyCode, id } from './fields';
import { method } from './method';

export const ledgerMethods = {
  'ledger.aging': method(
    z
      .object({ asOf: calendarDate.optional(), currency: currencyCode.optional() })
      .strict()
      .default({}),
  ).returns<AgingReport>(),
  'ledger.agingDetail': method(
    z
      .object({
        customerId: id,
        currency: currencyCode,
        bucket: z.enum(agingBuckets).optional(),
        asOf: calendarDate.optional(),
      })
      .strict(),
  ).returns<AgingDetailRow[]>(),
};
