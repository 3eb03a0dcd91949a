import { Loader } from '@mantine/core';
import type { Balance, InvoiceSummary } from '../../../../shared/ledger';
import { LoadProblem } from '../../../components/LoadProblem';
import type { Loaded } from '../../../hooks/useLoad';
import { CustomerCard } from '../CustomerCard';
import type { CustomerReminderData } from './customer-reminders';
import { DisputesCard } from './DisputesCard';
import { PromisesCard } from './PromisesCard';
import { RemindersCard } from './RemindersCard';

/** The customer's reminders, promises and disputes, once they have loaded. */
export function CustomerReminders(props: {
  loaded: Loaded<CustomerReminderData>;
  customerId: number;
  balances: readonly Balance[];
  openInvoices: readonly InvoiceSummary[];
  onChanged: () => void;
}) {
  const data = props.loaded.value;
  if (!data || data.customerId !== props.customerId) {
    return (
      <CustomerCard title="Reminders">
        {props.loaded.error ? (
          <LoadProblem
            error={props.loaded.error}
            onRetry={props.loaded.reload}
            what="the reminders"
          />
        ) : (
          <Loader size="sm" aria-label="Loading" />
        )}
      </CustomerCard>
    );
  }
  return (
    <>
      <RemindersCard data={data} onChanged={props.onChanged} />
      <PromisesCard
        customerId={props.customerId}
        promises={data.promises}
        balances={props.balances}
        onChanged={props.onChanged}
      />
      <DisputesCard
        customerId={props.customerId}
        disputes={data.disputes}
        openInvoices={props.openInvoices}
        onChanged={props.onChanged}
      />
    </>
  );
}
