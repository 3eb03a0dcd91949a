/**
 * What a payment plan asks of the owner on a given day, in place of the ladder: the
 * confirmation to send, a check-in a few days before a payment, a gentle note once a payment
 * is missed and its grace has passed, a call when a second one is missed, then the owner's
 * decision (renegotiate, call it off, or mark it defaulted), and the thank-you when it is
 * complete. Pure: the same plan, the same steps taken and the same day give the same answer.
 * Each step is keyed by the plan or the instalment it is about, so it comes at most once.
 */
import { formatCalendarDate } from '../date-format';
import { addDays, type CalendarDate } from '../dates';
import { formatMoney } from '../money';
import type { PlanStepKey, StepChannel } from '../reminders/ladder';
import { stillAsked, type InstalmentProgress } from './progress';

export interface PlanForSteps {
  id: number;
  state: 'proposed' | 'active' | 'completed' | 'defaulted' | 'cancelled';
  currency: string;
  checkInDays: number | null;
  graceDays: number;
  pauseUntil: CalendarDate | null;
  instalments: readonly InstalmentProgress[];
  /** Taken off by credit notes or write-offs (shared/plans/progress.ts). */
  reduced?: number;
  /** Paid towards the plan so far. */
  paid: number;
}

/**
 * A thank-you is for what came in: a plan whose whole sum was credited or written off, with
 * nothing paid, ends quietly (thanking someone for a debt let go would read oddly).
 */
export function thankYouDue(plan: { paid: number }): boolean {
  return plan.paid > 0;
}

/** Why the thank-you is proposed once a plan is complete. */
export function completedWhy(reduced: number): string {
  return reduced === 0
    ? 'Every payment of the plan has come in: a warm thank-you.'
    : 'Nothing is left to pay on the plan (the rest was credited or written off): a warm thank-you.';
}

export interface PlanStep {
  step: PlanStepKey;
  /** The plan's id (confirmation, decision, completion) or the instalment's (the rest). */
  ref: number;
  channel: StepChannel;
  why: string[];
}

/** `taken`: keys (`step|ref`) of the plan steps already acted on (approved, skipped, done). */
export const planStepKey = (step: PlanStepKey, ref: number) => `${step}|${ref}`;

export function planSteps(
  plan: PlanForSteps,
  taken: ReadonlySet<string>,
  context: { today: CalendarDate; locale: string },
): PlanStep[] {
  const { today, locale } = context;
  const money = (amount: number) => formatMoney(amount, plan.currency, locale);
  const day = (date: CalendarDate) => formatCalendarDate(date, locale);
  const steps: PlanStep[] = [];
  const want = (step: PlanStep) => {
    if (!taken.has(planStepKey(step.step, step.ref))) steps.push(step);
  };

  if (plan.state === 'completed') {
    if (!thankYouDue(plan)) return steps;
    want({
      step: 'plan_completed',
      ref: plan.id,
      channel: 'email',
      why: [completedWhy(plan.reduced ?? 0)],
    });
    return steps;
  }
  if (plan.state !== 'proposed' && plan.state !== 'active') return steps;

  want({
    step: 'plan_confirmation',
    ref: plan.id,
    channel: 'email',
    why: ['A new payment plan: send them the confirmation, with the agreement to sign.'],
  });
  // A hardship pause: nothing is asked of them until it is over.
  if (plan.pauseUntil !== null && today <= plan.pauseUntil) return steps;

  // Paid, or taken off by a credit or write-off: nothing more to ask for.
  const owing = plan.instalments.filter((i) => i.status !== 'paid' && i.status !== 'reduced');
  const checkIn = plan.checkInDays;
  const coming = owing.find(
    (i) =>
      i.number > 0 &&
      (i.status === 'due' || i.status === 'partly_paid') &&
      checkIn !== null &&
      addDays(i.due, -checkIn) <= today,
  );
  if (coming) {
    want({
      step: 'plan_check_in',
      ref: coming.id,
      channel: 'email',
      why: [
        `Payment ${coming.number} of the plan (${money(stillAsked(coming))}) is due on ${day(coming.due)}: a friendly word beforehand.`,
      ],
    });
  }

  const missed = owing.filter((i) => i.status === 'missed');
  const overGrace = (i: InstalmentProgress) => addDays(i.due, plan.graceDays) <= today;
  const first = missed[0];
  if (first && overGrace(first)) {
    want({
      step: 'plan_missed',
      ref: first.id,
      channel: 'email',
      why: [
        `${paymentName(first.number)} (${money(stillAsked(first))}) was due on ${day(first.due)} and has not come in${first.paid > 0 ? ' in full' : ''}.`,
        `The ${plan.graceDays}-day grace period has passed: a gentle note.`,
      ],
    });
  }
  const second = missed[1];
  if (second && overGrace(second)) {
    want({
      step: 'plan_call',
      ref: second.id,
      channel: 'call',
      why: [
        `A second payment of the plan has been missed (${money(stillAsked(second))}, due on ${day(second.due)}): a call to talk it over.`,
      ],
    });
    if (taken.has(planStepKey('plan_call', second.id))) {
      want({
        step: 'plan_decision',
        ref: plan.id,
        channel: 'decision',
        why: [
          'Two payments of the plan have been missed and you have called.',
          'Your choice: agree new terms for the rest, call the plan off (reminders resume where they stopped), or mark it defaulted.',
        ],
      });
    }
  }
  return steps;
}

function paymentName(number: number): string {
  return number === 0 ? 'The deposit' : `Payment ${number} of the plan`;
}

/** The plan steps whose ref is one of the plan's payments (the rest name the plan itself). */
const instalmentSteps: readonly string[] = [
  'plan_check_in',
  'plan_missed',
  'plan_call',
] satisfies PlanStepKey[];

export function isAboutAnInstalment(step: string): boolean {
  return instalmentSteps.includes(step);
}
