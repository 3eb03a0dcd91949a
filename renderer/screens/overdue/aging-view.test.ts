import { describe, expect, it } from 'vitest';
import type { AgingReportRow } from '../../../shared/ledger';
import { filterRows, nextSort, sortRows } from './aging-view';

function row(customerId: number, customerName: string, extra: Partial<AgingReportRow> = {}) {
  return {
    customerId,
    customerName,
    currency: 'GBP',
    current: 0,
    d1_30: 0,
    d31_60: 0,
    d61_90: 0,
    d90_plus: 0,
    total: 0,
    oldestDaysOverdue: 0,
    lastContactAt: null,
    ...extra,
  } satisfies AgingReportRow;
}

const rows = [
  row(1, 'Harbour Café', { d31_60: 23000, current: 12000, total: 35000, oldestDaysOverdue: 34 }),
  row(2, 'Old Mill Bakery', { d90_plus: 50000, total: 50000, oldestDaysOverdue: 134 }),
  row(3, 'harbour view hotel', { currency: 'EUR', current: 9000, total: 9000 }),
  row(4, 'Customer 10', { d1_30: 100, total: 100, oldestDaysOverdue: 2 }),
  row(5, 'Customer 9', { d1_30: 100, total: 100, oldestDaysOverdue: 2 }),
];

describe('filterRows', () => {
  it('finds customers by part of their name, in any case', () => {
    expect(filterRows(rows, { currency: null, bucket: null, text: 'HARBOUR' })).toHaveLength(2);
  });

  it('keeps one currency, or those with something in a bucket', () => {
    expect(
      filterRows(rows, { currency: 'EUR', bucket: null, text: '' }).map((r) => r.customerId),
    ).toEqual([3]);
    expect(
      filterRows(rows, { currency: null, bucket: 'd90_plus', text: ' ' }).map((r) => r.customerId),
    ).toEqual([2]);
  });
});

describe('sortRows', () => {
  it('keeps the API order when no column is chosen', () => {
    expect(sortRows(rows, null).map((r) => r.customerId)).toEqual([1, 2, 3, 4, 5]);
  });

  it('sorts names as people read them: case-blind, numbers by value', () => {
    const sorted = sortRows(rows, { column: 'customer', direction: 'ascending' });
    expect(sorted.map((r) => r.customerName)).toEqual([
      'Customer 9',
      'Customer 10',
      'Harbour Café',
      'harbour view hotel',
      'Old Mill Bakery',
    ]);
  });

  it('sorts figures, ties broken by name', () => {
    const sorted = sortRows(rows, { column: 'd1_30', direction: 'descending' });
    expect(sorted.slice(0, 2).map((r) => r.customerName)).toEqual(['Customer 9', 'Customer 10']);
    expect(sortRows(rows, { column: 'oldest', direction: 'descending' })[0]!.customerId).toBe(2);
  });
});

describe('nextSort', () => {
  it('starts names A–Z and figures largest first, and reverses on a second click', () => {
    expect(nextSort(null, 'customer').direction).toBe('ascending');
    const byTotal = nextSort(null, 'total');
    expect(byTotal.direction).toBe('descending');
    expect(nextSort(byTotal, 'total').direction).toBe('ascending');
  });
});
