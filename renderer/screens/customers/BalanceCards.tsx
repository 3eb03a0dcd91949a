import { Paper, Text } from '@mantine/core';
import type { Balance } from '../../../shared/ledger';
import { useFormat } from '../../format';

/** What the customer owes in each currency, and any payment waiting to be applied. */
export function BalanceCards({ balances }: { balances: readonly Balance[] }) {
  const format = useFormat();
  if (balances.length === 0) {
    return (
      <Paper withBorder p="md" component="section" aria-label="Balance">
        <Text fz="xs" c="dimmed" fw={600}>
          Owes you
        </Text>
        <Text fz={24} fw={700} className="figure-text">
          Nothing
        </Text>
        <Text fz="sm" c="dimmed">
          All settled.
        </Text>
      </Paper>
    );
  }
  return (
    <div className="balance-cards">
      {balances.map((balance) => (
        <Paper
          key={balance.currency}
          withBorder
          p="md"
          component="section"
          aria-label={`Balance in ${balance.currency}`}
        >
          <Text fz="xs" c="dimmed" fw={600}>
            Owes you · {balance.currency}
          </Text>
          <Text fz={24} fw={700} className="figure-text">
            {format.money(balance.open, balance.currency)}
          </Text>
          <Text fz="sm" c="dimmed">
            {balance.unappliedCredit > 0
              ? `${format.money(balance.unappliedCredit, balance.currency)} paid in advance, to apply`
              : 'No credit waiting'}
          </Text>
        </Paper>
      ))}
    </div>
  );
}
