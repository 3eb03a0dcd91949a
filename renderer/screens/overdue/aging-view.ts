/**
 * What the Overdue screen shows of the aging report: which rows, in which order. Only
 * choosing and ordering rows; every figure comes from the API as it is.
 */
import type { AgingBucket } from '../../../shared/aging';
import type { AgingReportRow } from '../../../shared/ledger';
import type { Sort } from '../../components/VirtualTable';

export type AgingColumn = 'customer' | AgingBucket | 'total' | 'oldest' | 'habit' | 'lastContact';

export interface AgingFilter {
  currency: string | null;
  /** Only customers with something in this bucket. */
  bucket: AgingBucket | null;
  /** Part of the customer's name. */
  text: string;
}

export const noFilter: AgingFilter = { currency: null, bucket: null, text: '' };

export function isFiltered(filter: AgingFilter): boolean {
  return filter.currency !== null || filter.bucket !== null || filter.text.trim() !== '';
}

export function filterRows(rows: readonly AgingReportRow[], filter: AgingFilter) {
  const text = filter.text.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (filter.currency === null || row.currency === filter.currency) &&
      (filter.bucket === null || row[filter.bucket] > 0) &&
      (text === '' || row.customerName.toLocaleLowerCase().includes(text)),
  );
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A customer's usual days late, for sorting; -1 when unknown, so they sort before on time. */
export type HabitOf = (customerId: number) => number;

const noHabits: HabitOf = () => -1;

function compare(
  a: AgingReportRow,
  b: AgingReportRow,
  column: AgingColumn,
  habit: HabitOf,
): number {
  switch (column) {
    case 'customer':
      return byName.compare(a.customerName, b.customerName) || a.currency.localeCompare(b.currency);
    case 'total':
      return a.total - b.total;
    case 'oldest':
      return a.oldestDaysOverdue - b.oldestDaysOverdue;
    case 'habit':
      return habit(a.customerId) - habit(b.customerId);
    case 'lastContact':
      return (a.lastContactAt ?? '').localeCompare(b.lastContactAt ?? '');
    default:
      return a[column] - b[column];
  }
}

/** Rows in the chosen order; with none chosen, as the API sends them (most overdue first). */
export function sortRows(
  rows: readonly AgingReportRow[],
  sort: Sort<AgingColumn> | null,
  habit: HabitOf = noHabits,
): AgingReportRow[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * compare(a, b, sort.column, habit) ||
      byName.compare(a.customerName, b.customerName) ||
      a.customerId - b.customerId,
  );
}

/** A click on a column's header: names go A–Z first, figures largest first; again reverses. */
export function nextSort(
  current: Sort<AgingColumn> | null,
  column: AgingColumn,
): Sort<AgingColumn> {
  if (current?.column === column) {
    return {
      column,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  }
  return { column, direction: column === 'customer' ? 'ascending' : 'descending' };
}
