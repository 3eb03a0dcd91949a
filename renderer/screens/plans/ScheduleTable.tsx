import { Table, Text } from '@mantine/core';
import type { ScheduleRow } from '../../../shared/plans/schedule';
import { useFormat } from '../../format';

/** Why a date may need a word with the customer: a weekend, or a public holiday by name. */
function dayNote(row: ScheduleRow): string {
  if (row.holiday) return row.holiday;
  return row.weekend ? 'Weekend' : '';
}

/** The payments a plan's terms give, as `plans.preview` worked them out. */
export function ScheduleTable(props: {
  deposit: ScheduleRow | null;
  instalments: readonly ScheduleRow[];
  currency: string;
}) {
  const format = useFormat();
  const rows = props.deposit ? [props.deposit, ...props.instalments] : props.instalments;
  return (
    <Table.ScrollContainer minWidth={420} mah={520}>
      <Table aria-label="Payments" stickyHeader verticalSpacing={6} className="numeric-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Payment</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th className="end">Amount</Table.Th>
            <Table.Th className="end">Left to pay</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.number}>
              <Table.Td>{row.kind === 'deposit' ? 'Deposit' : row.number}</Table.Td>
              <Table.Td>
                {format.date(row.due)}
                {dayNote(row) && (
                  <Text span fz="xs" c="orange.9" ml={6}>
                    {dayNote(row)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="end" fw={600}>
                {format.money(row.amount, props.currency)}
              </Table.Td>
              <Table.Td className="end">{format.money(row.balanceAfter, props.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
