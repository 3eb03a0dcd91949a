import { Stack, Text } from '@mantine/core';
import type { Plan } from '../../../shared/api/plans';
import { AppLink } from '../../components/AppLink';
import { useFormat } from '../../format';

const frequencyWords = {
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every month',
};

/** What was agreed, in a few lines: with whom, how much, how often, and since when. */
export function PlanTerms(props: { plan: Plan; customerId: number; customerName: string }) {
  const { plan } = props;
  const format = useFormat();
  const money = (amount: number) => format.money(amount, plan.currency);
  return (
    <Stack gap={6}>
      <dl className="invoice-totals" aria-label="Plan terms">
        <dt>Customer</dt>
        <dd>
          <AppLink to={{ screen: 'customer', id: props.customerId }}>{props.customerName}</AppLink>
        </dd>
        <dt className="grand">Total</dt>
        <dd className="grand">{money(plan.total)}</dd>
        <dt>Deposit</dt>
        <dd>{plan.deposit > 0 ? money(plan.deposit) : 'None'}</dd>
        <dt>How often</dt>
        <dd>{frequencyWords[plan.frequency]}</dd>
        <dt>Offered</dt>
        <dd>{format.instant(plan.createdAt)}</dd>
        {plan.activatedAt && (
          <>
            <dt>Agreed</dt>
            <dd>{format.instant(plan.activatedAt)}</dd>
          </>
        )}
        {plan.endedAt && (
          <>
            <dt>Ended</dt>
            <dd>{format.instant(plan.endedAt)}</dd>
          </>
        )}
      </dl>
      <Text fz="sm">{plan.remainderSentence}</Text>
      {plan.hardship && (
        <Text fz="sm" c="dimmed">
          A hardship plan: its letters come from the hardship plan letters (Letters, Hardship
          plans).
        </Text>
      )}
    </Stack>
  );
}
