import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import type { InvoiceSummary } from '../../../shared/ledger';
import { AppLink } from '../../components/AppLink';
import { InvoiceStateBadge } from '../../components/InvoiceStateBadge';
import { useFormat } from '../../format';
import { Nothing } from '../../components/Nothing';

/** A short list of invoices (a customer's, or a page of all of them). */
export function InvoiceTable(props: {
  label: string;
  invoices: readonly InvoiceSummary[];
  withCustomer?: boolean;
  /** One more column at the end, for what a screen does with each invoice. */
  extra?: { title: string; cell: (invoice: InvoiceSummary) => ReactNode };
}) {
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table
        aria-label={props.label}
        highlightOnHover
        verticalSpacing="sm"
        className="numeric-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Invoice</Table.Th>
            {props.withCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Issued</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th className="end">Total</Table.Th>
            <Table.Th className="end">Open</Table.Th>
            <Table.Th>State</Table.Th>
            {props.extra && <Table.Th>{props.extra.title}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.invoices.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>
                <AppLink to={{ screen: 'invoice', id: invoice.id }} fz="sm" fw={500}>
                  {invoice.number}
                </AppLink>
              </Table.Td>
              {props.withCustomer && (
                <Table.Td>
                  <AppLink to={{ screen: 'customer', id: invoice.customerId }} c="dark.7" truncate>
                    {invoice.customerName}
                  </AppLink>
                </Table.Td>
              )}
              <Table.Td>{format.date(invoice.issueDate)}</Table.Td>
              <Table.Td>{format.date(invoice.dueDate)}</Table.Td>
              <Table.Td className="end">{format.money(invoice.total, invoice.currency)}</Table.Td>
              <Table.Td className="end" fw={invoice.open > 0 ? 600 : undefined}>
                {invoice.open > 0 ? format.money(invoice.open, invoice.currency) : <Nothing />}
              </Table.Td>
              <Table.Td>
                <InvoiceStateBadge state={invoice.state} daysOverdue={invoice.daysOverdue} />
              </Table.Td>
              {props.extra && <Table.Td>{props.extra.cell(invoice)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
