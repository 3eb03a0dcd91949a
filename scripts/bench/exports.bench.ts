/**
 * CSV exports at the scale of a busy business's whole history: 5,000 customers, 300,000
 * invoices, 200,000 payments (scripts/seed.ts, seed 42).
 *
 * For the invoices and payments files, `exports.csv` as the app's own service runs it in this
 * process (rows read, cells written, the file base64-encoded for the API), against the floor:
 * a plain SELECT of the same rows with better-sqlite3 on the same file, nothing written. Medians
 * of a few runs each, and their ratio, from the same run. Memory: the process's RSS and heap
 * before and after one export of each kind (the export builds the whole file in memory today;
 * streaming it is still to do), and the file's size.
 */
import Database from 'better-sqlite3';
import { fixedClock } from '../../electron/clock';
import { closeConnection, openConnection } from '../../electron/db/connection';
import { machineDefaults } from '../../electron/machine-defaults';
import { businessContext } from '../../electron/services/business-day';
import { createExportsService } from '../../electron/services/exports.service';
import { createLedgerService } from '../../electron/services/ledger.service';
import { createSettingsService } from '../../electron/services/settings.service';
import { seedLedger } from '../seed/seed-ledger';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { summarize } from './stats';

const scale = { customers: 5000, invoices: 300_000, payments: 200_000 };
const seed = 42;
const today = '2027-03-15';
const runs = 5;

/** The same rows the export reads, and nothing more: the floor. */
const floorSql = {
  invoices: [
    `SELECT i.*, c.name AS customer_name FROM invoices i JOIN customers c ON c.id = i.customer_id
     ORDER BY i.issue_date, i.id`,
    'SELECT * FROM invoice_lines ORDER BY invoice_id, position',
  ],
  payments: [
    `SELECT p.*, c.name AS customer_name FROM payments p JOIN customers c ON c.id = p.customer_id
     ORDER BY p.date, p.id`,
    'SELECT * FROM allocations ORDER BY payment_id, id',
  ],
} as const;
type Kind = keyof typeof floorSql;

const mb = (bytes: number) => bytes / 1e6;

export async function runExportsBench(): Promise<BenchResult> {
  const dataDir = await makeTempFolder('goodwill-bench-exports-');
  try {
    process.stderr.write(
      `  seeding ${scale.customers} customers, ${scale.invoices} invoices, ${scale.payments} payments ...\n`,
    );
    const seeded = await seedLedger({ ...scale, seed, today, dataDir, force: false });
    const connection = openConnection(seeded.databaseFile);
    const floorDb = new Database(seeded.databaseFile, { readonly: true, fileMustExist: true });
    const clock = fixedClock(new Date(`${today}T09:00:00Z`));
    const settings = createSettingsService({
      db: connection.db,
      clock,
      defaults: machineDefaults(),
    });
    const context = businessContext(clock, settings);
    const ledger = createLedgerService({ db: connection.db, sqlite: connection.sqlite, context });
    const exports = createExportsService({ db: connection.db, clock, context, settings, ledger });
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    try {
      for (const kind of Object.keys(floorSql) as Kind[]) {
        process.stderr.write(`  exports.csv ${kind} against the floor ...\n`);
        const before = process.memoryUsage();
        let fileBytes = 0;
        let after = before;
        const service: number[] = [];
        const floor: number[] = [];
        let floorRows = 0;
        for (let run = 0; run < runs; run += 1) {
          const started = performance.now();
          const file = await exports.csv({ kind });
          service.push(performance.now() - started);
          if (run === 0) {
            after = process.memoryUsage();
            fileBytes = Buffer.byteLength(file.contentBase64, 'base64');
          }
          const floorStarted = performance.now();
          floorRows = floorSql[kind]
            .map((query) => floorDb.prepare(query).all().length)
            .reduce((a, b) => a + b, 0);
          floor.push(performance.now() - floorStarted);
        }
        const serviceSummary = summarize(service);
        const floorSummary = summarize(floor);
        rows.push(
          { label: `exports.csv ${kind} (in process)`, unit: 'ms', summary: serviceSummary },
          {
            label: `  floor: plain SELECT of the same ${floorRows.toLocaleString('en-GB')} rows`,
            unit: 'ms',
            summary: floorSummary,
          },
          {
            label: '  ratio export / floor (medians)',
            unit: '×',
            value: serviceSummary.median / floorSummary.median,
          },
          { label: '  file size', unit: 'MB', value: mb(fileBytes) },
          {
            label: '  RSS growth over the first export',
            unit: 'MB',
            value: mb(after.rss - before.rss),
          },
          { label: '  RSS after the first export', unit: 'MB', value: mb(after.rss) },
          {
            label: '  heap used after the first export',
            unit: 'MB',
            value: mb(after.heapUsed),
          },
        );
        details[kind] = { service, floor, floorRows, fileBytes, before, after };
      }
    } finally {
      floorDb.close();
      await closeConnection(connection);
    }
    return {
      name: 'exports',
      title: `CSV exports of ${scale.customers} customers, ${scale.invoices} invoices, ${scale.payments} payments`,
      notes: [
        `Median of ${runs} runs each, export and floor alternating in the same process.`,
        'The export builds the whole file in memory and base64-encodes it for the API (no streaming yet); memory is this process, after the first export.',
      ],
      rows,
      details,
    };
  } finally {
    await removeTempFolder(dataDir);
  }
}
