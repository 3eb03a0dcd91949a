/**
 * What the reminder engine needs to know of customers' payment plans, in bulk: the live ones
 * and those completed lately (with where each instalment stands), and which plan steps were
 * already acted on.
 */
import type { Kysely } from 'kysely';
import type { Plan } from '../../shared/api/plans';
import type { CalendarDate } from '../../shared/dates';
import { planStepKey } from '../../shared/plans/steps';
import type { PlanStepKey } from '../../shared/reminders/ladder';
import type { DB } from '../db/schema';
import { planEpisode } from './plan-items';
import { readPlans } from './plans.repository';

/** A completed plan's thank-you is proposed for this long after it completes. */
const completedWithinDays = 120;

export async function plansForSteps(
  db: Kysely<DB>,
  ids: readonly number[] | 'all',
  context: { today: CalendarDate; now: Date },
): Promise<Plan[]> {
  const since = new Date(context.now.getTime() - completedWithinDays * 86_400_000).toISOString();
  const plans = await readPlans(
    db,
    {
      ...(ids === 'all' ? {} : { customerIds: ids }),
      states: ['proposed', 'active', 'completed'],
    },
    context.today,
  );
  return plans.filter((plan) => plan.state !== 'completed' || (plan.endedAt ?? '') >= since);
}

export async function planStepsTaken(
  db: Kysely<DB>,
  ids: readonly number[] | 'all',
): Promise<Map<number, Set<string>>> {
  let query = db
    .selectFrom('reminder_items')
    .select(['customer_id', 'step', 'ref'])
    .where('episode', '=', planEpisode)
    .where('status', '<>', 'open')
    .where('step', 'like', 'plan_%');
  if (ids !== 'all') {
    if (ids.length === 0) return new Map();
    query = query.where('customer_id', 'in', ids);
  }
  const map = new Map<number, Set<string>>();
  for (const row of await query.execute()) {
    const set = map.get(row.customer_id) ?? new Set<string>();
    set.add(planStepKey(row.step as PlanStepKey, row.ref));
    map.set(row.customer_id, set);
  }
  return map;
}
