/**
 * The behaviour figures in plain words: a one-line summary ("Usually pays about 9 days late;
 * kept 3 of 4 promises"), a short label for a table column, and suggestions for the owner.
 * Suggestions are only words: nothing here changes a customer's terms, ladder or credit.
 */
import { medianOfSorted, type Behaviour } from './figures';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Usually" is the median, rounded: one very late invoice does not make a late payer. */
export function usualDaysLate(behaviour: Behaviour): number | null {
  return behaviour.medianDaysLate === null ? null : Math.round(behaviour.medianDaysLate);
}

/** The same from days late alone, already in order (expected cash needs nothing else). */
export function usualOfSortedDaysLate(days: readonly number[]): number | null {
  return days.length === 0 ? null : Math.round(medianOfSorted(days));
}

function paysPart(behaviour: Behaviour): string {
  const usual = usualDaysLate(behaviour);
  if (usual === null) return 'No invoices paid yet';
  if (behaviour.onTimeShare === 1) {
    return behaviour.invoicesPaid === 1 ? 'Paid their only invoice on time' : 'Always pays on time';
  }
  if (usual === 0) return 'Usually pays on time';
  return `Usually pays about ${plural(usual, 'day', 'days')} late`;
}

function promisesPart(behaviour: Behaviour): string | null {
  const { kept, broken } = behaviour.promises;
  const made = kept + broken;
  if (made === 0) return null;
  if (made === 1) return kept === 1 ? 'kept their promise' : 'did not keep their promise';
  return `kept ${kept} of ${made} promises`;
}

/** One kind, plain sentence: how they pay, and how they keep their word. */
export function behaviourSummary(behaviour: Behaviour): string {
  const promises = promisesPart(behaviour);
  return promises ? `${paysPart(behaviour)}; ${promises}.` : `${paysPart(behaviour)}.`;
}

/** A few words for a table cell: "9 days late", "On time", "Nothing paid yet". */
export function behaviourLabel(behaviour: Behaviour): string {
  const usual = usualDaysLate(behaviour);
  if (usual === null) return 'Nothing paid yet';
  if (usual === 0) return 'On time';
  return `${plural(usual, 'day', 'days')} late`;
}

export type SuggestionKind =
  'shorter_terms' | 'skip_courtesy' | 'credit_hold' | 'paying_later' | 'promises_broken';

export interface Suggestion {
  kind: SuggestionKind;
  text: string;
}

/** Late this many times in a row suggests shorter terms or a deposit. */
export const lateStreakForTerms = 5;
/** Paid on time at least this many times, and never late, suggests skipping the courtesy. */
export const onTimeForCourtesy = 3;
/** Owing this many days past due suggests holding credit for new work. */
export const overdueDaysForHold = 60;

/**
 * Suggestions, strongest first. `creditHold` is whether their credit is already on hold, so
 * the owner is not asked for what they have already done.
 */
export function behaviourSuggestions(
  behaviour: Behaviour,
  options: { creditHold: boolean },
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  if (!options.creditHold && behaviour.longestOverdueDays >= overdueDaysForHold) {
    suggestions.push({
      kind: 'credit_hold',
      text: `An invoice is ${plural(behaviour.longestOverdueDays, 'day', 'days')} overdue — hold credit for new work until it is settled?`,
    });
  }
  if (behaviour.lateStreak >= lateStreakForTerms) {
    suggestions.push({
      kind: 'shorter_terms',
      text: `Paid late ${behaviour.lateStreak} times in a row — shorter terms or a deposit next time?`,
    });
  }
  const { trend } = behaviour;
  if (trend.direction === 'worse' && trend.recent !== null && trend.before !== null) {
    suggestions.push({
      kind: 'paying_later',
      text: `Paying later than before (about ${plural(Math.round(trend.recent), 'day', 'days')} late lately, ${Math.round(trend.before)} before) — a friendly call to ask if all is well?`,
    });
  }
  const { kept, broken } = behaviour.promises;
  if (broken >= 2 && broken > kept) {
    suggestions.push({
      kind: 'promises_broken',
      text: `Kept ${kept} of ${kept + broken} promises — agree smaller amounts on nearer dates?`,
    });
  }
  if (behaviour.invoicesPaid >= onTimeForCourtesy && behaviour.onTimeShare === 1) {
    suggestions.push({
      kind: 'skip_courtesy',
      text: 'Always on time — skip the courtesy reminder before the due date?',
    });
  }
  return suggestions;
}
