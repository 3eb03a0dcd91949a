import { Badge } from '@mantine/core';
import type { InvoiceState } from '../../shared/invoices';

export const stateLabels: Record<InvoiceState, string> = {
  draft: 'Draft',
  open: 'Unpaid',
  partially_paid: 'Part paid',
  paid: 'Paid',
  written_off: 'Written off',
  void: 'Void',
};

const stateColors: Record<InvoiceState, string> = {
  draft: 'gray',
  open: 'blue',
  partially_paid: 'cyan',
  paid: 'teal',
  written_off: 'gray',
  void: 'gray',
};

/** The invoice's state in words; an unpaid one past its due date says how late it is. */
export function InvoiceStateBadge(props: {
  state: InvoiceState;
  daysOverdue: number;
  size?: 'sm' | 'md' | 'lg';
}) {
  const owed = props.state === 'open' || props.state === 'partially_paid';
  if (owed && props.daysOverdue > 0) {
    return (
      <Badge color="orange" variant="light" size={props.size ?? 'sm'} tt="none">
        {props.daysOverdue} {props.daysOverdue === 1 ? 'day' : 'days'} late
      </Badge>
    );
  }
  return (
    <Badge color={stateColors[props.state]} variant="light" size={props.size ?? 'sm'} tt="none">
      {stateLabels[props.state]}
    </Badge>
  );
}
