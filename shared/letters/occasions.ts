/**
 * Every occasion Goodwill writes for: the ladder's steps and the moments around them
 * (promises, plans and hardship plans, disputes, hardship, a statement). Each has a default
 * template and the set of variables its template may use.
 */
import type { StepKey } from '../reminders/ladder';

export const occasions = [
  'courtesy',
  'slipped',
  'reminder',
  'check_in',
  'firm',
  'final',
  'agency_notice',
  'thank_you',
  'promise_confirmation',
  'promise_broken',
  'plan_confirmation',
  'plan_check_in',
  'plan_missed',
  'plan_completed',
  'plan_confirmation_hardship',
  'plan_check_in_hardship',
  'plan_missed_hardship',
  'plan_completed_hardship',
  'hardship',
  'dispute_ack',
  'statement',
] as const;
export type Occasion = (typeof occasions)[number];

export const occasionNames: Record<Occasion, string> = {
  courtesy: 'Courtesy heads-up',
  slipped: '"May have slipped through"',
  reminder: 'Reminder with every way to pay',
  check_in: 'Check-in (is everything all right?)',
  firm: 'Firm reminder',
  final: 'Final notice',
  agency_notice: 'Agency notice',
  thank_you: 'Thank-you after settling',
  promise_confirmation: 'Promise confirmation',
  promise_broken: 'Broken-promise check-in',
  plan_confirmation: 'Plan confirmation',
  plan_check_in: 'Plan payment coming up',
  plan_missed: 'Missed instalment',
  plan_completed: 'Plan completed',
  plan_confirmation_hardship: 'Plan confirmation — hardship',
  plan_check_in_hardship: 'Plan payment coming up — hardship',
  plan_missed_hardship: 'Missed instalment — hardship',
  plan_completed_hardship: 'Plan completed — hardship',
  hardship: 'Hardship offer',
  dispute_ack: 'Dispute acknowledgement',
  statement: 'Customer statement',
};

/** The letter a queue step drafts; calls and decisions draft none. */
export function occasionForStep(step: StepKey): Occasion | null {
  switch (step) {
    case 'courtesy':
    case 'slipped':
    case 'reminder':
    case 'check_in':
    case 'firm':
    case 'final':
    case 'thank_you':
    case 'promise_broken':
    case 'plan_confirmation':
    case 'plan_check_in':
    case 'plan_missed':
    case 'plan_completed':
      return step;
    default:
      return null;
  }
}

/**
 * A hardship plan's letters have their own templates, written for someone in difficulty: no
 * pressure, the offer to pause or make payments smaller, free debt advice, and nothing about
 * further action. Each plan letter's hardship twin.
 */
export const hardshipPlanOccasions = {
  plan_confirmation: 'plan_confirmation_hardship',
  plan_check_in: 'plan_check_in_hardship',
  plan_missed: 'plan_missed_hardship',
  plan_completed: 'plan_completed_hardship',
} as const satisfies Partial<Record<Occasion, Occasion>>;

export type HardshipPlanOccasion =
  (typeof hardshipPlanOccasions)[keyof typeof hardshipPlanOccasions];

export function isHardshipPlanOccasion(occasion: Occasion): occasion is HardshipPlanOccasion {
  return (Object.values(hardshipPlanOccasions) as Occasion[]).includes(occasion);
}

/** The letter a plan's step uses: the hardship twin for a hardship plan, else the occasion itself. */
export function planLetterOccasion(occasion: Occasion, hardship: boolean): Occasion {
  if (!hardship || !(occasion in hardshipPlanOccasions)) return occasion;
  return hardshipPlanOccasions[occasion as keyof typeof hardshipPlanOccasions];
}

export function isOccasion(value: string): value is Occasion {
  return (occasions as readonly string[]).includes(value);
}

/** The ladder's last word, where "final notice" is the plain truth rather than false finality. */
export function isFinalStep(occasion: Occasion): boolean {
  return occasion === 'final' || occasion === 'agency_notice';
}
