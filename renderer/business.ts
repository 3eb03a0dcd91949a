/** What every screen needs to know about the business: how to write amounts and dates. */
import { createContext, useContext } from 'react';
import type { CalendarDate } from '../shared/dates';

export interface Business {
  locale: string;
  /** The currency new invoices and payments start in. */
  currency: string;
  timeZone: string;
  /** Today in the business's time zone, from the app's clock (pinned in demos and tests). */
  today: CalendarDate;
}

export const BusinessContext = createContext<Business>({
  locale: 'en-GB',
  currency: 'GBP',
  timeZone: 'UTC',
  today: '1970-01-01',
});

export function useBusiness(): Business {
  return useContext(BusinessContext);
}
