/**
 * The rule for a hardship plan's pause ("nothing is asked until"), one for the API and the
 * screens: only a hardship plan has one, it ends on a day still to come, and it ends before
 * the next payment falls due, or that payment would pass without a word.
 */
import { formatCalendarDate } from '../date-format';
import type { CalendarDate } from '../dates';

export interface PauseCheck {
  pauseUntil: CalendarDate;
  hardship: boolean;
  /** The next payment still to be paid, if any (a new plan's first payment). */
  nextDue: CalendarDate | null;
  today: CalendarDate;
  locale: string;
}

/** What is wrong with the pause, in the owner's words; null when nothing is. */
export function pauseProblem(check: PauseCheck): string | null {
  if (!check.hardship) {
    return 'Only a hardship plan starts with a pause: turn hardship on, or leave the pause out.';
  }
  if (check.pauseUntil < check.today) {
    return 'That day has passed: choose the day the pause ends, or turn the pause off.';
  }
  if (check.nextDue !== null && check.pauseUntil >= check.nextDue) {
    return `The pause must end before the next payment, due on ${formatCalendarDate(check.nextDue, check.locale)}.`;
  }
  return null;
}
