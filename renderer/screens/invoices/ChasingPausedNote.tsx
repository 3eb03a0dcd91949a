import { Alert } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useCallback } from 'react';
import { call } from '../../api';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';

/** Says so when chasing of this invoice is paused; the customer's page pauses and resumes it. */
export function ChasingPausedNote(props: { invoiceId: number; customerId: number }) {
  const format = useFormat();
  const { customerId, invoiceId } = props;
  const load = useCallback(() => call('reminders.customer', { customerId }), [customerId]);
  const pause = useLoad(load).value?.pausedInvoices.find((p) => p.invoiceId === invoiceId);
  if (!pause) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconPlayerPause size={18} />}
      title={`Chasing paused until ${format.date(pause.until)}`}
    >
      {pause.reason}
    </Alert>
  );
}
