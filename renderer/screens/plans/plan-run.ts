/**
 * How a plan runs once offered, as the owner sets it on the builder, on the renegotiate screen
 * and on the plan page: a check-in before each payment, the grace after a missed one, a pause
 * first for a hardship plan, and when a proposed plan starts. What is typed is read with the
 * API's own rules (`planRunFields`), so the messages on the fields are the API's words.
 */
import { planRunFields, type Plan, type PlanActivation } from '../../../shared/api/plans';
import type { FieldIssue } from '../../../shared/api/errors';
import type { CalendarDate } from '../../../shared/dates';
import type { PlanFrequency } from '../../../shared/plans/schedule';

export interface PlanRunValues {
  /** Check-ins before each payment: as the owner chose, or null for the usual (see `checkInsOn`). */
  checkIns: boolean | null;
  /** Days before each payment, as typed. */
  checkInDays: string;
  /** Days after a missed payment before the gentle note, as typed. */
  graceDays: string;
  /** A hardship plan may start with a pause: nothing is asked until `pauseUntil`. */
  pause: boolean;
  pauseUntil: string;
  activation: PlanActivation;
}

/** The usual: check-ins 3 days before (weekly plans aside), 3 days' grace, no pause, on signature. */
export function firstRunValues(): PlanRunValues {
  return {
    checkIns: null,
    checkInDays: '3',
    graceDays: '3',
    pause: false,
    pauseUntil: '',
    activation: 'signature',
  };
}

/** A saved plan's choices, to change them from. */
export function runValuesOf(
  plan: Pick<Plan, 'checkInDays' | 'graceDays' | 'pauseUntil' | 'activation'>,
): PlanRunValues {
  return {
    checkIns: plan.checkInDays !== null,
    checkInDays: String(plan.checkInDays ?? 3),
    graceDays: String(plan.graceDays),
    pause: plan.pauseUntil !== null,
    pauseUntil: plan.pauseUntil ?? '',
    activation: plan.activation,
  };
}

/** Whether they get a check-in before each payment. Weekly payments come round too often for one to be kind, so those start without. */
export function checkInsOn(checkIns: boolean | null, frequency: PlanFrequency): boolean {
  return checkIns ?? frequency !== 'weekly';
}

/** The API's fields for how a plan runs. */
export interface RunTerms {
  activation: PlanActivation;
  checkInDays: number | null;
  graceDays: number;
  pauseUntil: CalendarDate | null;
}

/** A whole number as typed, or NaN (which the API's rule then names kindly); never '' as 0. */
function wholeNumber(text: string): number {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : (result.error?.issues[0]?.message ?? 'Please check this.');
}

export const pauseFirstDueMessage =
  'The first payment comes after the pause; please choose a later date.';

/**
 * The run terms the values say, or each field's problem. `firstDue`, when given, is the first
 * payment's day: a pause must end before it (the API's rule, said on the same field).
 */
export function readRunTerms(
  values: PlanRunValues,
  plan: { frequency: PlanFrequency; hardship: boolean; firstDue?: string },
): { ok: true; terms: RunTerms } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let checkInDays: number | null = null;
  if (checkInsOn(values.checkIns, plan.frequency)) {
    const days = wholeNumber(values.checkInDays);
    const problem = firstMessage(planRunFields.checkInDays.safeParse(days));
    if (problem) issues.push({ field: 'checkInDays', message: problem });
    else checkInDays = days;
  }
  const graceDays = wholeNumber(values.graceDays);
  const graceProblem = firstMessage(planRunFields.graceDays.safeParse(graceDays));
  if (graceProblem) issues.push({ field: 'graceDays', message: graceProblem });
  let pauseUntil: CalendarDate | null = null;
  if (plan.hardship && values.pause) {
    if (values.pauseUntil.trim() === '') {
      issues.push({ field: 'pauseUntil', message: 'Please choose the day the pause ends.' });
    } else {
      const problem = firstMessage(planRunFields.pauseUntil.safeParse(values.pauseUntil));
      if (problem) issues.push({ field: 'pauseUntil', message: problem });
      else if (plan.firstDue && plan.firstDue <= values.pauseUntil) {
        issues.push({ field: 'firstDue', message: pauseFirstDueMessage });
      } else pauseUntil = values.pauseUntil;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    terms: { activation: values.activation, checkInDays, graceDays, pauseUntil },
  };
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The check-in, in the owner's words. */
export function checkInWords(checkInDays: number | null): string {
  if (checkInDays === null) return 'No reminder before each payment';
  if (checkInDays === 0) return 'Remind them on the day of each payment';
  return `Remind them ${days(checkInDays)} before each payment`;
}

/** The grace period, in the owner's words. */
export function graceWords(graceDays: number): string {
  if (graceDays === 0) return 'A gentle note the day after a missed payment';
  return `Wait ${days(graceDays)} after a missed payment before a gentle note`;
}

/** The run terms that differ from the plan's: what `plans.update` is asked to change. */
export function changedRunTerms(
  terms: RunTerms,
  plan: Pick<Plan, 'checkInDays' | 'graceDays' | 'pauseUntil' | 'activation' | 'hardship'>,
): Partial<RunTerms> {
  return {
    ...(terms.activation !== plan.activation ? { activation: terms.activation } : {}),
    ...(terms.checkInDays !== plan.checkInDays ? { checkInDays: terms.checkInDays } : {}),
    ...(terms.graceDays !== plan.graceDays ? { graceDays: terms.graceDays } : {}),
    // Only a hardship plan is offered a pause; any other keeps whatever it has.
    ...(plan.hardship && terms.pauseUntil !== plan.pauseUntil
      ? { pauseUntil: terms.pauseUntil }
      : {}),
  };
}
