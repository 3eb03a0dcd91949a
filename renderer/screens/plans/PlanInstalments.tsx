import { Badge, Table } from '@mantine/core';
import type { Plan } from '../../../shared/api/plans';
import { Nothing } from '../../components/Nothing';
import { useFormat } from '../../format';
import { instalmentStatusColors, instalmentStatusLabels } from './plan-view';

/** A saved plan's payments: the deposit, then each instalment, what came in and where it stands. */
export function PlanInstalments({ plan }: { plan: Plan }) {
  const format = useFormat();
  const money = (amount: number) => format.money(amount, plan.currency);
  return (
    <Table.ScrollContainer minWidth={560} mah={560}>
      <Table aria-label="Plan payments" stickyHeader verticalSpacing={6} className="numeric-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Payment</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th className="end">Amount</Table.Th>
            <Table.Th className="end">Paid</Table.Th>
            <Table.Th className="end">Left to pay</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.instalments.map((instalment) => (
            <Table.Tr key={instalment.number}>
              <Table.Td>{instalment.number === 0 ? 'Deposit' : instalment.number}</Table.Td>
              <Table.Td>{format.date(instalment.due)}</Table.Td>
              <Table.Td className="end" fw={600}>
                {money(instalment.amount)}
              </Table.Td>
              <Table.Td className="end">
                {instalment.paid > 0 ? money(instalment.paid) : <Nothing />}
              </Table.Td>
              <Table.Td className="end">{money(instalment.balanceAfter)}</Table.Td>
              <Table.Td>
                <Badge
                  color={instalmentStatusColors[instalment.status]}
                  variant="light"
                  size="sm"
                  tt="none"
                >
                  {instalmentStatusLabels[instalment.status]}
                  {instalment.paidOn ? ` ${format.date(instalment.paidOn)}` : ''}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
