import { Loader, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback } from 'react';
import type { Minor } from '../../../shared/money';
import { call } from '../../api';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';

/** Oldest due first, as the ledger will apply it: what each invoice gets, and what is left. */
export function AllocationPreview(props: {
  customerId: number;
  amount: Minor | null;
  currency: string;
}) {
  const format = useFormat();
  const [amount] = useDebouncedValue(props.amount, 250);
  const { customerId, currency } = props;
  const load = useCallback(
    () =>
      amount === null
        ? Promise.resolve(null)
        : call('payments.previewAllocation', { customerId, amount, currency }),
    [customerId, amount, currency],
  );
  const preview = useLoad(load);
  if (props.amount === null) {
    return <Text c="dimmed">Enter the amount to see where it goes.</Text>;
  }
  if (preview.error) return <Text c="red">{preview.error.message}</Text>;
  if (!preview.value) return <Loader size="sm" aria-label="Working it out" />;
  const money = (value: Minor) => format.money(value, currency);
  const { allocations, unapplied } = preview.value;
  return (
    <>
      {allocations.length > 0 && (
        <Table aria-label="Where the payment goes" verticalSpacing="xs" className="numeric-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Invoice</Table.Th>
              <Table.Th className="end">Open</Table.Th>
              <Table.Th className="end">Gets</Table.Th>
              <Table.Th>Then</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {allocations.map((allocation) => (
              <Table.Tr key={allocation.invoiceId}>
                <Table.Td>{allocation.invoiceNumber}</Table.Td>
                <Table.Td className="end">{money(allocation.open)}</Table.Td>
                <Table.Td className="end" fw={600}>
                  {money(allocation.amount)}
                </Table.Td>
                <Table.Td>
                  {allocation.amount === allocation.open ? (
                    <Text span c="teal.8" fz="sm">
                      Paid in full
                    </Text>
                  ) : (
                    <Text span c="dimmed" fz="sm">
                      Part paid
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text fz="sm" aria-live="polite">
        {allocations.length === 0
          ? `Nothing is open in ${currency}, so all of it is kept as credit to apply later.`
          : unapplied > 0
            ? `${money(unapplied)} is kept as credit to apply later.`
            : 'All of it goes to invoices.'}
      </Text>
    </>
  );
}
