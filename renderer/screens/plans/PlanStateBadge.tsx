import { Badge } from '@mantine/core';
import type { PlanState } from '../../../shared/api/plans';

export const planStateLabels: Record<PlanState, string> = {
  proposed: 'Proposed',
  active: 'Active',
  completed: 'Completed',
  defaulted: 'Defaulted',
  cancelled: 'Called off',
};

const planStateColors: Record<PlanState, string> = {
  proposed: 'blue',
  active: 'teal',
  completed: 'green',
  defaulted: 'orange',
  cancelled: 'gray',
};

/** A plan's state in words. */
export function PlanStateBadge(props: { state: PlanState; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={planStateColors[props.state]} variant="light" size={props.size ?? 'sm'} tt="none">
      {planStateLabels[props.state]}
    </Badge>
  );
}
