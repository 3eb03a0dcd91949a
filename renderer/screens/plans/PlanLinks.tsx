import { Alert } from '@mantine/core';
import type { Plan } from '../../../shared/api/plans';
import { AppLink } from '../../components/AppLink';

/** When terms were renegotiated: the plan this one replaced, or the one that replaced it. */
export function PlanLinks({ plan }: { plan: Plan }) {
  if (plan.replacedByPlanId === null && plan.replacesPlanId === null) return null;
  return (
    <Alert color="blue" variant="light">
      {plan.replacedByPlanId !== null && (
        <>
          These terms were renegotiated:{' '}
          <AppLink to={{ screen: 'plan', id: plan.replacedByPlanId }}>see the new plan</AppLink>
          .{' '}
        </>
      )}
      {plan.replacesPlanId !== null && (
        <>
          This plan replaced{' '}
          <AppLink to={{ screen: 'plan', id: plan.replacesPlanId }}>an earlier one</AppLink> for
          what was left.
        </>
      )}
    </Alert>
  );
}
