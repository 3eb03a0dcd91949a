/**
 * The statements an import runs, prepared once on the raw better-sqlite3 handle: an import
 * of 100,000 invoices makes several hundred thousand small reads and writes, and going
 * through Kysely's async builder for each would cost more than the writes themselves (see
 * scripts/bench/import.bench.ts). Writers are only handed out with a `Transaction<DB>`:
 * they run on the same connection, inside the transaction Kysely has opened.
 */
import { livePlanStates } from '../../shared/api/plans';
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
  /** 1 when a proposed or active payment plan holds it. */
  in_live_plan: number;
}

const invoiceColumns = `id, customer_id, number, source, issue_date, due_date, currency, total_amount,
  tax_amount, settled_amount, is_draft, voided_at,
  EXISTS (SELECT 1 FROM plan_invoices pi JOIN plans p ON p.id = pi.plan_id
    WHERE pi.invoice_id = invoices.id AND p.state IN (${livePlanStates.map((state) => `'${state}'`).join(', ')})) AS in_live_plan`;

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface ImportReads {
  customers: Statement<[], LedgerCustomer>;
  importByChecksum: Statement<[string], { id: number; created_at: string }>;
}

function readStatements(sqlite: Database.Database): ImportReads {
  return {
    customers: sqlite.prepare<[], LedgerCustomer>(
      'SELECT id, name, email, phone, company FROM customers ORDER BY id',
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
  insertChange: Statement<[number, string, number, string]>;
  insertCustomer: Statement<[string, string, string, string, string, string, string, number]>;
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
      number,
      Nullable,
      string,
      string,
      string,
      number,
    ]
  >;
  updateInvoice: Statement<
    [string, string, number, number, number, number, Nullable, string, string, number]
  >;
  insertPayment: Statement<
    [number, string, number, string, string, string, string, string, number, string, number]
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
    insertChange: sqlite.prepare<[number, string, number, string]>(
      `INSERT INTO import_changes (import_id, entity, entity_id, action, before)
       VALUES (?, ?, ?, 'updated', ?)`,
    ),
    insertCustomer: sqlite.prepare<
      [string, string, string, string, string, string, string, number]
    >(
      `INSERT INTO customers (name, company, kind, email, phone, created_at, updated_at, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    fillCustomer: sqlite.prepare<[string, string, string, string, number]>(
      'UPDATE customers SET email = ?, phone = ?, company = ?, updated_at = ? WHERE id = ?',
    ),
    insertInvoice: sqlite.prepare(
      `INSERT INTO invoices (customer_id, number, source, external_id, issue_date, due_date,
         currency, terms_kind, terms_days, net_amount, tax_amount, total_amount, settled_amount,
         is_draft, voided_at, void_reason, created_at, updated_at, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateInvoice: sqlite.prepare<
      [string, string, number, number, number, number, string | null, string, string, number]
    >(
      `UPDATE invoices SET issue_date = ?, due_date = ?, net_amount = ?, total_amount = ?,
         settled_amount = ?, is_draft = ?, voided_at = ?, void_reason = ?, updated_at = ?
       WHERE id = ?`,
    ),
    insertPayment: sqlite.prepare(
      `INSERT INTO payments (customer_id, date, amount, currency, method, reference, source,
         external_id, applied_amount, created_at, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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

const batch = 500;
const batchStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Runs `sql` (with `(?)` where the list goes) over `keys` in batches; rows of every batch. */
function inBatches<R>(
  sqlite: Database.Database,
  sql: string,
  fixed: unknown[],
  keys: readonly string[],
): R[] {
  let known = batchStatements.get(sqlite);
  if (!known) batchStatements.set(sqlite, (known = new Map()));
  const rows: R[] = [];
  for (let start = 0; start < keys.length; start += batch) {
    const part = keys.slice(start, start + batch);
    const text = sql.replace('(?)', `(${part.map(() => '?').join(',')})`);
    let statement = known.get(text);
    if (!statement) known.set(text, (statement = sqlite.prepare(text)));
    rows.push(...(statement.all(...fixed, ...part) as R[]));
  }
  return rows;
}

/**
 * Looks up many invoices and payments at once, in batches of 500: matching a file of 100,000
 * invoices one statement per row costs more than writing them.
 */
export function lookUpMany(
  sqlite: Database.Database,
  source: string,
  keys: { numbers: string[]; externalIds: string[]; paymentIds: string[] },
) {
  const byNumber = new Map<string, LedgerInvoice>();
  for (const row of inBatches<LedgerInvoice>(
    sqlite,
    `SELECT ${invoiceColumns} FROM invoices WHERE number IN (?)`,
    [],
    keys.numbers,
  )) {
    byNumber.set(row.number, row);
  }
  const byExternalId = new Map<string, LedgerInvoice>();
  for (const row of inBatches<LedgerInvoice & { external_id: string }>(
    sqlite,
    `SELECT ${invoiceColumns}, external_id FROM invoices WHERE source = ? AND external_id IN (?)`,
    [source],
    keys.externalIds,
  )) {
    byExternalId.set(row.external_id, row);
  }
  const payments = new Map<string, { id: number; amount: number }>();
  for (const row of inBatches<{ id: number; amount: number; external_id: string }>(
    sqlite,
    'SELECT id, amount, external_id FROM payments WHERE source = ? AND external_id IN (?)',
    [source],
    keys.paymentIds,
  )) {
    payments.set(row.external_id, { id: row.id, amount: row.amount });
  }
  return { byNumber, byExternalId, payments };
}
