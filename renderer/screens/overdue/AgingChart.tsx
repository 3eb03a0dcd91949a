import { BarChart } from '@mantine/charts';
import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  agingBuckets,
  bucketLabels,
  type AgingBucket,
  type AgingTotals,
} from '../../../shared/aging';
import { useFormat } from '../../format';
import { bucketColors, cssColor } from './bucket-colors';

const series = agingBuckets.map((bucket) => ({
  name: bucket,
  label: bucketLabels[bucket],
  color: bucketColors[bucket],
}));

/**
 * One stacked bar per currency, each on its own scale (pounds and yen do not share an axis),
 * with the figure of every bucket beside it. A figure picks that bucket in the list below.
 */
export function AgingChart(props: {
  totals: readonly AgingTotals[];
  onPick: (currency: string, bucket: AgingBucket) => void;
}) {
  return (
    <Paper
      withBorder
      px="lg"
      py="md"
      component="section"
      aria-label="Owed by lateness"
      className="aging-chart"
    >
      <Stack gap="md">
        {props.totals.map((totals) => (
          <CurrencyBar key={totals.currency} totals={totals} onPick={props.onPick} />
        ))}
      </Stack>
    </Paper>
  );
}

function CurrencyBar({
  totals,
  onPick,
}: {
  totals: AgingTotals;
  onPick: (currency: string, bucket: AgingBucket) => void;
}) {
  const format = useFormat();
  const money = (amount: number) => format.money(amount, totals.currency);
  const customers = format.count(totals.customers, 'customer', 'customers');
  return (
    <div className="aging-currency">
      <div>
        <Text fw={700} fz={22} lh={1.2} className="figure-text">
          {money(totals.total)}
        </Text>
        <Text c="dimmed" fz="sm">
          owed by {customers} · {totals.currency}
        </Text>
      </div>
      <Stack gap={6}>
        <BarChart
          h={26}
          data={[{ currency: totals.currency, ...pick(totals) }]}
          dataKey="currency"
          type="stacked"
          orientation="vertical"
          series={series.filter((item) => totals[item.name] !== 0)}
          withXAxis={false}
          withYAxis={false}
          gridAxis="none"
          maxBarWidth={22}
          valueFormatter={money}
          tooltipAnimationDuration={150}
          xAxisProps={{ domain: [0, 'dataMax'] }}
          barChartProps={{ margin: { top: 0, right: 0, bottom: 0, left: 0 } }}
        />
        <Group gap="lg" className="aging-legend">
          {agingBuckets
            .filter((bucket) => totals[bucket] !== 0)
            .map((bucket) => (
              <UnstyledButton
                key={bucket}
                className="aging-legend-item"
                onClick={() => onPick(totals.currency, bucket)}
                aria-label={`${bucketLabels[bucket]}: ${money(totals[bucket])}. Show these customers.`}
              >
                <span className="swatch" style={{ background: cssColor(bucketColors[bucket]) }} />
                <Text span fz="xs" c="dimmed">
                  {bucketLabels[bucket]}
                </Text>
                <Text span fz="xs" fw={600} className="figure-text">
                  {money(totals[bucket])}
                </Text>
              </UnstyledButton>
            ))}
        </Group>
      </Stack>
    </div>
  );
}

function pick(totals: AgingTotals): Record<AgingBucket, number> {
  return {
    current: totals.current,
    d1_30: totals.d1_30,
    d31_60: totals.d31_60,
    d61_90: totals.d61_90,
    d90_plus: totals.d90_plus,
  };
}
