/**
 * An export reads a snapshot of its own: the app's connection goes on saving while an export's
 * rows are being read (one connection cannot write while it iterates), and the export sees the
 * ledger as it was when it began, in every file.
 */
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';
import { openExportReader } from './export-reader';
import { customerExportRows } from './exports.repository';

const tempDir = useTempDirs();

describe('openExportReader', () => {
  it('reads one snapshot while the app saves beside it', async () => {
    const ledger = await startLedgerApp(await tempDir());
    for (const name of ['Ana', 'Bob', 'Cai']) await ledger.ok('customers.create', { name });
    const reader = openExportReader(ledger.app.databaseFile);
    try {
      const rows = customerExportRows({ db: ledger.app.connection.db, sqlite: reader.sqlite }, {});
      const first = rows.next();
      expect(first.value).toMatchObject({ name: 'Ana' });
      // Half-way through the export, the owner saves a customer and renames another.
      const dee = await ledger.ok<Customer>('customers.create', { name: 'Dee' });
      await ledger.ok('customers.update', { id: dee.id - 1, name: 'Cai Jones' });
      expect([...rows].map((row) => row.name)).toEqual(['Bob', 'Cai']);
    } finally {
      reader.close();
      reader.close();
    }
    const names = ledger.app.connection.sqlite
      .prepare('SELECT name FROM customers ORDER BY id')
      .pluck()
      .all();
    expect(names).toEqual(['Ana', 'Bob', 'Cai Jones', 'Dee']);
    await ledger.app.close();
  });

  it('cannot write', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const reader = openExportReader(ledger.app.databaseFile);
    expect(() => reader.sqlite.prepare('DELETE FROM customers').run()).toThrow(/readonly/);
    reader.close();
    await ledger.app.close();
  });
});
