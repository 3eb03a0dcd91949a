/**
 * The reminder ladder: which step comes how many days from the due date, on which channel,
 * whether it is on, and whether it may go without the owner's review (autopilot, off by
 * default). The default is the table in DESIGN.md; a business edits its own, and a customer
 * may have a different ladder or none.
 */

/** Steps of the ladder proper, in the order they come. */
export const ladderStepKeys = [
  'courtesy',
  'slipped',
  'reminder',
  'check_in',
  'firm',
  'call',
  'final',
  'agency',
] as const;
export type LadderStepKey = (typeof ladderStepKeys)[number];

/** Occasions outside the ladder's day count, each still at most once per key. */
export const occasionKeys = ['promise_broken', 'promise_due', 'thank_you'] as const;
export type OccasionKey = (typeof occasionKeys)[number];

/**
 * A payment plan's own steps (shared/plans/steps.ts): they replace the ladder while the plan
 * runs, each at most once per plan or per instalment.
 */
export const planStepKeys = [
  'plan_confirmation',
  'plan_check_in',
  'plan_missed',
  'plan_call',
  'plan_decision',
  'plan_completed',
] as const;
export type PlanStepKey = (typeof planStepKeys)[number];

export function isPlanStep(step: string): step is PlanStepKey {
  return (planStepKeys as readonly string[]).includes(step);
}

export type StepKey = LadderStepKey | OccasionKey | PlanStepKey;

export type StepChannel = 'email' | 'letter' | 'letter_email' | 'call' | 'decision';

export interface LadderStep {
  key: LadderStepKey;
  /** Days from the due date: −3 is three days before it, 14 two weeks after. */
  days: number;
  channel: StepChannel;
  enabled: boolean;
  /** Goes out without review, inside the contact window only. Never for calls or decisions. */
  autopilot: boolean;
}

export type Ladder = LadderStep[];

export const defaultLadder: Ladder = [
  { key: 'courtesy', days: -3, channel: 'email', enabled: true, autopilot: false },
  { key: 'slipped', days: 1, channel: 'email', enabled: true, autopilot: false },
  { key: 'reminder', days: 7, channel: 'email', enabled: true, autopilot: false },
  { key: 'check_in', days: 14, channel: 'email', enabled: true, autopilot: false },
  { key: 'firm', days: 30, channel: 'email', enabled: true, autopilot: false },
  { key: 'call', days: 45, channel: 'call', enabled: true, autopilot: false },
  { key: 'final', days: 60, channel: 'letter_email', enabled: true, autopilot: false },
  { key: 'agency', days: 90, channel: 'decision', enabled: true, autopilot: false },
];

/** What each step is called on screen and in explanations. */
export const stepNames: Record<StepKey, string> = {
  courtesy: 'courtesy heads-up',
  slipped: '"may have slipped through"',
  reminder: 'reminder',
  check_in: 'check-in',
  firm: 'firm reminder',
  call: 'phone call',
  final: 'final notice',
  agency: 'agency decision',
  promise_broken: '"we noticed" after a missed promise',
  promise_due: 'promise falling due',
  thank_you: 'thank-you',
  plan_confirmation: 'payment plan confirmation',
  plan_check_in: 'payment plan check-in',
  plan_missed: 'note about a missed plan payment',
  plan_call: 'call about the payment plan',
  plan_decision: 'payment plan decision',
  plan_completed: '"plan completed, thank you"',
};

/** "check-in (+14)", "courtesy heads-up (−3)". */
export function describeStep(step: Pick<LadderStep, 'key' | 'days'>): string {
  const sign = step.days < 0 ? '−' : '+';
  return `${stepNames[step.key]} (${sign}${Math.abs(step.days)})`;
}

/** Which channels a step may use: a call stays a call, a decision stays a decision. */
export function channelsFor(key: LadderStepKey): StepChannel[] {
  if (key === 'call') return ['call'];
  if (key === 'agency') return ['decision'];
  return ['email', 'letter', 'letter_email'];
}

export interface LadderProblem {
  /** Path of the field, e.g. `ladder.3.days`. */
  field: string;
  message: string;
}

/**
 * Problems that make a ladder unusable: days must rise strictly in the ladder's order, each
 * step once, channels that fit the step, no autopilot for calls or agency decisions, and the
 * courtesy step (before the due date) the only one before it.
 */
export function ladderProblems(ladder: readonly LadderStep[], path = 'ladder'): LadderProblem[] {
  const problems: LadderProblem[] = [];
  const seen = new Set<LadderStepKey>();
  ladder.forEach((step, index) => {
    const at = `${path}.${index}`;
    if (seen.has(step.key)) {
      problems.push({ field: `${at}.key`, message: `The ${stepNames[step.key]} is listed twice.` });
    }
    seen.add(step.key);
    const order = ladderStepKeys.indexOf(step.key);
    const previous = ladder[index - 1];
    if (previous && ladderStepKeys.indexOf(previous.key) > order) {
      problems.push({
        field: `${at}.key`,
        message: `The ${stepNames[step.key]} must come before the ${stepNames[previous.key]}.`,
      });
    }
    if (previous && step.days <= previous.days) {
      problems.push({
        field: `${at}.days`,
        message: `Days must increase down the ladder: the ${stepNames[step.key]} (${step.days}) must come after the ${stepNames[previous.key]} (${previous.days}).`,
      });
    }
    if (step.key === 'courtesy' ? step.days >= 0 : step.days < 1) {
      problems.push({
        field: `${at}.days`,
        message:
          step.key === 'courtesy'
            ? 'The courtesy heads-up comes before the due date: use a negative number of days.'
            : `The ${stepNames[step.key]} comes after the due date: use 1 or more days.`,
      });
    }
    if (!channelsFor(step.key).includes(step.channel)) {
      problems.push({
        field: `${at}.channel`,
        message: `The ${stepNames[step.key]} cannot go by ${step.channel.replace('_', ' and ')}.`,
      });
    }
    if (step.autopilot && (step.channel === 'call' || step.channel === 'decision')) {
      problems.push({
        field: `${at}.autopilot`,
        message: `A ${stepNames[step.key]} is always the owner's to make; it cannot run on autopilot.`,
      });
    }
  });
  return problems;
}

/** The enabled steps after the due date, in order. */
export function overdueSteps(ladder: readonly LadderStep[]): LadderStep[] {
  return ladder.filter((step) => step.enabled && step.key !== 'courtesy');
}

export function courtesyStep(ladder: readonly LadderStep[]): LadderStep | undefined {
  return ladder.find((step) => step.enabled && step.key === 'courtesy');
}
