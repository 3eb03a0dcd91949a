/**
 * CSV layouts that are reports, not ledger data: aging and the timeline. Read by people in a
 * spreadsheet, never imported back. Same encoding and formula rules as our own export
 * (csv-cells.ts); amounts in major units of the row's currency.
 */
import type { CsvColumn } from './csv-cells';
import type { AgingReportRow, TimelineEntry } from '../ledger';
import { minorToDecimalString, type Minor } from '../money';

const money = (
  header: string,
  value: (row: AgingReportRow) => Minor,
): CsvColumn<AgingReportRow> => ({
  header,
  kind: 'number',
  value: (row) => minorToDecimalString(value(row), row.currency),
});

export const agingCsvColumns: readonly CsvColumn<AgingReportRow>[] = [
  { header: 'customer_id', kind: 'number', value: (r) => String(r.customerId) },
  { header: 'customer_name', kind: 'text', value: (r) => r.customerName },
  { header: 'currency', kind: 'text', value: (r) => r.currency },
  money('current', (r) => r.current),
  money('days_1_30', (r) => r.d1_30),
  money('days_31_60', (r) => r.d31_60),
  money('days_61_90', (r) => r.d61_90),
  money('days_over_90', (r) => r.d90_plus),
  money('total', (r) => r.total),
  { header: 'oldest_days_overdue', kind: 'number', value: (r) => String(r.oldestDaysOverdue) },
  { header: 'last_contact_at', kind: 'text', value: (r) => r.lastContactAt ?? '' },
];

export interface TimelineCsvRow extends TimelineEntry {
  customerId: number | null;
  customerName: string;
}

export const timelineCsvColumns: readonly CsvColumn<TimelineCsvRow>[] = [
  { header: 'occurred_at', kind: 'text', value: (r) => r.occurredAt },
  {
    header: 'customer_id',
    kind: 'number',
    value: (r) => (r.customerId === null ? '' : String(r.customerId)),
  },
  { header: 'customer_name', kind: 'text', value: (r) => r.customerName },
  { header: 'kind', kind: 'text', value: (r) => r.kind },
  { header: 'summary', kind: 'text', value: (r) => r.summary },
  { header: 'details', kind: 'text', value: (r) => JSON.stringify(r.details) },
];
