import { Stack, Text } from '@mantine/core';
import type { InvoiceReduction } from '../../../shared/ledger';
import { useFormat } from '../../format';

const kindLabel: Record<InvoiceReduction['kind'], string> = {
  payment: 'Paid',
  credit_note: 'Credit note',
  write_off: 'Written off',
};

/** Everything that reduced what is owed on one invoice: payments, credit notes, write-offs. */
export function InvoicePayments(props: {
  reductions: readonly InvoiceReduction[];
  currency: string;
}) {
  const format = useFormat();
  if (props.reductions.length === 0) {
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
      {props.reductions.map((reduction, index) => {
        const partOf =
          reduction.paymentAmount !== null && reduction.paymentAmount !== reduction.amount
            ? `part of ${format.money(reduction.paymentAmount, props.currency)}`
            : '';
        const detail = [reduction.detail, partOf].filter(Boolean).join(' · ');
        return (
          <li key={`${reduction.kind}-${reduction.paymentId ?? index}-${index}`}>
            <Text fz="sm" fw={600} className="figure-text">
              {format.money(reduction.amount, props.currency)}
              <Text span fz="sm" fw={400} c="dimmed">
                {' '}
                {kindLabel[reduction.kind].toLowerCase()} on {format.date(reduction.date)}
              </Text>
            </Text>
            {detail && (
              <Text fz="xs" c="dimmed">
                {detail}
              </Text>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
