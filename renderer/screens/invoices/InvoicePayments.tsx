import { Stack, Text } from '@mantine/core';
import type { Payment } from '../../../shared/ledger';
import { useFormat } from '../../format';

/** The payments that went towards one invoice, and how much of each. */
export function InvoicePayments(props: { invoiceId: number; payments: readonly Payment[] }) {
  const format = useFormat();
  if (props.payments.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        Nothing paid yet.
      </Text>
    );
  }
  return (
    <Stack
      gap="sm"
      component="ul"
      className="plain-list"
      aria-label="Payments towards this invoice"
    >
      {props.payments.map((payment) => {
        const towards = payment.allocations.find((a) => a.invoiceId === props.invoiceId);
        return (
          <li key={payment.id}>
            <Text fz="sm" fw={600} className="figure-text">
              {format.money(towards?.amount ?? 0, payment.currency)}
              <Text span fz="sm" fw={400} c="dimmed">
                {' '}
                on {format.date(payment.date)}
              </Text>
            </Text>
            {(payment.method || payment.reference || towards?.amount !== payment.amount) && (
              <Text fz="xs" c="dimmed">
                {[
                  payment.method,
                  payment.reference,
                  towards?.amount !== payment.amount
                    ? `part of ${format.money(payment.amount, payment.currency)}`
                    : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
