import { Button, Loader } from '@mantine/core';
import { IconConfetti, IconUserPlus } from '@tabler/icons-react';
import { useCallback } from 'react';
import { call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';

/** Nothing is owed: either there is no one to owe anything yet, or everyone has paid. */
export function NothingOwed() {
  const navigate = useNavigate();
  const load = useCallback(() => call('customers.list', { includeArchived: true }), []);
  const customers = useLoad(load);
  if (customers.loading && !customers.value) return <Loader size="sm" aria-label="Loading" />;
  if ((customers.value ?? []).length === 0) {
    return (
      <EmptyState
        icon={<IconUserPlus size={26} />}
        title="No customers yet"
        action={
          <Button onClick={() => navigate({ screen: 'newCustomer' })}>
            Add your first customer
          </Button>
        }
      >
        Add the people and businesses you work for, then your invoices. This screen will show who
        owes you what, and how late.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<IconConfetti size={26} />}
      title="Nobody owes you anything right now"
      action={
        <Button variant="light" onClick={() => navigate({ screen: 'newInvoice' })}>
          Make an invoice
        </Button>
      }
    >
      Every invoice is paid. When one is waiting to be paid, it shows here.
    </EmptyState>
  );
}
