/**
 * How a plan is shown: which payments to name as coming up, and each payment's status in
 * words. Statuses, amounts and what is paid all come from the API; this only picks and names.
 */
import type { InstalmentStatus, Plan, PlanInstalment } from '../../../shared/api/plans';
import { livePlanStates } from '../../../shared/api/plans';

/** A plan still running (proposed or active). */
export function isLive(plan: Plan): boolean {
  return (livePlanStates as readonly string[]).includes(plan.state);
}

/** The next `limit` payments of a live plan not yet paid in full; none once it has ended. */
export function upcomingInstalments(plan: Plan, limit: number): PlanInstalment[] {
  if (!isLive(plan)) return [];
  return plan.instalments
    .filter((instalment) => instalment.status !== 'paid' && instalment.status !== 'reduced')
    .slice(0, limit);
}

export const instalmentStatusLabels: Record<InstalmentStatus, string> = {
  due: 'Due',
  paid: 'Paid',
  partly_paid: 'Part paid',
  missed: 'Missed',
  // Credit notes or write-offs took all of it (the last payments go first).
  reduced: 'Not needed',
};

export const instalmentStatusColors: Record<InstalmentStatus, string> = {
  due: 'blue',
  paid: 'teal',
  partly_paid: 'cyan',
  missed: 'orange',
  reduced: 'gray',
};
