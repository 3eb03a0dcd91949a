import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCash, IconFileInvoice } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
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
import { PaymentsTable } from './PaymentsTable';
import { Timeline } from './Timeline';
import { FormProblem } from '../../components/SaveBar';

export function CustomerScreen({ id }: { id: number }) {
  const navigate = useNavigate();
  const load = useCallback(
    () =>
      Promise.all([call('customers.get', { id }), call('customers.timeline', { id, limit: 200 })]),
    [id],
  );
  const loaded = useLoad(load);
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
  const changed = (_: Customer) => {
    setDialog(null);
    loaded.reload();
  };
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
      <div className="detail-layout">
        <Stack gap="lg" miw={0}>
          <BalanceCards balances={detail.balances} />
          <Card title="Open invoices">
            {detail.openInvoices.length === 0 ? (
              <Text c="dimmed">Nothing open. Every invoice is settled.</Text>
            ) : (
              <InvoiceTable label="Open invoices" invoices={detail.openInvoices} />
            )}
          </Card>
          <Card title="Payments">
            {detail.payments.length === 0 ? (
              <Text c="dimmed">No payments yet.</Text>
            ) : (
              <PaymentsTable
                label="Payments"
                payments={detail.payments}
                onChanged={loaded.reload}
              />
            )}
          </Card>
        </Stack>
        <Stack gap="lg" miw={0}>
          <CustomerDetailsCard
            customer={customer}
            onEdit={() => setDialog('edit')}
            onArchive={() => setDialog('archive')}
            onRestore={() => void restore()}
          />
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

function Card(props: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={props.title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Paper>
  );
}
