import { Table, Text, TextInput } from '@mantine/core';
import type { InvoiceSummary } from '../../../shared/ledger';
import { useFormat } from '../../format';
import { leftAsCredit } from './payment-draft';
import type { PaymentForm } from './payment-form';

/** The owner says what each open invoice gets; the rest is kept as credit. */
export function HandAllocation(props: { form: PaymentForm; invoices: readonly InvoiceSummary[] }) {
  const format = useFormat();
  const { form, invoices } = props;
  const values = form.getValues();
  const money = (amount: number) => format.money(amount, values.currency);
  const left = leftAsCredit(
    values,
    invoices.map((invoice) => invoice.id),
  );
  return (
    <>
      <Table aria-label="Amounts by invoice" verticalSpacing="xs" className="numeric-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Invoice</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th className="end">Open</Table.Th>
            <Table.Th className="end">Pay towards it</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>{invoice.number}</Table.Td>
              <Table.Td>{format.date(invoice.dueDate)}</Table.Td>
              <Table.Td className="end">{money(invoice.open)}</Table.Td>
              <Table.Td className="end wrap" w={200}>
                <TextInput
                  aria-label={`Amount for ${invoice.number}`}
                  inputMode="decimal"
                  placeholder="0.00"
                  size="xs"
                  classNames={{ input: 'amount-input' }}
                  {...form.getInputProps(`hand.${invoice.id}`)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="sm" aria-live="polite" c={left !== null && left < 0 ? 'red' : undefined}>
        {left === null
          ? 'Enter the amounts to see what is left.'
          : left < 0
            ? `That is ${money(-left)} more than the payment.`
            : left > 0
              ? `${money(left)} is kept as credit to apply later.`
              : 'All of it goes to invoices.'}
      </Text>
    </>
  );
}
