import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvFile, restoreTextCell } from './csv-cells';
import {
  goodwillExportFileOf,
  goodwillExportHeaders,
  paymentExportColumns,
  type PaymentAllocationExportRow,
} from './goodwill-export';

describe("Goodwill's own export layout", () => {
  it('recognises each of its files by the header, BOM or not, and nothing else', () => {
    for (const [file, header] of Object.entries(goodwillExportHeaders)) {
      expect(goodwillExportFileOf(header)).toBe(file);
      expect(goodwillExportFileOf(['\uFEFF' + header[0]!, ...header.slice(1)])).toBe(file);
      expect(goodwillExportFileOf(header.slice(1))).toBeNull();
    }
    expect(goodwillExportFileOf(['Invoice Number', 'Client Name'])).toBeNull();
  });

  it('writes amounts in major units of the row currency (JPY whole) and neutralises text', () => {
    const row: PaymentAllocationExportRow = {
      paymentId: 7,
      customerId: 3,
      customerName: '=cmd|calc',
      date: '2027-03-01',
      currency: 'JPY',
      amount: 15000,
      method: 'bank transfer',
      reference: '-ref',
      refunded: 0,
      unapplied: 5000,
      invoiceId: 11,
      invoiceNumber: 'INV-0011',
      allocatedAmount: 10000,
      source: 'goodwill',
      externalId: null,
    };
    const [header, record] = parse(csvFile(paymentExportColumns, [row]), {
      bom: true,
    }) as string[][];
    const cells = Object.fromEntries(header!.map((h, i) => [h, record![i]!]));
    expect(cells).toMatchObject({
      payment_id: '7',
      amount: '15000',
      unapplied: '5000',
      allocated_amount: '10000',
      customer_name: "'=cmd|calc",
      reference: "'-ref",
      external_id: '',
    });
    expect(restoreTextCell(cells.customer_name!)).toBe('=cmd|calc');
  });
});
