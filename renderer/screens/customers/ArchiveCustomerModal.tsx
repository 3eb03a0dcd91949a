import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Customer } from '../../../shared/ledger';
import { call } from '../../api';
import { FormProblem } from '../../components/SaveBar';

export function ArchiveCustomerModal(props: {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
  onArchived: (customer: Customer) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function archive() {
    setBusy(true);
    setProblem(null);
    try {
      props.onArchived(await call('customers.archive', { id: props.customer.id }));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Archive ${props.customer.name}?`}>
      <Stack gap="md">
        <Text fz="sm">
          They leave your lists and cannot be invoiced. Their invoices, payments and timeline are
          kept, and you can still find them with “Show archived”.
        </Text>
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep them
          </Button>
          <Button color="red" variant="light" loading={busy} onClick={() => void archive()}>
            Archive
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
