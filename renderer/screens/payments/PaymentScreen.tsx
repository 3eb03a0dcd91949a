import { useCallback } from 'react';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { StillLoading } from '../../components/StillLoading';
import { useLoad } from '../../hooks/useLoad';
import { PaymentEntry } from './PaymentEntry';

/** Money received from a customer, perhaps towards one invoice. */
export function PaymentScreen(props: { customerId: number; invoiceId?: number | undefined }) {
  const { customerId, invoiceId } = props;
  const load = useCallback(
    () =>
      Promise.all([
        call('customers.get', { id: customerId }),
        invoiceId ? call('invoices.get', { id: invoiceId }) : Promise.resolve(null),
      ]),
    [customerId, invoiceId],
  );
  const loaded = useLoad(load);
  if (!loaded.value || loaded.loading) {
    return (
      <StillLoading
        top={
          <AppLink to={{ screen: 'customer', id: customerId }} fz="sm">
            ← Back
          </AppLink>
        }
        error={loaded.error}
        onRetry={loaded.reload}
        what="this customer"
      />
    );
  }
  const [detail, invoice] = loaded.value;
  return <PaymentEntry detail={detail} invoice={invoice} />;
}
