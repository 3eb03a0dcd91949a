/**
 * "A round trip through our own import gives the same ledger": a varied ledger built through
 * the API in one temp folder, exported as Goodwill's four CSV files, imported together into a
 * fresh ledger in another, and the two compared table by table (customers, invoices with
 * their lines, payments with where they went and their refunds, credit notes, write-offs, and
 * aging): equal but for ids and timestamps. Importing the same files again changes nothing.
 * Bad sets are refused by file and row, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRecord } from '../../shared/api/imports';
import { fromColumns } from '../../shared/columns';
import type { AgingReport } from '../../shared/ledger';
import { exportedCsv } from '../testing/exported-csv';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';
import { variedLedger, type Ledger } from '../testing/varied-ledger';

const tempDir = useTempDirs();

const exportKinds = ['customers', 'invoices', 'payments', 'adjustments'] as const;

async function exportFiles(ledger: Ledger) {
  return Promise.all(
    exportKinds.map(async (kind) => {
      const file = await exportedCsv(ledger, { kind });
      return {
        fileName: `${kind}.csv`,
        text: file.bytes.toString('utf8'),
      };
    }),
  );
}

/** The ledger without ids and timestamps: what must survive a round trip. */
async function ledgerOf(ledger: Ledger) {
  const db = ledger.app.connection.sqlite;
  const all = <T>(query: string) => db.prepare(query).all() as T[];
  const customers = all<Record<string, unknown>>('SELECT * FROM customers ORDER BY name').map(
    ({ id: _id, created_at: _c, updated_at: _u, import_id: _i, archived_at, ...rest }) => ({
      ...rest,
      archived: archived_at !== null,
    }),
  );
  const lines = all<Record<string, unknown>>(
    'SELECT i.number, l.* FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id ORDER BY i.number, l.position',
  ).map(({ id: _id, invoice_id: _i, ...rest }) => rest);
  const invoices = all<Record<string, unknown>>(
    `SELECT c.name AS customer, i.* FROM invoices i JOIN customers c ON c.id = i.customer_id
     ORDER BY i.number`,
  ).map(
    ({
      id: _id,
      customer_id: _c,
      created_at: _cr,
      updated_at: _u,
      import_id: _i,
      voided_at,
      ...rest
    }) => ({
      ...rest,
      void: voided_at !== null,
      lines: lines.filter((line) => line.number === rest.number),
    }),
  );
  const allocations = all<{ payment_id: number; number: string; amount: number }>(
    'SELECT a.payment_id, i.number, a.amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id ORDER BY i.number',
  );
  const refunds = all<Record<string, unknown>>('SELECT * FROM refunds ORDER BY date, amount');
  const payments = all<Record<string, unknown>>(
    `SELECT c.name AS customer, p.* FROM payments p JOIN customers c ON c.id = p.customer_id
     ORDER BY c.name, p.date, p.amount, p.reference`,
  ).map(({ id, customer_id: _c, created_at: _cr, import_id: _i, ...rest }) => ({
    ...rest,
    allocations: allocations
      .filter((a) => a.payment_id === id)
      .map((a) => `${a.number}: ${a.amount}`),
    refunds: refunds
      .filter((r) => r.payment_id === id)
      .map(({ id: _r, payment_id: _p, created_at: _rc, ...refund }) => refund),
  }));
  const adjustments = all<Record<string, unknown>>(
    `SELECT 'credit_note' AS kind, i.number, x.date, x.amount, x.reason
       FROM credit_notes x JOIN invoices i ON i.id = x.invoice_id
     UNION ALL
     SELECT 'write_off', i.number, x.date, x.amount, x.reason
       FROM write_offs x JOIN invoices i ON i.id = x.invoice_id
     ORDER BY 2, 1, 3, 4`,
  );
  const aging = await ledger.ok<AgingReport>('ledger.aging', { asOf: '2027-03-15' });
  return {
    customers,
    invoices,
    payments,
    adjustments,
    aging: {
      rows: fromColumns(aging.rows).map(({ customerId: _c, ...row }) => row),
      totals: aging.totals,
      unapplied: fromColumns(aging.unappliedCredit).map(({ customerId: _c, ...row }) => row),
    },
  };
}

describe('a round trip through our own export and import', () => {
  it('gives the same ledger, and importing it twice changes nothing', async () => {
    const source = await variedLedger(await tempDir());
    const files = await exportFiles(source);
    const before = await ledgerOf(source);
    // The ledger is as varied as promised.
    expect(before.customers).toHaveLength(5);
    expect(before.invoices.map((i) => (i as Record<string, unknown>).currency)).toEqual(
      expect.arrayContaining(['GBP', 'EUR', 'JPY', 'KWD']),
    );
    expect(before.adjustments.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['credit_note', 'write_off']),
    );
    expect(before.payments.some((p) => (p.refunds as unknown[]).length > 0)).toBe(true);
    expect(before.aging.unapplied.length).toBeGreaterThan(0);
    await source.app.close();

    const target = await startLedgerApp(await tempDir());
    // Picked in any order: the set is known by its headers.
    const picked = [files[2]!, files[0]!, files[3]!, files[1]!];
    const preview = await target.ok<ImportPreview>('import.preview', { files: picked });
    expect(preview.source?.id).toBe('goodwill-export');
    expect(preview.errorCount).toBe(0);
    expect(preview.issues).toEqual([]);
    expect(preview.fileName).toBe('customers.csv, invoices.csv, payments.csv, adjustments.csv');
    expect(preview.counts.customers.created).toBe(5);
    expect(preview.counts.invoices.created).toBe(before.invoices.length);
    expect(preview.counts.payments.created).toBe(before.payments.length);
    // Credit notes and write-offs, and the one refund.
    expect(preview.counts.adjustments).toEqual({
      created: before.adjustments.length + 1,
      unchanged: 0,
    });
    const record = await target.ok<ImportRecord>('import.commit', { files: picked });
    expect(record.source).toBe('goodwill-export');
    expect(await ledgerOf(target)).toEqual(before);

    const again = await target.ok<ImportPreview>('import.preview', { files });
    expect(again.importedBefore?.id).toBe(record.id);
    expect(again.counts.customers).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(again.counts.invoices.created).toBe(0);
    expect(again.counts.payments).toEqual({ created: 0, unchanged: before.payments.length });
    expect(again.counts.adjustments?.created).toBe(0);
    await target.ok('import.commit', { files });
    expect(await ledgerOf(target)).toEqual(before);

    // Each customer's timeline says where their books came from.
    const events = target.app.connection.sqlite
      .prepare(
        "SELECT summary FROM events WHERE kind = 'import.applied' AND customer_id IS NOT NULL",
      )
      .pluck()
      .all() as string[];
    expect(events).toContain(
      'Added from a Goodwill export (customers.csv, invoices.csv, payments.csv, adjustments.csv), with 1 invoice added, 2 payments added, 1 credit note or write-off added.',
    );
    await target.app.close();
  });

  it('undoes the whole set as one step', async () => {
    const source = await variedLedger(await tempDir());
    const files = await exportFiles(source);
    await source.app.close();
    const target = await startLedgerApp(await tempDir());
    const record = await target.ok<ImportRecord>('import.commit', { files });
    await target.ok('import.undo', { id: record.id });
    const db = target.app.connection.sqlite;
    for (const table of [
      'customers',
      'invoices',
      'invoice_lines',
      'payments',
      'allocations',
      'refunds',
      'credit_notes',
      'write_offs',
    ]) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    await target.app.close();
  });

  it('refuses a set with a bad row, naming the file, row and column, and writes nothing', async () => {
    const source = await variedLedger(await tempDir());
    const files = await exportFiles(source);
    await source.app.close();
    const target = await startLedgerApp(await tempDir());
    const payments = files[2]!;
    // The first payment row's amount, made unreadable; and an allocation to a missing invoice.
    const rows = payments.text.split('\r\n');
    rows[1] = rows[1]!.replace(/,500\.00,/, ',5O0.00,');
    const broken = [
      files[0]!,
      files[1]!,
      { fileName: 'payments.csv', text: rows.join('\r\n') },
      files[3]!,
    ];
    const untouched = target.fingerprint();
    const preview = await target.ok<ImportPreview>('import.preview', { files: broken });
    expect(preview.errorCount).toBeGreaterThan(0);
    expect(preview.issues[0]).toMatchObject({
      file: 'payments.csv',
      row: 2,
      column: 'amount',
      value: '5O0.00',
      severity: 'error',
    });
    const refused = await target.call('import.commit', { files: broken });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'skipErrors' },
    });
    expect(target.fingerprint()).toBe(untouched);

    const stranger = await target.call('import.preview', {
      files: [files[0]!, { fileName: 'other.csv', text: 'Name,Amount\r\nAna,1.00\r\n' }],
    });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'files.1' },
    });
    const twice = await target.call('import.preview', { files: [files[0]!, files[0]!] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'files.1' } });
    expect(target.fingerprint()).toBe(untouched);
    await target.app.close();
  });
});
