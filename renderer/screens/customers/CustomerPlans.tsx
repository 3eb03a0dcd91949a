import { Group, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PlanStateBadge } from '../plans/PlanStateBadge';
import { CustomerCard as Card } from './CustomerCard';

/** The customer's payment plans, newest first; nothing at all when there are none. */
export function CustomerPlans({ customerId }: { customerId: number }) {
  const format = useFormat();
  const load = useCallback(() => call('plans.list', { customerId }), [customerId]);
  const plans = useLoad(load);
  if (!plans.value || plans.value.length === 0) return null;
  return (
    <Card title="Payment plans">
      <Stack gap="xs">
        {plans.value.map((plan) => (
          <Group key={plan.id} justify="space-between" wrap="nowrap">
            <AppLink to={{ screen: 'plan', id: plan.id }} fz="sm">
              {format.money(plan.total, plan.currency)} from{' '}
              {format.date(plan.instalments[0]?.due ?? plan.createdAt.slice(0, 10))}
            </AppLink>
            <Group gap={6} wrap="nowrap">
              <Text fz="xs" c="dimmed">
                {format.money(plan.paid, plan.currency)} paid
              </Text>
              <PlanStateBadge state={plan.state} />
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
