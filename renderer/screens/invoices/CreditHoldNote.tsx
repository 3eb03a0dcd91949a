import { Alert, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback } from 'react';
import { call } from '../../api';
import { useLoad } from '../../hooks/useLoad';

/**
 * Wherever a new invoice is made for a customer whose credit is on hold: the owner's reason,
 * said plainly. It only informs: the owner may still make the invoice.
 */
export function CreditHoldNote({ customerId }: { customerId: number | null }) {
  const load = useCallback(
    () => (customerId ? call('customers.get', { id: customerId }) : Promise.resolve(null)),
    [customerId],
  );
  const loaded = useLoad(load);
  const customer = loaded.value?.customer;
  if (!customer || customer.id !== customerId || !customer.creditHold) return null;
  return (
    <Alert color="orange" icon={<IconLock size={18} />} title="Their credit is on hold">
      <Text fz="sm">{customer.creditHold.reason}</Text>
      <Text fz="sm" c="dimmed">
        You can still make this invoice if you have agreed to.
      </Text>
    </Alert>
  );
}
