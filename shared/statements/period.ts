/** The period a statement covers unless the owner picks another. */
import { addMonths, type CalendarDate } from '../dates';

/** The last three whole months up to today, which is what most people ask for. */
export function defaultStatementPeriod(today: CalendarDate): {
  from: CalendarDate;
  to: CalendarDate;
} {
  return { from: `${addMonths(today, -3).slice(0, 8)}01`, to: today };
}
