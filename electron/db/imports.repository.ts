/**
 * The statements an import runs, prepared once on the raw better-sqlite3 handle: an import
 * of 100,000 invoices makes several hundred thousand small reads and writes, and going
 * through Kysely's async builder for each would cost more than the writes themselves (see
 * scripts/bench/import.bench.ts). Writers are only handed out with a `Transaction<DB>`:
 * they run on the same connection, inside the transaction Kysely has opened.
 */
import type Database from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { DB } from './schema';

export interface LedgerCustomer {
  id: number;
  name: string;
  email: string;
  phone: string;
  company: string;
}

export interface LedgerInvoice {
  id: number;
  customer_id: number;
  number: string;
  source: string;
  issue_date: string;
  due_date: string;
  currency: string;
  total_amount: number;
  tax_amount: number;
  settled_amount: number;
  is_draft: number;
  voided_at: string | null;
}

const invoiceColumns =
  'id, customer_id, number, source, issue_date, due_date, currency, total_amount, tax_amount, settled_amount, is_draft, voided_at';

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface ImportReads {
  customers: Statement<[], LedgerCustomer>;
  invoiceByExternalId: Statement<[string, string], LedgerInvoice>;
  invoiceByNumber: Statement<[string], LedgerInvoice>;
  paymentByExternalId: Statement<[string, string], { id: number; amount: number }>;
  importByChecksum: Statement<[string], { id: number; created_at: string }>;
}

function readStatements(sqlite: Database.Database): ImportReads {
  return {
    customers: sqlite.prepare<[], LedgerCustomer>(
      'SELECT id, name, email, phone, company FROM customers ORDER BY id',
    ),
    invoiceByExternalId: sqlite.prepare<[string, string], LedgerInvoice>(
      `SELECT ${invoiceColumns} FROM invoices WHERE source = ? AND external_id = ?`,
    ),
    invoiceByNumber: sqlite.prepare<[string], LedgerInvoice>(
      `SELECT ${invoiceColumns} FROM invoices WHERE number = ?`,
    ),
    paymentByExternalId: sqlite.prepare<[string, string], { id: number; amount: number }>(
      'SELECT id, amount FROM payments WHERE source = ? AND external_id = ?',
    ),
    importByChecksum: sqlite.prepare<[string], { id: number; created_at: string }>(
      'SELECT id, created_at FROM imports WHERE checksum = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1',
    ),
  };
}

const reads = new WeakMap<Database.Database, ImportReads>();

/** What matching a file against the ledger reads; safe outside a transaction. */
export function importReads(sqlite: Database.Database): ImportReads {
  let found = reads.get(sqlite);
  if (!found) reads.set(sqlite, (found = readStatements(sqlite)));
  return found;
}

type Nullable = string | null;

export interface ImportWrites {
  insertImport: Statement<[string, string, string, string, string, string]>;
  setImportCounts: Statement<[string, number]>;
  insertChange: Statement<[number, string, number, string, Nullable]>;
  insertCustomer: Statement<[string, string, string, string, string, string, string]>;
  fillCustomer: Statement<[string, string, string, string, number]>;
  insertInvoice: Statement<
    [
      number,
      string,
      string,
      Nullable,
      string,
      string,
      string,
      string,
      number,
      number,
      number,
      number,
      number,
      Nullable,
      string,
      string,
      string,
    ]
  >;
  insertLine: Statement<[number, string, number, number]>;
  updateInvoice: Statement<
    [string, string, number, number, number, number, Nullable, string, string, number]
  >;
  updateLine: Statement<[number, number, number]>;
  insertPayment: Statement<
    [number, string, number, string, string, string, string, string, number, string]
  >;
  setPaymentAmount: Statement<[number, number, number]>;
  insertAllocation: Statement<[number, number, number, string]>;
  setAllocationAmount: Statement<[number, number]>;
  invoiceForPayment: Statement<
    [string, number],
    { id: number; open: number; currency: string; live: number }
  >;
  addToSettled: Statement<[number, string, number]>;
  appendEvent: Statement<[string, string, string, string, number | null]>;
}

function writeStatements(sqlite: Database.Database): ImportWrites {
  return {
    insertImport: sqlite.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO imports (source, file_name, checksum, kind, counts, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    setImportCounts: sqlite.prepare<[string, number]>('UPDATE imports SET counts = ? WHERE id = ?'),
    insertChange: sqlite.prepare<[number, string, number, string, string | null]>(
      `INSERT INTO import_changes (import_id, entity, entity_id, action, before)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    insertCustomer: sqlite.prepare<[string, string, string, string, string, string, string]>(
      `INSERT INTO customers (name, company, kind, email, phone, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    fillCustomer: sqlite.prepare<[string, string, string, string, number]>(
      'UPDATE customers SET email = ?, phone = ?, company = ?, updated_at = ? WHERE id = ?',
    ),
    insertInvoice: sqlite.prepare<
      [
        number,
        string,
        string,
        string | null,
        string,
        string,
        string,
        string,
        number,
        number,
        number,
        number,
        number,
        string | null,
        string,
        string,
        string,
      ]
    >(
      `INSERT INTO invoices (customer_id, number, source, external_id, issue_date, due_date,
         currency, terms_kind, terms_days, net_amount, tax_amount, total_amount, is_draft,
         voided_at, void_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertLine: sqlite.prepare<[number, string, number, number]>(
      `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price,
         net_amount, tax_amount)
       VALUES (?, 0, ?, '1', ?, ?, 0)`,
    ),
    updateInvoice: sqlite.prepare<
      [string, string, number, number, number, number, string | null, string, string, number]
    >(
      `UPDATE invoices SET issue_date = ?, due_date = ?, net_amount = ?, total_amount = ?,
         settled_amount = ?, is_draft = ?, voided_at = ?, void_reason = ?, updated_at = ?
       WHERE id = ?`,
    ),
    updateLine: sqlite.prepare<[number, number, number]>(
      `UPDATE invoice_lines SET unit_price = ?, net_amount = ?
       WHERE invoice_id = ? AND position = 0 AND (SELECT count(*) FROM invoice_lines l
         WHERE l.invoice_id = invoice_lines.invoice_id) = 1`,
    ),
    insertPayment: sqlite.prepare<
      [number, string, number, string, string, string, string, string, number, string]
    >(
      `INSERT INTO payments (customer_id, date, amount, currency, method, reference, source,
         external_id, applied_amount, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setPaymentAmount: sqlite.prepare<[number, number, number]>(
      'UPDATE payments SET amount = ?, applied_amount = ? WHERE id = ?',
    ),
    insertAllocation: sqlite.prepare<[number, number, number, string]>(
      'INSERT INTO allocations (payment_id, invoice_id, amount, created_at) VALUES (?, ?, ?, ?)',
    ),
    setAllocationAmount: sqlite.prepare<[number, number]>(
      'UPDATE allocations SET amount = ? WHERE payment_id = ?',
    ),
    invoiceForPayment: sqlite.prepare<
      [string, number],
      { id: number; open: number; currency: string; live: number }
    >(
      `SELECT id, total_amount - settled_amount AS open, currency,
         (is_draft = 0 AND voided_at IS NULL) AS live
       FROM invoices WHERE number = ? AND customer_id = ?`,
    ),
    addToSettled: sqlite.prepare<[number, string, number]>(
      'UPDATE invoices SET settled_amount = settled_amount + ?, updated_at = ? WHERE id = ?',
    ),
    appendEvent: sqlite.prepare<[string, string, string, string, number | null]>(
      `INSERT INTO events (occurred_at, kind, summary, details, customer_id)
       VALUES (?, ?, ?, ?, ?)`,
    ),
  };
}

const writes = new WeakMap<Database.Database, ImportWrites>();

/** The import's writers, for use inside `trx` only. */
export function importWrites(sqlite: Database.Database, _trx: Transaction<DB>): ImportWrites {
  let found = writes.get(sqlite);
  if (!found) writes.set(sqlite, (found = writeStatements(sqlite)));
  return found;
}
