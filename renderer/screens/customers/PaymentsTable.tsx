import { Table, Text } from '@mantine/core';
import type { Payment } from '../../../shared/ledger';
import { AppLink } from '../../components/AppLink';
import { useFormat } from '../../format';
import { CreditActions } from './CreditActions';

/** Money received: how, where each payment went, and what is left as credit. */
export function PaymentsTable(props: {
  label: string;
  payments: readonly Payment[];
  /** Offers applying or refunding credit when given; called after a change. */
  onChanged?: () => void;
}) {
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={460}>
      <Table aria-label={props.label} verticalSpacing="sm" className="numeric-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th className="end">Amount</Table.Th>
            <Table.Th>Paid towards</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.payments.map((payment) => {
            const how = [payment.method, payment.reference].filter(Boolean).join(' · ');
            return (
              <Table.Tr key={payment.id}>
                <Table.Td>
                  {format.date(payment.date)}
                  {how && (
                    <Text fz="xs" c="dimmed" truncate maw={220}>
                      {how}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="end" fw={600}>
                  {format.money(payment.amount, payment.currency)}
                </Table.Td>
                <Table.Td className="wrap">
                  {payment.allocations.map((allocation, index) => (
                    <Text span key={allocation.invoiceId} fz="sm">
                      {index > 0 && ', '}
                      <AppLink to={{ screen: 'invoice', id: allocation.invoiceId }} fz="sm">
                        {allocation.invoiceNumber}
                      </AppLink>{' '}
                      {format.money(allocation.amount, payment.currency)}
                    </Text>
                  ))}
                  {payment.unapplied > 0 && (
                    <Text fz="xs" c="dimmed">
                      {format.money(payment.unapplied, payment.currency)} kept as credit
                    </Text>
                  )}
                  {payment.unapplied > 0 && props.onChanged && (
                    <CreditActions payment={payment} onChanged={props.onChanged} />
                  )}
                  {payment.refunded > 0 && (
                    <Text fz="xs" c="dimmed">
                      {format.money(payment.refunded, payment.currency)} refunded
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
