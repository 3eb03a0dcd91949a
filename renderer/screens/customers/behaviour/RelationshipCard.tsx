import { BarChart } from '@mantine/charts';
import { Alert, Stack, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import type { CustomerBehaviour } from '../../../../shared/api/behaviour';
import type { Behaviour, TrendDirection } from '../../../../shared/behaviour/figures';
import { LoadProblem } from '../../../components/LoadProblem';
import { useFormat, type Formatters } from '../../../format';
import type { Loaded } from '../../../hooks/useLoad';
import { CustomerCard as Card } from '../CustomerCard';

/**
 * "Know my customers": how they pay, in a sentence and in figures, the days late of their
 * recent invoices, and suggestions the owner may take or leave (nothing changes on its own).
 */
export function RelationshipCard(props: { loaded: Loaded<CustomerBehaviour>; customerId: number }) {
  const format = useFormat();
  const value = props.loaded.value?.customerId === props.customerId ? props.loaded.value : null;
  if (!value) {
    return (
      <Card title="How they pay">
        {props.loaded.error ? (
          <LoadProblem error={props.loaded.error} onRetry={props.loaded.reload} />
        ) : (
          <Text c="dimmed">Reading their history…</Text>
        )}
      </Card>
    );
  }
  const { figures } = value;
  return (
    <Card title="How they pay">
      <Text fw={600} data-testid="behaviour-summary">
        {value.summary}
      </Text>
      {value.suggestions.length > 0 && (
        <Stack gap="xs" aria-label="Suggestions">
          {value.suggestions.map((suggestion) => (
            <Alert
              key={suggestion.kind}
              variant="light"
              color="blue"
              icon={<IconBulb size={18} />}
              p="xs"
            >
              <Text fz="sm">{suggestion.text}</Text>
            </Alert>
          ))}
          <Text fz="xs" c="dimmed">
            Only suggestions: nothing changes unless you change it.
          </Text>
        </Stack>
      )}
      {figures.invoicesPaid > 0 && <DaysLateChart value={value} format={format} />}
      <div className="behaviour-figures">
        {figureItems(figures, format).map(([label, text]) => (
          <div key={label}>
            <Text fz="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text fz="sm" className="figure-text">
              {text}
            </Text>
          </div>
        ))}
      </div>
    </Card>
  );
}

const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const days = (value: number | null, format: Formatters) =>
  value === null ? '—' : format.count(Math.round(value * 10) / 10, 'day', 'days');

const trendWords: Record<TrendDirection, string> = {
  better: 'Paying earlier than before',
  worse: 'Paying later than before',
  steady: 'Much as before',
  unknown: 'Not enough history yet',
};

function figureItems(figures: Behaviour, format: Formatters): [string, string][] {
  const money = (list: Behaviour['billed']) =>
    list.length === 0 ? '—' : list.map((m) => format.money(m.amount, m.currency)).join(' · ');
  const { kept, broken, open } = figures.promises;
  return [
    ['Invoices paid', format.number(figures.invoicesPaid)],
    ['Usually (median)', days(figures.medianDaysLate, format)],
    ['Average days late', days(figures.averageDaysLate, format)],
    ['Weighted by amount', days(figures.weightedDaysLate, format)],
    ['Paid on time', share(figures.onTimeShare)],
    ['Within 7 days', share(figures.within7Share)],
    [
      'Promises',
      kept + broken + open === 0
        ? 'None made'
        : `${kept} kept · ${broken} broken${open > 0 ? ` · ${open} waiting` : ''}`,
    ],
    ['Disputes raised', format.number(figures.disputes)],
    [
      'Contacts per invoice paid',
      figures.contactsPerInvoicePaid === null
        ? '—'
        : format.number(Math.round(figures.contactsPerInvoicePaid * 10) / 10),
    ],
    [
      'Longest overdue now',
      figures.longestOverdueDays > 0
        ? format.count(figures.longestOverdueDays, 'day', 'days')
        : 'Nothing overdue',
    ],
    ['Billed, all time', money(figures.billed)],
    ['Paid, all time', money(figures.received)],
    [
      'Last 6 months',
      figures.trend.recent === null || figures.trend.before === null
        ? trendWords.unknown
        : `${trendWords[figures.trend.direction]}: ${days(figures.trend.recent, format)} late, ${days(figures.trend.before, format)} the year before`,
    ],
  ];
}

/** Days late of each recently paid invoice, oldest first; on time shows as a sliver. */
function DaysLateChart({ value, format }: { value: CustomerBehaviour; format: Formatters }) {
  const data = value.points.map((point) => ({
    invoice: point.number,
    daysLate: point.daysLate,
    paidOn: format.date(point.paidOn),
  }));
  return (
    <div aria-label="Days late per invoice" role="figure">
      <Text fz="xs" c="dimmed" fw={600} mb={4}>
        Days late per invoice, oldest first ({format.count(data.length, 'invoice', 'invoices')})
      </Text>
      <BarChart
        h={140}
        data={data}
        dataKey="invoice"
        series={[{ name: 'daysLate', label: 'Days late', color: 'orange.6' }]}
        withXAxis={false}
        gridAxis="y"
        valueFormatter={(n) => format.number(n)}
        tooltipAnimationDuration={150}
        barChartProps={{ margin: { top: 4, right: 4, bottom: 0, left: 0 } }}
      />
    </div>
  );
}
