import { calendarDateIn, type CalendarDate, type Clock } from '../../shared/dates';
import type { SettingsService } from './settings.service';

/** What ledger rules need from the settings: the business's "today" and its locale. */
export interface BusinessContext {
  today: CalendarDate;
  locale: string;
}

/**
 * Reads the business context. Call it BEFORE opening a transaction, never inside one:
 * Kysely's SQLite dialect has a single connection, so a query on the plain `db` while a
 * transaction holds that connection waits for ever.
 */
export function businessContext(clock: Clock, settings: SettingsService) {
  return async (): Promise<BusinessContext> => {
    const { timeZone, locale } = await settings.get();
    return { today: calendarDateIn(clock.now(), timeZone), locale };
  };
}
