/**
 * What a plan's letter says about the plan, from the saved plan: its schedule (the payments
 * after any deposit), the payment a missed-payment note or a check-in is about, and whether
 * it is a hardship plan. A plan's queue step names the plan (confirmation, decision,
 * completion) or one of its instalments (the rest).
 */
import type { Kysely } from 'kysely';
import type { Plan } from '../../shared/api/plans';
import type { CalendarDate } from '../../shared/dates';
import type { LetterPlan } from '../../shared/letters/letter-data';
import { stillAsked } from '../../shared/plans/progress';
import { isPlanStep } from '../../shared/reminders/ladder';
import type { DB } from '../db/schema';
import { readPlans } from './plans.repository';

const stepsNamingThePlan = new Set(['plan_confirmation', 'plan_decision', 'plan_completed']);

/** The plan (and the instalment, if any) a queue step is about; null for other steps. */
export async function planOfStep(
  db: Kysely<DB>,
  item: { step: string; ref: number },
): Promise<{ planId: number; instalmentId: number | null } | null> {
  if (!isPlanStep(item.step)) return null;
  if (stepsNamingThePlan.has(item.step)) return { planId: item.ref, instalmentId: null };
  const row = await db
    .selectFrom('plan_instalments')
    .select('plan_id')
    .where('id', '=', item.ref)
    .executeTakeFirst();
  return row ? { planId: row.plan_id, instalmentId: item.ref } : null;
}

export function letterPlan(plan: Plan, instalmentId: number | null, step: string): LetterPlan {
  const about = plan.instalments.find((i) => i.id === instalmentId);
  const owed = about ? { date: about.due, amount: stillAsked(about) } : undefined;
  return {
    currency: plan.currency,
    total: plan.total,
    frequency: plan.frequency,
    instalments: plan.instalments
      .filter((i) => i.number > 0)
      .map((i) => ({ date: i.due, amount: i.amount })),
    missed: step.startsWith('plan_missed') ? owed : undefined,
    next: step.startsWith('plan_check_in') ? owed : undefined,
    hardship: plan.hardship,
  };
}

export async function readLetterPlan(
  db: Kysely<DB>,
  about: { planId: number; instalmentId: number | null; step: string },
  today: CalendarDate,
): Promise<{ plan: Plan; letter: LetterPlan } | null> {
  const [plan] = await readPlans(db, { planId: about.planId }, today);
  if (!plan) return null;
  return { plan, letter: letterPlan(plan, about.instalmentId, about.step) };
}
