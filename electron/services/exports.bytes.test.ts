/**
 * The CSV files byte for byte: every kind, for everyone and for one customer, from a varied
 * ledger (formulas, quotes, commas, line breaks, CJK, four currencies, drafts, voids, refunds),
 * against the files the first, in-memory exporter wrote for the same ledger (kept in
 * __snapshots__/exports/). Streaming the files must not change a single byte of them.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CsvExportInput } from '../../shared/api/exports';
import { exportedCsv } from '../testing/exported-csv';
import { useTempDirs } from '../testing/temp-dir';
import { variedLedger } from '../testing/varied-ledger';

const tempDir = useTempDirs();

const everyone: CsvExportInput[] = [
  { kind: 'customers' },
  { kind: 'invoices' },
  { kind: 'payments' },
  { kind: 'adjustments' },
  { kind: 'aging', asOf: '2027-03-15' },
  { kind: 'aging', asOf: '2027-02-01' },
  { kind: 'timeline' },
];

describe('exports.csv, byte for byte', () => {
  it('writes every file exactly as the in-memory exporter did', async () => {
    const ledger = await variedLedger(await tempDir());
    const customerIds = ledger.app.connection.sqlite
      .prepare('SELECT id FROM customers ORDER BY id')
      .pluck()
      .all() as number[];
    const inputs = [
      ...everyone,
      ...customerIds.flatMap((customerId) =>
        everyone.map((input) => ({ ...input, customerId }) as CsvExportInput),
      ),
    ];
    for (const input of inputs) {
      const { fileName, bytes } = await exportedCsv(ledger, input);
      const name = [input.kind, input.asOf, input.customerId].filter(Boolean).join('-');
      expect(fileName).toMatch(/^Goodwill .*\.csv$/);
      const text = bytes.toString('utf8');
      // Valid UTF-8 round-trips, so comparing the text compares every byte.
      expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
      // Read from disk, not a file snapshot: a missing golden file must fail, not be written.
      const golden = await readFile(new URL(`__snapshots__/exports/${name}.csv`, import.meta.url));
      expect(bytes.equals(golden), name).toBe(true);
    }
    await ledger.app.close();
  });
});
