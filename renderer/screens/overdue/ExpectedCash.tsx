import { Drawer, Loader, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { ExpectedCash as ExpectedCashReport } from '../../../shared/api/cash';
import type { CashBar, CashSource, CurrencyCash } from '../../../shared/cash/expected';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { LoadProblem } from '../../components/LoadProblem';
import { useFormat, type Formatters } from '../../format';
import { useLoad } from '../../hooks/useLoad';

interface PickedBar {
  currency: string;
  bar: CashBar;
}

const barName = (bar: CashBar, format: Formatters) =>
  bar.from === null ? 'Late already' : `Week of ${format.date(bar.from)}`;

/**
 * What should come in over the next 13 weeks, per currency: a bar for what is late already,
 * then one per week. Every bar is a button that lists the invoices, instalments and promises
 * behind it.
 */
export function ExpectedCash() {
  const format = useFormat();
  const load = useCallback(() => call('cash.expected', {}), []);
  const report = useLoad(load);
  const [picked, setPicked] = useState<PickedBar | null>(null);
  if (report.error) {
    return <LoadProblem error={report.error} onRetry={report.reload} what="expected cash" />;
  }
  if (!report.value) return <Loader size="sm" aria-label="Loading expected cash" />;
  const value: ExpectedCashReport = report.value;
  return (
    <Stack gap="md" className="cash-view">
      <Text c="dimmed" fz="sm">
        Open invoices on their due date moved by each customer&apos;s usual lateness, plan payments
        and promises, from {format.date(value.asOf)}. Choose a bar to see what is in it.
      </Text>
      {value.currencies.length === 0 ? (
        <Text>Nothing is expected in the next {value.weeks} weeks.</Text>
      ) : (
        value.currencies.map((currency) => (
          <CurrencyBars
            key={currency.currency}
            cash={currency}
            format={format}
            onPick={(bar) => setPicked({ currency: currency.currency, bar })}
          />
        ))
      )}
      <Drawer
        opened={picked !== null}
        onClose={() => setPicked(null)}
        position="right"
        size={820}
        classNames={{ title: 'drawer-title' }}
        title={picked ? `${barName(picked.bar, format)} · ${picked.currency}` : ''}
      >
        {picked && <BarRows picked={picked} format={format} />}
      </Drawer>
    </Stack>
  );
}

function CurrencyBars(props: {
  cash: CurrencyCash;
  format: Formatters;
  onPick: (bar: CashBar) => void;
}) {
  const { cash, format } = props;
  // On the weeks' scale: a large late-already bar would flatten every week; it is cut off at
  // the top instead, its amount said in words above.
  const highest = Math.max(
    1,
    ...cash.bars.filter((bar) => bar.from !== null).map((bar) => bar.amount),
  );
  const money = (amount: number) => format.money(amount, cash.currency);
  return (
    <Paper
      withBorder
      px="lg"
      py="md"
      component="section"
      aria-label={`Expected in ${cash.currency}`}
    >
      <Text fw={700} fz={22} className="figure-text">
        {money(cash.total)}
      </Text>
      <Text c="dimmed" fz="sm" mb="sm">
        expected in the next 13 weeks · {cash.currency}
        {cash.lateAlready > 0 &&
          `; and ${money(cash.lateAlready)} late already, past their usual day`}
      </Text>
      <div className="cash-bars">
        {cash.bars.map((bar) => (
          <UnstyledButton
            key={bar.bar}
            className={bar.from === null ? 'cash-bar cash-bar-late' : 'cash-bar'}
            disabled={bar.count === 0}
            onClick={() => props.onPick(bar)}
            aria-label={`${barName(bar, format)}: ${money(bar.amount)} from ${format.count(bar.count, 'item', 'items')}`}
            title={`${barName(bar, format)}: ${money(bar.amount)}`}
          >
            <span className="cash-bar-track">
              <span
                className="cash-bar-fill"
                style={{ height: `${Math.min(100, Math.round((bar.amount / highest) * 100))}%` }}
              />
            </span>
            <Text span fz={10} c="dimmed" className="cash-bar-label">
              {bar.from === null ? 'Late' : format.date(bar.from).replace(/ \d{4}$/, '')}
            </Text>
          </UnstyledButton>
        ))}
      </div>
    </Paper>
  );
}

const sourceWords: Record<CashSource, string> = {
  invoice: 'Invoice',
  instalment: 'Plan payment',
  promise: 'Promise',
};

function BarRows({ picked, format }: { picked: PickedBar; format: Formatters }) {
  const load = useCallback(
    () => call('cash.expectedRows', { currency: picked.currency, bar: picked.bar.bar }),
    [picked],
  );
  const rows = useLoad(load);
  if (rows.error) return <LoadProblem error={rows.error} onRetry={rows.reload} what="the rows" />;
  if (rows.loading || !rows.value) return <Loader size="sm" aria-label="Loading the rows" />;
  return (
    <Stack gap="md">
      <Text c="dimmed">
        {format.count(rows.value.length, 'item', 'items')}:{' '}
        <Text span fw={600} c="dark.7">
          {format.money(picked.bar.amount, picked.currency)}
        </Text>
      </Text>
      <Table aria-label="Behind this bar" verticalSpacing="sm" className="numeric-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Expected</Table.Th>
            <Table.Th className="end">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.value.map((row) => (
            <Table.Tr key={`${row.source}-${row.id}`}>
              <Table.Td>
                <AppLink to={{ screen: 'customer', id: row.customerId }} fz="sm" fw={500}>
                  {row.customerName}
                </AppLink>
              </Table.Td>
              <Table.Td>
                {row.source === 'invoice' ? (
                  <AppLink to={{ screen: 'invoice', id: row.id }} fz="sm">
                    {row.reference}
                  </AppLink>
                ) : (
                  <Text span fz="sm">
                    {sourceWords[row.source]}: {row.reference}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{format.date(row.dueDate)}</Table.Td>
              <Table.Td>
                <div className="cell-stack">
                  <Text span fz="sm">
                    {format.date(row.expectedOn)}
                  </Text>
                  {row.usualDaysLate > 0 && (
                    <Text span fz="xs" c="dimmed">
                      usually {format.count(row.usualDaysLate, 'day', 'days')} late
                    </Text>
                  )}
                </div>
              </Table.Td>
              <Table.Td className="end" fw={600}>
                {format.money(row.amount, picked.currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
