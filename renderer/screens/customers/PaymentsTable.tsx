import { Table, Text } from '@mantine/core';
import type { Payment } from '../../../shared/ledger';
import { AppLink } from '../../components/AppLink';
import { useFormat } from '../../format';

/** Money received: where each payment went, and what is left as credit. */
export function PaymentsTable(props: { label: string; payments: readonly Payment[] }) {
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={props.label} verticalSpacing="sm" className="numeric-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th className="end">Amount</Table.Th>
            <Table.Th>How</Table.Th>
            <Table.Th>Paid towards</Table.Th>
            <Table.Th className="end">Credit left</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.payments.map((payment) => (
            <Table.Tr key={payment.id}>
              <Table.Td>{format.date(payment.date)}</Table.Td>
              <Table.Td className="end" fw={600}>
                {format.money(payment.amount, payment.currency)}
              </Table.Td>
              <Table.Td>
                {[payment.method, payment.reference].filter(Boolean).join(' · ') || (
                  <Text span c="gray.5">
                    –
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {payment.allocations.length === 0 ? (
                  <Text span c="dimmed">
                    Kept as credit
                  </Text>
                ) : (
                  payment.allocations.map((allocation, index) => (
                    <Text span key={allocation.invoiceId} fz="sm">
                      {index > 0 && ', '}
                      <AppLink to={{ screen: 'invoice', id: allocation.invoiceId }}>
                        {allocation.invoiceNumber}
                      </AppLink>{' '}
                      {format.money(allocation.amount, payment.currency)}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td className="end">
                {payment.unapplied > 0 ? (
                  format.money(payment.unapplied, payment.currency)
                ) : (
                  <Text span c="gray.5">
                    –
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
