import { LineChart } from '@mantine/charts';
import { Loader, Paper, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import type { CurrencyOverTime } from '../../../shared/cash/over-time';
import { call } from '../../api';
import { useBusiness } from '../../business';
import { LoadProblem } from '../../components/LoadProblem';
import { useFormat, type Formatters } from '../../format';
import { useLoad } from '../../hooks/useLoad';

/**
 * Over the last 12 months, per currency: days sales outstanding (countback: how many days of
 * the latest invoicing are still owed) and the share of what is owed that is overdue.
 */
export function OwedOverTime() {
  const format = useFormat();
  const load = useCallback(() => call('cash.overTime', {}), []);
  const report = useLoad(load);
  if (report.error) {
    return <LoadProblem error={report.error} onRetry={report.reload} what="the last 12 months" />;
  }
  if (!report.value) return <Loader size="sm" aria-label="Loading the last 12 months" />;
  return (
    <Stack gap="md" className="cash-view">
      <Text c="dimmed" fz="sm">
        At each month&apos;s end and today. Days outstanding counts back through your invoicing,
        newest first, until it explains what is owed: 30 means about a month of invoices is still
        unpaid.
      </Text>
      {report.value.currencies.length === 0 ? (
        <Text>Nothing was owed at any month&apos;s end in the last year, nor today.</Text>
      ) : (
        report.value.currencies.map((currency) => (
          <CurrencyTrend key={currency.currency} trend={currency} format={format} />
        ))
      )}
    </Stack>
  );
}

/** Month ends as "Apr", the last point as "Today": short enough for 13 ticks side by side. */
function tickLabels(points: CurrencyOverTime['points'], format: Formatters, locale: string) {
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  return new Map(
    points.map((point, index) => [
      format.date(point.date),
      index === points.length - 1 ? 'Today' : month.format(new Date(`${point.date}T00:00:00Z`)),
    ]),
  );
}

function CurrencyTrend({ trend, format }: { trend: CurrencyOverTime; format: Formatters }) {
  const { locale } = useBusiness();
  const ticks = tickLabels(trend.points, format, locale);
  // The full date stays the data key: the tooltip shows it; the axis shows the short label.
  const xAxisProps = { tickFormatter: (date: string) => ticks.get(date) ?? date, interval: 0 };
  const data = trend.points.map((point) => ({
    date: format.date(point.date),
    dso: point.dso === null ? null : Math.round(point.dso),
    overdue: point.overdueShare === null ? null : Math.round(point.overdueShare * 100),
  }));
  const now = trend.points[trend.points.length - 1]!;
  return (
    <Paper
      withBorder
      px="lg"
      py="md"
      component="section"
      aria-label={`Over time in ${trend.currency}`}
    >
      <Text fw={700} fz="lg">
        {trend.currency}:{' '}
        {now.dso === null ? '—' : format.count(Math.round(now.dso), 'day', 'days')} outstanding,{' '}
        {now.overdueShare === null ? 'nothing' : `${Math.round(now.overdueShare * 100)}%`} overdue
        today
      </Text>
      <div className="two-columns">
        <div>
          <Text fz="xs" c="dimmed" fw={600} mt="sm" mb="xs">
            Days sales outstanding (countback)
          </Text>
          <LineChart
            h={160}
            data={data}
            dataKey="date"
            series={[{ name: 'dso', label: 'Days outstanding', color: 'teal.6' }]}
            xAxisProps={xAxisProps}
            yAxisProps={{ domain: [0, 'auto'], interval: 0 }}
            curveType="linear"
            connectNulls
            tooltipAnimationDuration={150}
          />
        </div>
        <div>
          <Text fz="xs" c="dimmed" fw={600} mt="sm" mb="xs">
            Share of what is owed that is overdue (%)
          </Text>
          <LineChart
            h={160}
            data={data}
            dataKey="date"
            series={[{ name: 'overdue', label: 'Overdue %', color: 'orange.6' }]}
            xAxisProps={xAxisProps}
            curveType="linear"
            connectNulls
            yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], interval: 0 }}
            tooltipAnimationDuration={150}
          />
        </div>
      </div>
    </Paper>
  );
}
