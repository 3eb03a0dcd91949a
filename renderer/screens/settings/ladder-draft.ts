/**
 * A ladder as the owner types it: a day count may be left empty for a moment. The API checks
 * the rest (days rising, channels that fit), so its messages name the row at fault.
 */
import type { Ladder, LadderStep } from '../../../shared/reminders/ladder';

export type LadderDraftStep = Omit<LadderStep, 'days'> & { days: number | string };
export type LadderDraft = LadderDraftStep[];

export function draftOf(ladder: Ladder): LadderDraft {
  return ladder.map((step) => ({ ...step }));
}

/** An empty or unreadable day count goes as NaN, which the API refuses on that row. */
export function ladderOf(draft: LadderDraft): Ladder {
  return draft.map((step) => ({
    ...step,
    days: typeof step.days === 'number' ? step.days : Number(step.days.trim() || Number.NaN),
  }));
}

/** The messages for one row of the ladder, by field: `{ days: '…' }` for `ladder.3.days`. */
export function rowIssues(
  errors: Record<string, unknown>,
  path: string,
  index: number,
): Record<string, string> {
  const prefix = `${path}.${index}.`;
  const found: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (field.startsWith(prefix) && typeof message === 'string') {
      found[field.slice(prefix.length)] = message;
    }
  }
  return found;
}
