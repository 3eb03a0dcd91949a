import { Text, UnstyledButton } from '@mantine/core';
import {
  agingBuckets,
  bucketLabels,
  type AgingBucket,
  type AgingTotals,
} from '../../../shared/aging';
import type { BehaviourRow } from '../../../shared/api/behaviour';
import type { AgingReportRow } from '../../../shared/ledger';
import type { Minor } from '../../../shared/money';
import { AppLink } from '../../components/AppLink';
import { Nothing } from '../../components/Nothing';
import { VirtualTable, type Column, type Sort } from '../../components/VirtualTable';
import { useFormat, type Formatters } from '../../format';
import type { AgingColumn } from './aging-view';

/** A figure of the table, to trace to the invoices behind it. */
export interface FigureTarget {
  customerId: number;
  customerName: string;
  currency: string;
  /** Null: every open invoice of the row. */
  bucket: AgingBucket | null;
  amount: Minor;
}

const creditKey = (customerId: number, currency: string) => `${customerId}|${currency}`;

/** Roughly how wide a bold figure of the totals row is, in pixels at the table's size. */
const figureWidth = (text: string) => Math.ceil(text.length * 8.6) + 4;
/** The narrowest a money column may be, and the fixed columns beside them. */
const moneyColumnMin = 72;
const fixedWidths = { customer: 140, oldest: 76, habit: 104, lastContact: 84 };
/** Column gaps (Mantine's `sm`) and the row's side padding (`md`). */
const rowChrome = 9 * 12 + 2 * 16;

export function AgingTable(props: {
  rows: readonly AgingReportRow[];
  totals: readonly AgingTotals[];
  unappliedCredit: ReadonlyMap<string, Minor>;
  showCurrency: boolean;
  sort: Sort<AgingColumn> | null;
  onSort: (column: AgingColumn) => void;
  onFigure: (target: FigureTarget) => void;
  /** How each customer usually pays; null while it is still being read. */
  habits: ReadonlyMap<number, BehaviourRow> | null;
}) {
  const format = useFormat();
  // A column is at least as wide as its widest total, which is the widest figure in it: a
  // business owed millions must not see the totals run into each other.
  const widest = (bucket: AgingBucket | null) =>
    props.totals.reduce(
      (width, totals) =>
        Math.max(
          width,
          figureWidth(format.money(bucket ? totals[bucket] : totals.total, totals.currency)),
        ),
      moneyColumnMin,
    );
  const moneyWidths = { buckets: agingBuckets.map(widest), total: widest(null) };
  const minWidth =
    Object.values(fixedWidths).reduce((sum, width) => sum + width, 0) +
    moneyWidths.buckets.reduce((sum, width) => sum + width, 0) +
    moneyWidths.total +
    rowChrome;
  const figure = (row: AgingReportRow, bucket: AgingBucket | null) => {
    const amount = bucket ? row[bucket] : row.total;
    if (amount === 0) return <Nothing />;
    const text = format.money(amount, row.currency);
    return (
      <UnstyledButton
        className={bucket ? 'figure' : 'figure figure-total'}
        aria-label={`${bucket ? bucketLabels[bucket] : 'Total'}: ${text}`}
        onClick={() =>
          props.onFigure({
            customerId: row.customerId,
            customerName: row.customerName,
            currency: row.currency,
            bucket,
            amount,
          })
        }
      >
        {text}
      </UnstyledButton>
    );
  };

  const columns: Column<AgingReportRow, AgingColumn>[] = [
    {
      key: 'customer',
      header: 'Customer',
      width: `minmax(${fixedWidths.customer}px, 2fr)`,
      sortable: true,
      cell: (row) => (
        <CustomerCell
          row={row}
          credit={props.unappliedCredit.get(creditKey(row.customerId, row.currency)) ?? 0}
          showCurrency={props.showCurrency}
          format={format}
        />
      ),
    },
    ...agingBuckets.map((bucket, index): Column<AgingReportRow, AgingColumn> => ({
      key: bucket,
      header: bucketLabels[bucket],
      width: `minmax(${moneyWidths.buckets[index]}px, 1fr)`,
      align: 'end',
      sortable: true,
      cell: (row) => figure(row, bucket),
    })),
    {
      key: 'total',
      header: 'Total',
      width: `minmax(${moneyWidths.total}px, 1fr)`,
      align: 'end',
      sortable: true,
      cell: (row) => figure(row, null),
    },
    {
      key: 'oldest',
      header: 'Oldest overdue',
      width: `${fixedWidths.oldest}px`,
      align: 'end',
      sortable: true,
      cell: (row) =>
        row.oldestDaysOverdue > 0 ? (
          `${row.oldestDaysOverdue} ${row.oldestDaysOverdue === 1 ? 'day' : 'days'}`
        ) : (
          <Nothing />
        ),
    },
    {
      key: 'habit',
      header: 'Usually pays',
      width: `${fixedWidths.habit}px`,
      sortable: true,
      cell: (row) => <HabitCell habits={props.habits} customerId={row.customerId} />,
    },
    {
      key: 'lastContact',
      header: 'Last contact',
      width: `${fixedWidths.lastContact}px`,
      align: 'end',
      sortable: true,
      cell: (row) => (row.lastContactAt ? format.instant(row.lastContactAt) : <Nothing />),
    },
  ];

  const footer = props.totals.map((totals) => ({
    key: totals.currency,
    label: `Total in ${totals.currency}`,
    cells: [
      <div key="label" className="cell-stack">
        <Text span fz="sm" fw={600}>
          Total {totals.currency}
        </Text>
        <Text span fz="xs" c="dimmed" fw={400} truncate>
          {format.count(totals.customers, 'customer', 'customers')}
        </Text>
      </div>,
      ...agingBuckets.map((bucket) =>
        totals[bucket] === 0 ? (
          <Nothing key={bucket} />
        ) : (
          format.money(totals[bucket], totals.currency)
        ),
      ),
      format.money(totals.total, totals.currency),
      '',
      '',
      '',
    ],
  }));

  return (
    <VirtualTable
      label="Overdue by customer"
      rows={props.rows}
      columns={columns}
      rowKey={(row) => creditKey(row.customerId, row.currency)}
      rowHeight={52}
      sort={props.sort}
      onSort={props.onSort}
      footer={footer}
      minWidth={minWidth}
      minVisibleRows={5}
      className="fill-rest"
    />
  );
}

function CustomerCell(props: {
  row: AgingReportRow;
  credit: Minor;
  showCurrency: boolean;
  format: Formatters;
}) {
  const { row, credit } = props;
  const notes = [
    props.showCurrency ? row.currency : null,
    credit > 0 ? `${props.format.money(credit, row.currency)} credit to apply` : null,
  ].filter(Boolean);
  return (
    <div className="cell-stack">
      <AppLink to={{ screen: 'customer', id: row.customerId }} fz="sm" fw={500} c="dark.7" truncate>
        {row.customerName}
      </AppLink>
      {notes.length > 0 && (
        <Text fz="xs" c="dimmed" truncate>
          {notes.join(' · ')}
        </Text>
      )}
    </div>
  );
}

/** The customer's habit in a few words, their summary on hover; a dash until it is read. */
function HabitCell(props: {
  habits: ReadonlyMap<number, BehaviourRow> | null;
  customerId: number;
}) {
  if (!props.habits) {
    return (
      <Text span fz="xs" c="dimmed">
        …
      </Text>
    );
  }
  const habit = props.habits.get(props.customerId);
  if (!habit) return <Nothing />;
  const late = (habit.usualDaysLate ?? 0) > 0;
  return (
    <Text span fz="xs" c={late ? 'orange.8' : 'dimmed'} title={habit.summary} truncate>
      {habit.label}
    </Text>
  );
}
