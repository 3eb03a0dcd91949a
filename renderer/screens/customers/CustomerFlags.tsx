import { Alert, Stack } from '@mantine/core';
import { IconArchive, IconHandStop, IconLock } from '@tabler/icons-react';
import type { Customer } from '../../../shared/ledger';
import { useFormat } from '../../format';

/** Flags the owner set, said plainly at the top of the customer. */
export function CustomerFlags({ customer }: { customer: Customer }) {
  const format = useFormat();
  if (!customer.doNotContact && !customer.creditHold && !customer.archived) return null;
  return (
    <Stack gap="xs">
      {customer.archived && (
        <Alert color="gray" icon={<IconArchive size={18} />} title="Archived">
          Their history is kept. Restore them to invoice them again.
        </Alert>
      )}
      {customer.doNotContact && (
        <Alert color="yellow" icon={<IconHandStop size={18} />} title="Do not contact">
          {customer.doNotContact.reason}
          {customer.doNotContact.until && ` (until ${format.date(customer.doNotContact.until)})`}
        </Alert>
      )}
      {customer.creditHold && (
        <Alert color="orange" icon={<IconLock size={18} />} title="Credit on hold">
          {customer.creditHold.reason}
        </Alert>
      )}
    </Stack>
  );
}
