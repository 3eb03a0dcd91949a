/**
 * How a plan is shown: which payments to name as coming up. The schedule and every amount
 * come from the API; this only picks rows to show.
 */
import type { Plan, PlanInstalment } from '../../../shared/api/plans';
import { livePlanStates } from '../../../shared/api/plans';
import type { CalendarDate } from '../../../shared/dates';

/** A plan still running (proposed or active). */
export function isLive(plan: Plan): boolean {
  return (livePlanStates as readonly string[]).includes(plan.state);
}

/** The next `limit` payments of a live plan due today or later; none once it has ended. */
export function upcomingInstalments(
  plan: Plan,
  today: CalendarDate,
  limit: number,
): PlanInstalment[] {
  if (!isLive(plan)) return [];
  return plan.instalments.filter((instalment) => instalment.due >= today).slice(0, limit);
}
