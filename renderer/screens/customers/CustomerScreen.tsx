import { Button, Stack, Text } from '@mantine/core';
import { IconCash, IconFileInvoice, IconStairsUp } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Customer } from '../../../shared/ledger';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { StillLoading } from '../../components/StillLoading';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { InvoiceTable } from '../invoices/InvoiceTable';
import { ArchiveCustomerModal } from './ArchiveCustomerModal';
import { BalanceCards } from './BalanceCards';
import { CustomerDetailsCard } from './CustomerDetailsCard';
import { CustomerFlags } from './CustomerFlags';
import { EditCustomerModal } from './EditCustomerModal';
import { HandoffNotice } from './HandoffNotice';
import { CustomerPlans } from './CustomerPlans';
import { PaymentsTable } from './PaymentsTable';
import { StatementCard } from './StatementCard';
import { Timeline } from './Timeline';
import { CustomerCard as Card } from './CustomerCard';
import { CustomerReminders } from './reminders/CustomerReminders';
import { loadCustomerReminders } from './reminders/customer-reminders';
import { ChasingControl } from './reminders/ChasingControl';
import { CallsCard } from './reminders/CallsCard';
import { FormProblem } from '../../components/SaveBar';
import { LateChargesCard } from '../terms/LateChargesCard';
import { RelationshipCard } from './behaviour/RelationshipCard';

export function CustomerScreen({ id }: { id: number }) {
  const navigate = useNavigate();
  const load = useCallback(
    () =>
      Promise.all([call('customers.get', { id }), call('customers.timeline', { id, limit: 200 })]),
    [id],
  );
  const loaded = useLoad(load);
  const loadReminders = useCallback(() => loadCustomerReminders(id), [id]);
  const reminders = useLoad(loadReminders);
  const loadBehaviour = useCallback(() => call('customers.behaviour', { customerId: id }), [id]);
  const behaviour = useLoad(loadBehaviour);
  const [dialog, setDialog] = useState<'edit' | 'archive' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const back = (
    <AppLink to={{ screen: 'customers' }} fz="sm">
      ← Customers
    </AppLink>
  );

  if (!loaded.value || loaded.value[0].customer.id !== id) {
    return (
      <StillLoading
        top={back}
        error={loaded.error}
        onRetry={loaded.reload}
        what="this customer"
        wide
      />
    );
  }

  const [detail, timeline] = loaded.value;
  const { customer } = detail;
  /** Something changed: the ledger, the timeline and the reminders are read again. */
  const refresh = () => {
    loaded.reload();
    reminders.reload();
    behaviour.reload();
  };
  const changed = (_: Customer) => {
    setDialog(null);
    refresh();
  };
  const pauses = reminders.value?.customerId === id ? reminders.value.setup.pausedInvoices : [];
  const restore = async () => {
    setProblem(null);
    try {
      changed(await call('customers.restore', { id }));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <Stack className="screen-wide" gap="lg">
      <PageHeader
        above={back}
        title={customer.name}
        description={subtitle(customer) || undefined}
        actions={
          !customer.archived && (
            <>
              {detail.openInvoices.length > 0 && (
                <Button
                  variant="default"
                  leftSection={<IconStairsUp size={18} />}
                  onClick={() => navigate({ screen: 'newPlan', customerId: id })}
                >
                  Offer a payment plan
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconCash size={18} />}
                onClick={() => navigate({ screen: 'newPayment', customerId: id })}
              >
                Record a payment
              </Button>
              <Button
                leftSection={<IconFileInvoice size={18} />}
                onClick={() => navigate({ screen: 'newInvoice', customerId: id })}
              >
                New invoice
              </Button>
            </>
          )
        }
      />
      {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
      <CustomerFlags customer={customer} />
      {/* Read again whenever the timeline grows: a handoff or a take-back adds to it. */}
      <HandoffNotice key={timeline.length} customerId={id} onTakenBack={refresh} />
      <div className="detail-layout">
        <Stack gap="lg" miw={0}>
          <BalanceCards balances={detail.balances} />
          <RelationshipCard loaded={behaviour} customerId={id} />
          <Card title="Open invoices">
            {detail.openInvoices.length === 0 ? (
              <Text c="dimmed">Nothing open. Every invoice is settled.</Text>
            ) : (
              <InvoiceTable
                label="Open invoices"
                invoices={detail.openInvoices}
                extra={{
                  title: 'Chasing',
                  cell: (invoice) => (
                    <ChasingControl
                      invoice={invoice}
                      pause={pauses.find((pause) => pause.invoiceId === invoice.id)}
                      onChanged={refresh}
                    />
                  ),
                }}
              />
            )}
          </Card>
          <CustomerReminders
            loaded={reminders}
            customerId={id}
            balances={detail.balances}
            openInvoices={detail.openInvoices}
            onChanged={refresh}
          />
          <LateChargesCard customerId={id} stamp={detail} onChanged={refresh} />
          <Card title="Payments">
            {detail.payments.length === 0 ? (
              <Text c="dimmed">No payments yet.</Text>
            ) : (
              <PaymentsTable label="Payments" payments={detail.payments} onChanged={refresh} />
            )}
          </Card>
        </Stack>
        <Stack gap="lg" miw={0}>
          {/* Read again whenever the timeline grows: every plan change adds to it. */}
          <CustomerPlans key={timeline.length} customerId={id} />
          <CustomerDetailsCard
            customer={customer}
            onEdit={() => setDialog('edit')}
            onArchive={() => setDialog('archive')}
            onRestore={() => void restore()}
          />
          {reminders.value?.customerId === id && (
            <CallsCard customerId={id} contacts={reminders.value.contacts} onChanged={refresh} />
          )}
          <StatementCard customerId={id} email={customer.email} onEmailed={refresh} />
          <Card title="Timeline">
            <Timeline entries={timeline} />
          </Card>
        </Stack>
      </div>
      <EditCustomerModal
        customer={customer}
        opened={dialog === 'edit'}
        onClose={() => setDialog(null)}
        onSaved={changed}
      />
      <ArchiveCustomerModal
        customer={customer}
        opened={dialog === 'archive'}
        onClose={() => setDialog(null)}
        onArchived={changed}
      />
    </Stack>
  );
}

function subtitle(customer: Customer): string {
  return [customer.company !== customer.name ? customer.company : '', customer.email]
    .filter(Boolean)
    .join(' · ');
}
