/**
 * Importing 100,000 invoice rows (5,000 customers, a third of the invoices part-paid) from a
 * CSV file through `import.commit`, in rows per second, against the floor: the same customers
 * and invoices, already parsed, inserted into a fresh ledger of the same schema in one
 * transaction with prepared statements (no CSV, no matching, no payments, no undo record).
 * Target: at least a third of the floor's rate. Each run gets a fresh ledger.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { MethodName } from '../../shared/api/contract';
import type { ImportRecord } from '../../shared/api/imports';
import { fixedClock } from '../../electron/clock';
import { createMethodTable, registerApi } from '../../electron/api/register';
import { createApp } from '../../electron/app';
import { createMemoryLogger } from '../../electron/logger';
import { sampleBusiness } from '../../electron/testing/business';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize } from './stats';

const invoices = 100_000;
const customers = 5_000;
const runs = 3;
const ratioTarget = 1 / 3;

interface SourceRow {
  customer: string;
  number: string;
  issueDate: string;
  dueDate: string;
  total: number;
  paid: number;
}

function rowAt(i: number): SourceRow {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    customer: `Customer ${i % customers}`,
    number: `N-${i}`,
    issueDate: `2026-01-${day}`,
    dueDate: `2026-02-${day}`,
    total: ((i % 500) + 1) * 100 + (i % 100),
    paid: i % 3 === 0 ? 100 : 0,
  };
}

const decimal = (minor: number) =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

async function writeExport(path: string) {
  const out = createWriteStream(path);
  out.write('Customer,Invoice number,Date,Due date,Total,Paid\n');
  for (let i = 0; i < invoices; i += 1) {
    const r = rowAt(i);
    const line = `${r.customer},${r.number},${r.issueDate},${r.dueDate},${decimal(r.total)},${decimal(r.paid)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function freshLedger(folder: string) {
  const log = createMemoryLogger();
  const app = await createApp({
    dataDir: folder,
    clock: fixedClock(new Date('2027-03-15T10:00:00Z')),
    mode: 'headless',
    log,
    reminderSchedule: false,
    mailer: false,
  });
  await app.services.settings.completeOnboarding(sampleBusiness);
  const table = createMethodTable();
  registerApi(table, app.services, log);
  const call = async <T>(method: MethodName, input: unknown): Promise<T> => {
    const answer = await table.get(method)!(input);
    if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
    return answer.value as T;
  };
  return { app, call };
}

/** The floor: the same customers and invoices inserted in one transaction, nothing else. */
function insertRaw(sqlite: Database.Database, rows: SourceRow[]) {
  const now = '2027-03-15T10:00:00.000Z';
  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (name, kind, created_at, updated_at) VALUES (?, 'consumer', ?, ?)`,
  );
  const insertInvoice = sqlite.prepare(
    `INSERT INTO invoices (customer_id, number, source, issue_date, due_date, currency, terms_kind,
       terms_days, net_amount, tax_amount, total_amount, created_at, updated_at)
     VALUES (?, ?, 'bench', ?, ?, 'GBP', 'net', 31, ?, 0, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    const ids = new Map<string, number>();
    for (const row of rows) {
      let id = ids.get(row.customer);
      if (id === undefined) {
        id = Number(insertCustomer.run(row.customer, now, now).lastInsertRowid);
        ids.set(row.customer, id);
      }
      insertInvoice.run(id, row.number, row.issueDate, row.dueDate, row.total, row.total, now, now);
    }
  })();
}

export async function runImportBench(): Promise<BenchResult> {
  const folder = await makeTempFolder('goodwill-bench-import-');
  try {
    const file = join(folder, 'invoices.csv');
    await writeExport(file);
    const rows = Array.from({ length: invoices }, (_, i) => rowAt(i));

    const importSeconds: number[] = [];
    const floorSeconds: number[] = [];
    let record: ImportRecord | undefined;
    for (let run = 0; run < runs; run += 1) {
      // Alternated, so both feel the same machine load.
      const importing = await freshLedger(join(folder, `import-${run}`));
      let started = performance.now();
      record = await importing.call<ImportRecord>('import.commit', { path: file });
      importSeconds.push((performance.now() - started) / 1000);
      await importing.app.close();

      const floor = await freshLedger(join(folder, `floor-${run}`));
      started = performance.now();
      insertRaw(floor.app.connection.sqlite, rows);
      floorSeconds.push((performance.now() - started) / 1000);
      await floor.app.close();
    }
    if (record?.counts.invoices.created !== invoices) {
      throw new Error(
        `The import made ${record?.counts.invoices.created} invoices, not ${invoices}.`,
      );
    }
    const importRate = summarize(importSeconds.map((s) => invoices / s));
    const floorRate = summarize(floorSeconds.map((s) => invoices / s));
    const ratio = importRate.median / floorRate.median;
    const result: Row[] = [
      {
        label: 'import.commit, 100,000 invoice rows from CSV',
        unit: 'rows/s',
        summary: importRate,
      },
      {
        label: 'floor: the same rows inserted in one transaction',
        unit: 'rows/s',
        summary: floorRate,
      },
      {
        label: 'import rate ÷ floor rate (medians)',
        unit: '×',
        value: round(ratio),
        target: { figure: 'value', atLeast: round(ratioTarget) },
      },
    ];
    return {
      name: 'import',
      title: `Import: ${invoices.toLocaleString('en')} invoice rows, ${customers.toLocaleString('en')} customers (${runs} runs each, alternated)`,
      notes: [
        'The import reads the CSV streamed, checks and matches every row, writes customers, invoices with a line, a payment and allocation for each part-paid invoice, an undo record per row and a timeline event per customer, in one transaction.',
        'The floor inserts the already-parsed customers and invoices with prepared statements in one transaction on a fresh ledger with the same schema and pragmas (WAL, synchronous FULL).',
      ],
      rows: result,
      details: { importSeconds, floorSeconds, counts: record.counts },
    };
  } finally {
    await removeTempFolder(folder);
  }
}
