import { Badge, Button, Menu, Stack, Table, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconCircleCheck,
  IconRefresh,
  IconX,
} from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Plan } from '../../../shared/api/plans';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { PageHeader } from '../../components/PageHeader';
import { FormProblem } from '../../components/SaveBar';
import { StillLoading } from '../../components/StillLoading';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { CustomerCard as Card } from '../customers/CustomerCard';
import { InvoiceActionModal, type ActionSpec } from '../invoices/InvoiceActionModal';
import { PlanDocuments } from './PlanDocuments';
import { PlanInstalments } from './PlanInstalments';
import { PlanLinks } from './PlanLinks';
import { PlanRunCard } from './PlanRunCard';
import { isLive } from './plan-view';
import { useNavigate } from '../../router';
import { PlanStateBadge } from './PlanStateBadge';
import { PlanTerms } from './PlanTerms';

async function loadPlan(planId: number) {
  const plan = await call('plans.get', { planId });
  const [detail, invoices] = await Promise.all([
    call('customers.get', { id: plan.customerId }),
    call('invoices.list', { customerId: plan.customerId, limit: 1000 }),
  ]);
  // In the plan's own order: oldest due first, the order payments go to them.
  const byId = new Map(invoices.invoices.map((invoice) => [invoice.id, invoice]));
  const covered = plan.invoiceIds.flatMap((invoiceId) => byId.get(invoiceId) ?? []);
  return { plan, customer: detail.customer, covered };
}

/** One plan: its terms, the invoices it covers, its payments, and what the owner can do next. */
export function PlanScreen({ id }: { id: number }) {
  const load = useCallback(() => loadPlan(id), [id]);
  const loaded = useLoad(load);
  const format = useFormat();
  const navigate = useNavigate();
  const [action, setAction] = useState<ActionSpec | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const back = (
    <AppLink to={{ screen: 'plans' }} fz="sm">
      ← Plans
    </AppLink>
  );
  if (!loaded.value || loaded.value.plan.id !== id) {
    return (
      <StillLoading top={back} error={loaded.error} onRetry={loaded.reload} what="this plan" wide />
    );
  }
  const { plan, customer, covered } = loaded.value;
  const money = (amount: number) => format.money(amount, plan.currency);

  async function run(change: () => Promise<Plan>) {
    setProblem(null);
    setBusy(true);
    try {
      await change();
      loaded.reload();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const markDefaulted: ActionSpec = {
    title: 'Mark the plan as defaulted',
    explanation: `The plan ends as not kept, and reminders for ${customer.name}'s invoices start again where they stopped. Payments already made stay recorded.`,
    amount: 'none',
    reasonLabel: 'What happened',
    confirm: 'Mark as defaulted',
    danger: true,
    run: ({ reason }) => call('plans.markDefaulted', { planId: plan.id, reason }),
  };

  const callOff: ActionSpec = {
    title: 'Call the plan off',
    explanation: `The plan ends and reminders for ${customer.name}'s invoices start again where they stopped. Payments already made stay recorded.`,
    amount: 'none',
    reasonLabel: 'Why',
    confirm: 'Call the plan off',
    danger: true,
    run: ({ reason }) => call('plans.cancel', { planId: plan.id, reason }),
  };

  const live = isLive(plan);
  return (
    <Stack className="screen-wide" gap="lg">
      <PageHeader
        above={back}
        title={`Plan with ${customer.name}`}
        description={
          <>
            <PlanStateBadge state={plan.state} size="md" />
            {plan.signed && (
              <>
                {' '}
                <Badge color="teal" variant="outline" size="md" tt="none">
                  Signed
                </Badge>
              </>
            )}{' '}
            {money(plan.paid)} of {money(plan.total)} paid
            {plan.reduced > 0
              ? ` · ${money(plan.reduced)} taken off by credit notes or write-offs, from the last payments back`
              : ''}
            {plan.nextDue && live
              ? ` · next ${money(plan.nextDue.amount)} on ${format.date(plan.nextDue.due)}`
              : ''}
          </>
        }
        actions={
          live && (
            <>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={16} />}>
                    More
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={<IconRefresh size={16} />}
                    onClick={() => navigate({ screen: 'renegotiatePlan', id: plan.id })}
                  >
                    Renegotiate
                  </Menu.Item>
                  <Menu.Item leftSection={<IconX size={16} />} onClick={() => setAction(callOff)}>
                    Call the plan off
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconAlertTriangle size={16} />}
                    onClick={() => setAction(markDefaulted)}
                  >
                    Mark as defaulted
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
              {plan.state === 'proposed' && (
                <Button
                  leftSection={<IconCircleCheck size={18} />}
                  loading={busy}
                  onClick={() => void run(() => call('plans.activate', { planId: plan.id }))}
                >
                  Mark as agreed
                </Button>
              )}
            </>
          )
        }
      />
      {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
      <div className="detail-layout">
        <Stack gap="lg" miw={0}>
          <Card title="Payments">
            <PlanInstalments plan={plan} />
          </Card>
          <Card title="Payments received">
            {plan.payments.length === 0 ? (
              <Text c="dimmed" fz="sm">
                Nothing yet. Payments you record for {customer.name} go to this plan's invoices
                first and tick off its payments in order.
              </Text>
            ) : (
              <Table aria-label="Payments received" verticalSpacing="xs" className="numeric-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Received</Table.Th>
                    <Table.Th className="end">Amount</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.payments.map((payment) => (
                    <Table.Tr key={payment.paymentId}>
                      <Table.Td>{format.date(payment.date)}</Table.Td>
                      <Table.Td className="end">{money(payment.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Card title="Invoices covered">
            <Table aria-label="Invoices covered" verticalSpacing="xs" className="numeric-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Invoice</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th className="end">Open now</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {covered.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>
                      <AppLink to={{ screen: 'invoice', id: invoice.id }} fz="sm">
                        {invoice.number}
                      </AppLink>
                    </Table.Td>
                    <Table.Td>{format.date(invoice.dueDate)}</Table.Td>
                    <Table.Td className="end">{money(invoice.open)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Stack>
        <Stack gap="lg" miw={0}>
          <Card title="The agreement">
            <PlanDocuments plan={plan} onChanged={loaded.reload} />
          </Card>
          <Card title="Terms">
            <PlanTerms plan={plan} customerId={customer.id} customerName={customer.name} />
          </Card>
          <PlanRunCard plan={plan} onChanged={loaded.reload} />
          <PlanLinks plan={plan} />
          {plan.endReason && (
            <Card title="Why it ended">
              <Text fz="sm">{plan.endReason}</Text>
            </Card>
          )}
        </Stack>
      </div>
      <InvoiceActionModal
        spec={action}
        currency={plan.currency}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          loaded.reload();
        }}
      />
    </Stack>
  );
}
