/**
 * Each invoice's `last_paid_on` (migration 0011): filled in for a ledger that existed before
 * the migration, and kept equal to its allocations by the triggers whatever writes them,
 * including an import and its undo, and a payment whose date is corrected.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../shared/api/imports';
import { startLedgerApp } from '../testing/ledger-app';
import { manualClock, useTempDirs } from '../testing/temp-dir';
import { closeConnection, openConnection } from './connection';
import { migrations } from './migrations';
import { migrate } from './migrator';

const tempDir = useTempDirs();
const clock = manualClock('2027-03-15T09:00:00Z');
const at = '2027-03-01T09:00:00Z';

type Sqlite = Awaited<ReturnType<typeof openConnection>>['sqlite'];

/** Invoices whose kept date differs from their allocations' latest payment. */
function drift(sqlite: Sqlite): number {
  return sqlite
    .prepare(
      `SELECT count(*) FROM invoices i WHERE last_paid_on IS NOT
         (SELECT max(p.date) FROM allocations a JOIN payments p ON p.id = a.payment_id
          WHERE a.invoice_id = i.id)`,
    )
    .pluck()
    .get() as number;
}

function paidOn(sqlite: Sqlite): Record<string, string | null> {
  const rows = sqlite.prepare('SELECT number, last_paid_on FROM invoices ORDER BY number').all();
  return Object.fromEntries(
    (rows as { number: string; last_paid_on: string | null }[]).map((r) => [
      r.number,
      r.last_paid_on,
    ]),
  );
}

describe("an invoice's last paid date", () => {
  it('is filled in from the allocations of a ledger made before the migration', async () => {
    const connection = await openConnection(join(await tempDir(), 'goodwill.db'));
    const before = migrations.findIndex((m) => m.name === '0011_invoice_paid_on');
    await migrate(connection.db, migrations.slice(0, before), { now: clock.now });
    const { sqlite } = connection;
    sqlite
      .prepare(
        `INSERT INTO customers (id, name, kind, created_at, updated_at) VALUES (1, 'Ava', 'company', ?, ?)`,
      )
      .run(at, at);
    const invoice = sqlite.prepare(
      `INSERT INTO invoices (id, customer_id, number, issue_date, due_date, currency, terms_kind,
         net_amount, tax_amount, total_amount, settled_amount, created_at, updated_at)
       VALUES (?, 1, ?, '2027-01-01', '2027-01-31', 'GBP', 'net', ?, 0, ?, ?, ?, ?)`,
    );
    invoice.run(1, 'INV-1', 1000, 1000, 1000, at, at);
    invoice.run(2, 'INV-2', 1000, 1000, 400, at, at);
    invoice.run(3, 'INV-3', 1000, 1000, 0, at, at);
    const payment = sqlite.prepare(
      `INSERT INTO payments (id, customer_id, date, amount, currency, applied_amount, created_at)
       VALUES (?, 1, ?, ?, 'GBP', ?, ?)`,
    );
    payment.run(1, '2027-02-20', 600, 600, at);
    payment.run(2, '2027-02-03', 800, 800, at);
    const allocation = sqlite.prepare(
      'INSERT INTO allocations (payment_id, invoice_id, amount, created_at) VALUES (?, ?, ?, ?)',
    );
    allocation.run(1, 1, 200, at);
    allocation.run(2, 1, 800, at);
    allocation.run(1, 2, 400, at);

    await migrate(connection.db, migrations, { now: clock.now });
    expect(paidOn(sqlite)).toEqual({ 'INV-1': '2027-02-20', 'INV-2': '2027-02-20', 'INV-3': null });
    expect(drift(sqlite)).toBe(0);

    // A corrected payment date moves the invoices it paid, earlier as well as later.
    sqlite.prepare(`UPDATE payments SET date = '2027-02-01' WHERE id = 1`).run();
    expect(paidOn(sqlite)).toEqual({ 'INV-1': '2027-02-03', 'INV-2': '2027-02-01', 'INV-3': null });
    // Moved to another invoice: both are looked up again.
    sqlite
      .prepare('UPDATE allocations SET invoice_id = 3 WHERE payment_id = 1 AND invoice_id = 2')
      .run();
    expect(paidOn(sqlite)).toEqual({ 'INV-1': '2027-02-03', 'INV-2': null, 'INV-3': '2027-02-01' });
    expect(drift(sqlite)).toBe(0);
    await closeConnection(connection);
  });

  it('follows an import that pays invoices, and its undo', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const { sqlite } = ledger.app.connection;
    const header = 'Customer,Invoice number,Date,Due date,Total,Paid\n';
    await ledger.ok('import.commit', {
      text: `${header}Ana Pereira,A-1,2027-01-10,2027-01-20,100.00,100.00\nAna Pereira,A-2,2027-01-12,2027-01-22,80.00,\n`,
    });
    expect(Object.values(paidOn(sqlite)).filter((date) => date !== null)).toHaveLength(1);
    expect(drift(sqlite)).toBe(0);
    const second = await ledger.ok<ImportRecord>('import.commit', {
      text: `${header}Ana Pereira,A-1,2027-01-10,2027-01-20,100.00,100.00\nAna Pereira,A-2,2027-01-12,2027-01-22,80.00,80.00\n`,
    });
    expect(Object.values(paidOn(sqlite)).filter((date) => date !== null)).toHaveLength(2);
    expect(drift(sqlite)).toBe(0);
    await ledger.ok('import.undo', { id: second.id });
    expect(Object.values(paidOn(sqlite)).filter((date) => date !== null)).toHaveLength(1);
    expect(drift(sqlite)).toBe(0);
    await ledger.app.close();
  });
});
