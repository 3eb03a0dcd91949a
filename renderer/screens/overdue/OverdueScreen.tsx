import { Button, SegmentedControl } from '@mantine/core';
import { IconFileInvoice, IconFilterOff } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { fromColumns } from '../../../shared/columns';
import type { Minor } from '../../../shared/money';
import { call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { StillLoading } from '../../components/StillLoading';
import { PageHeader } from '../../components/PageHeader';
import type { Sort } from '../../components/VirtualTable';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { AgingChart } from './AgingChart';
import { AgingDetailDrawer } from './AgingDetailDrawer';
import { AgingFilters } from './AgingFilters';
import { AgingTable, type FigureTarget } from './AgingTable';
import {
  filterRows,
  nextSort,
  noFilter,
  sortRows,
  type AgingColumn,
  type AgingFilter,
} from './aging-view';
import { ExpectedCash } from './ExpectedCash';
import { NothingOwed } from './NothingOwed';
import { OwedOverTime } from './OwedOverTime';

/** "Who owes me what, and how late?": one row per customer and currency. */
export function OverdueScreen() {
  const format = useFormat();
  const navigate = useNavigate();
  const load = useCallback(() => call('ledger.aging', {}), []);
  const report = useLoad(load);
  // Asked only once aging has answered, so it never holds up the first rows (the first read of
  // every customer's history is the dearer of the two): the column fills in after.
  const agingShown = report.value !== undefined;
  const loadHabits = useCallback(
    () => (agingShown ? call('customers.behaviours', {}) : Promise.resolve(null)),
    [agingShown],
  );
  const habitList = useLoad(loadHabits);
  const habits = useMemo(
    () =>
      habitList.value
        ? new Map(fromColumns(habitList.value.rows).map((row) => [row.customerId, row]))
        : null,
    [habitList.value],
  );
  const [filter, setFilter] = useState<AgingFilter>(noFilter);
  const [sort, setSort] = useState<Sort<AgingColumn> | null>(null);
  const [figure, setFigure] = useState<FigureTarget | null>(null);
  const [view, setView] = useState<'owed' | 'cash' | 'time'>('owed');

  const value = report.value;
  // The answer's long lists come column by column: back into rows once per answer.
  const allRows = useMemo(() => (value ? fromColumns(value.rows) : []), [value]);
  const rows = useMemo(
    () =>
      sortRows(
        filterRows(allRows, filter),
        sort,
        (customerId) => habits?.get(customerId)?.usualDaysLate ?? -1,
      ),
    [allRows, filter, sort, habits],
  );
  const credit = useMemo(
    () =>
      new Map<string, Minor>(
        (value ? fromColumns(value.unappliedCredit) : []).map((c) => [
          `${c.customerId}|${c.currency}`,
          c.amount,
        ]),
      ),
    [value],
  );

  const header = (
    <PageHeader
      title="Overdue"
      description={
        value
          ? `Who owes you what, and how late, as of ${format.date(value.asOf)}.`
          : 'Who owes you what, and how late.'
      }
      actions={
        <Button
          leftSection={<IconFileInvoice size={18} />}
          onClick={() => navigate({ screen: 'newInvoice' })}
        >
          New invoice
        </Button>
      }
    />
  );

  if (!value) {
    return (
      <StillLoading
        top={header}
        error={report.error}
        onRetry={report.reload}
        what="who owes you"
        wide
      />
    );
  }

  const currencies = value.totals.map((t) => t.currency);
  const totals = filter.currency
    ? value.totals.filter((t) => t.currency === filter.currency)
    : value.totals;
  return (
    <div className="screen-wide screen-fill">
      {header}
      <SegmentedControl
        aria-label="Show"
        className="overdue-views"
        value={view}
        onChange={(next) => setView(next as 'owed' | 'cash' | 'time')}
        data={[
          { value: 'owed', label: 'Who owes what' },
          { value: 'cash', label: 'Expected cash' },
          { value: 'time', label: 'Over time' },
        ]}
      />
      {view === 'cash' ? (
        <ExpectedCash />
      ) : view === 'time' ? (
        <OwedOverTime />
      ) : allRows.length === 0 ? (
        <NothingOwed />
      ) : (
        <>
          <AgingChart
            totals={value.totals}
            onPick={(currency, bucket) =>
              setFilter({
                ...filter,
                currency: currencies.length > 1 ? currency : null,
                bucket,
              })
            }
          />
          <AgingFilters
            filter={filter}
            onChange={setFilter}
            currencies={currencies}
            shown={rows.length}
            of={allRows.length}
          />
          {rows.length === 0 ? (
            <EmptyState
              icon={<IconFilterOff size={26} />}
              title="No one matches these filters"
              action={
                <Button variant="light" onClick={() => setFilter(noFilter)}>
                  Clear filters
                </Button>
              }
            >
              Try part of a name, or another lateness.
            </EmptyState>
          ) : (
            <AgingTable
              rows={rows}
              totals={totals}
              unappliedCredit={credit}
              showCurrency={currencies.length > 1}
              sort={sort}
              onSort={(column) => setSort(nextSort(sort, column))}
              onFigure={setFigure}
              habits={habits}
            />
          )}
        </>
      )}
      <AgingDetailDrawer target={figure} onClose={() => setFigure(null)} />
    </div>
  );
}
