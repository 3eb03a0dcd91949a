import { Paper, Stack, Table, Text } from '@mantine/core';
import { describeTerms } from '../../../shared/invoices';
import { discountOffer } from '../../../shared/invoice-wording';
import { useBusiness } from '../../business';
import type { Invoice } from '../../../shared/ledger';
import { useFormat } from '../../format';

/** The invoice as the customer reads it: lines, totals, terms and the note. */
export function InvoiceDocument({ invoice }: { invoice: Invoice }) {
  const format = useFormat();
  const { locale } = useBusiness();
  const money = (amount: number) => format.money(amount, invoice.currency);
  const settled: [string, number][] = [
    ['Paid', invoice.paid],
    ['Credited', invoice.credited],
    ['Written off', invoice.writtenOff],
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-label="Invoice">
      <Stack gap="md">
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Lines" verticalSpacing="sm" className="numeric-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Description</Table.Th>
                <Table.Th className="end">Quantity</Table.Th>
                <Table.Th className="end">Unit price</Table.Th>
                <Table.Th className="end">Tax</Table.Th>
                <Table.Th className="end">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line, index) => (
                <Table.Tr key={index}>
                  <Table.Td className="wrap">{line.description}</Table.Td>
                  <Table.Td className="end">{line.quantity}</Table.Td>
                  <Table.Td className="end">{money(line.unitPrice)}</Table.Td>
                  <Table.Td className="end">{line.taxRate ? `${line.taxRate}%` : '—'}</Table.Td>
                  <Table.Td className="end">{money(line.net)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <dl className="invoice-totals" aria-label="Totals">
          <dt>Subtotal</dt>
          <dd>{money(invoice.net)}</dd>
          <dt>Tax</dt>
          <dd>{money(invoice.tax)}</dd>
          <dt className="grand">Total</dt>
          <dd className="grand">{money(invoice.total)}</dd>
          {settled
            .filter(([, amount]) => amount > 0)
            .map(([label, amount]) => [
              <dt key={`${label}-t`}>{label}</dt>,
              <dd key={`${label}-d`}>−{money(amount)}</dd>,
            ])}
          <dt className="grand">Still to pay</dt>
          <dd className="grand" aria-label="Still to pay">
            {money(invoice.open)}
          </dd>
        </dl>
        <Text fz="sm" c="dimmed">
          {describeTerms(invoice.terms, format.date(invoice.dueDate))}
        </Text>
        {invoice.discount && (
          <Text fz="sm" c="dimmed" aria-label="Early-payment discount">
            {discountOffer(invoice, locale)}
          </Text>
        )}
        {invoice.notes && (
          <Text fz="sm" className="pre-wrap">
            {invoice.notes}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
