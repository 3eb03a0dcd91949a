import { Button, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconX } from '@tabler/icons-react';
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
import { PlanInstalments } from './PlanInstalments';
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

  const callOff: ActionSpec = {
    title: 'Call the plan off',
    explanation: `The plan ends and reminders for ${customer.name}'s invoices start again where they stopped. Payments already made stay recorded.`,
    amount: 'none',
    reasonLabel: 'Why',
    confirm: 'Call the plan off',
    danger: true,
    run: ({ reason }) => call('plans.cancel', { planId: plan.id, reason }),
  };

  const live = plan.state === 'proposed' || plan.state === 'active';
  return (
    <Stack className="screen-wide" gap="lg">
      <PageHeader
        above={back}
        title={`Plan with ${customer.name}`}
        description={
          <>
            <PlanStateBadge state={plan.state} size="md" /> {money(plan.total)} over{' '}
            {format.count(
              plan.instalments.filter((i) => i.number > 0).length,
              'payment',
              'payments',
            )}
          </>
        }
        actions={
          live && (
            <>
              <Button
                variant="default"
                leftSection={<IconX size={18} />}
                onClick={() => setAction(callOff)}
              >
                Call the plan off
              </Button>
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
          <Card title="Terms">
            <PlanTerms plan={plan} customerId={customer.id} customerName={customer.name} />
          </Card>
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
