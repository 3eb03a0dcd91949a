import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import type { Plan } from '../../../shared/api/plans';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { EmptyState } from '../../components/EmptyState';
import { LoadProblem } from '../../components/LoadProblem';
import { Nothing } from '../../components/Nothing';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { PlanStateBadge } from './PlanStateBadge';
import { isLive, upcomingInstalments } from './plan-view';

const loadPlans = () =>
  Promise.all([call('plans.list', {}), call('customers.list', { includeArchived: true })]);

/** Every payment plan: its state, whose it is, its total and what falls due next. */
export function PlansScreen() {
  const navigate = useNavigate();
  const format = useFormat();
  const loaded = useLoad(loadPlans);
  const newButton = (
    <Button
      leftSection={<IconStairsUp size={18} />}
      onClick={() => navigate({ screen: 'newPlan' })}
    >
      Offer a payment plan
    </Button>
  );
  const [plans, customers] = loaded.value ?? [[], []];
  const names = new Map(customers.map((customer) => [customer.id, customer.name]));
  return (
    <Stack className="screen-wide">
      <PageHeader
        title="Plans"
        description="Payment plans you have offered, and the payments each is waiting for."
        actions={newButton}
      />
      {loaded.error && (
        <LoadProblem error={loaded.error} onRetry={loaded.reload} what="your plans" />
      )}
      {loaded.value && plans.length === 0 && (
        <EmptyState
          icon={<IconStairsUp size={26} />}
          title="No payment plans yet"
          action={
            <Button onClick={() => navigate({ screen: 'newPlan' })}>Offer a payment plan</Button>
          }
        >
          When someone cannot pay all at once, letting them pay in parts keeps both the money and
          the customer. Choose their open invoices, set a deposit and how often they pay, and
          Goodwill works out every payment and prints an agreement for you both to sign.
        </EmptyState>
      )}
      {plans.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Plans" highlightOnHover verticalSpacing="sm" className="numeric-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Customer</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th className="end">Total</Table.Th>
                <Table.Th className="end">Paid so far</Table.Th>
                <Table.Th>Next due</Table.Th>
                <Table.Th>How often</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.map((plan) => (
                <PlanRow
                  key={plan.id}
                  plan={plan}
                  customerName={names.get(plan.customerId) ?? `Customer ${plan.customerId}`}
                  format={format}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

const frequencyWords = { weekly: 'Weekly', fortnightly: 'Fortnightly', monthly: 'Monthly' };

function PlanRow(props: {
  plan: Plan;
  customerName: string;
  format: ReturnType<typeof useFormat>;
}) {
  const { plan, format } = props;
  const money = (amount: number) => format.money(amount, plan.currency);
  const next = upcomingInstalments(plan, 2);
  return (
    <Table.Tr>
      <Table.Td>
        <AppLink
          to={{ screen: 'plan', id: plan.id }}
          fw={500}
          aria-label={`Plan with ${props.customerName}`}
        >
          {props.customerName}
        </AppLink>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          <PlanStateBadge state={plan.state} />
          {plan.signed && (
            <Badge color="teal" variant="outline" size="sm" tt="none">
              Signed
            </Badge>
          )}
          {isLive(plan) && plan.missedCount > 0 && (
            <Badge color="orange" variant="light" size="sm" tt="none">
              {format.count(plan.missedCount, 'missed payment', 'missed payments')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td className="end">{money(plan.total)}</Table.Td>
      <Table.Td className="end">{plan.paid > 0 ? money(plan.paid) : <Nothing />}</Table.Td>
      <Table.Td>
        {next.length === 0 ? (
          <Nothing />
        ) : (
          <Stack gap={0}>
            {next.map((instalment) => (
              <Text
                key={instalment.number}
                fz="sm"
                c={instalment.status === 'missed' ? 'orange.9' : undefined}
              >
                {format.date(instalment.due)} ·{' '}
                {money(instalment.amount - instalment.reduced - instalment.paid)}
                {instalment.status === 'missed' ? ' (missed)' : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>{frequencyWords[plan.frequency]}</Table.Td>
    </Table.Tr>
  );
}
