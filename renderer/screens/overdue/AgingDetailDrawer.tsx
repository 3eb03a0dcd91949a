import { Button, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useCallback } from 'react';
import { bucketLabels } from '../../../shared/aging';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { LoadProblem } from '../../components/LoadProblem';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import type { FigureTarget } from './AgingTable';

/** The invoices behind one figure of the Overdue screen, so every number traces to rows. */
export function AgingDetailDrawer(props: { target: FigureTarget | null; onClose: () => void }) {
  const { target } = props;
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Drawer
      opened={target !== null}
      onClose={props.onClose}
      position="right"
      size={680}
      classNames={{ title: 'drawer-title' }}
      title={target?.customerName}
    >
      {target && (
        <Stack gap="lg">
          <Text c="dimmed">
            {target.bucket ? bucketLabels[target.bucket] : 'Everything open'}:{' '}
            <Text span fw={600} c="dark.7">
              {format.money(target.amount, target.currency)}
            </Text>
          </Text>
          <DetailRows target={target} />
          <Group>
            <Button
              variant="light"
              onClick={() => navigate({ screen: 'customer', id: target.customerId })}
            >
              Open {target.customerName}
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}

function DetailRows({ target }: { target: FigureTarget }) {
  const format = useFormat();
  const load = useCallback(
    () =>
      call('ledger.agingDetail', {
        customerId: target.customerId,
        currency: target.currency,
        ...(target.bucket ? { bucket: target.bucket } : {}),
      }),
    [target],
  );
  const detail = useLoad(load);
  if (detail.error)
    return <LoadProblem error={detail.error} onRetry={detail.reload} what="the invoices" />;
  if (detail.loading) return <Loader size="sm" aria-label="Loading invoices" />;
  const rows = detail.value ?? [];
  return (
    <Table
      aria-label="Invoices behind this figure"
      striped={false}
      highlightOnHover
      verticalSpacing="sm"
      className="numeric-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Invoice</Table.Th>
          <Table.Th>Issued</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th className="end">Total</Table.Th>
          <Table.Th className="end">Open</Table.Th>
          <Table.Th className="end">Days late</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.invoiceId}>
            <Table.Td>
              <AppLink to={{ screen: 'invoice', id: row.invoiceId }} fz="sm" fw={500}>
                {row.number}
              </AppLink>
            </Table.Td>
            <Table.Td>{format.date(row.issueDate)}</Table.Td>
            <Table.Td>{format.date(row.dueDate)}</Table.Td>
            <Table.Td className="end">{format.money(row.total, target.currency)}</Table.Td>
            <Table.Td className="end" fw={600}>
              {format.money(row.open, target.currency)}
            </Table.Td>
            <Table.Td className="end">
              {row.daysOverdue > 0 ? (
                row.daysOverdue
              ) : (
                <Text span c="dimmed">
                  Not yet due
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
