/**
 * CSV exports at the scale of a busy business's whole history: 5,000 customers, 300,000
 * invoices, 200,000 payments (scripts/seed.ts, seed 42).
 *
 * For the invoices and payments files, `exports.csv` as the app's own service runs it in this
 * process (rows read one at a time from a read-only snapshot, cells written to a file in
 * chunks, the file offered as a one-time download, which the bench takes and removes), against
 * the floor: a plain SELECT of the same rows with better-sqlite3 on the same file, nothing
 * written. Medians of a few runs each, and their ratio, from the same run. Memory: how far
 * the process's RSS and heap rose above a collected heap during one export of each kind, and
 * during one floor (which holds every row at once, as the first exporter did), and the file's
 * size.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import { fixedClock } from '../../electron/clock';
import { closeConnection, openConnection } from '../../electron/db/connection';
import { machineDefaults } from '../../electron/machine-defaults';
import { createDownloads } from '../../electron/exports/downloads';
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

// A full collection before each memory reading, so one reading does not count the last one's
// garbage. `gc` is exposed at run time: the bench is started without node flags.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * How far the process's RSS and heap rose above where they stood (collected) while `work` ran:
 * sampled every 20 ms, which the export allows as it waits for the disk after each chunk (the
 * floor, one synchronous call, is read once it returns; its rows are still held then).
 */
async function memoryOver<T>(work: () => Promise<T>) {
  collect();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  try {
    const value = await work();
    sample();
    return { value, rss: rss - before.rss, heap: heap - before.heapUsed };
  } finally {
    clearInterval(sampler);
  }
}

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
    const downloads = createDownloads();
    const exports = createExportsService({
      db: connection.db,
      sqlite: connection.sqlite,
      databaseFile: seeded.databaseFile,
      folder: join(dataDir, 'exports'),
      downloads,
      clock,
      context,
      settings,
      ledger,
    });
    /** One export, as headless runs it; the file is taken, measured and removed. */
    const exportOnce = async (kind: Kind) => {
      const result = await exports.csv({ kind });
      if (result.via !== 'download') throw new Error(`Expected a download, got ${result.via}.`);
      const file = downloads.take(result.ticket)!;
      const { size } = await stat(file.path);
      await file.remove();
      return size;
    };
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    try {
      for (const kind of Object.keys(floorSql) as Kind[]) {
        process.stderr.write(`  exports.csv ${kind} against the floor ...\n`);
        const floorOnce = () =>
          floorSql[kind]
            .map((query) => floorDb.prepare(query).all().length)
            .reduce((a, b) => a + b, 0);
        // Memory first, each from a collected heap, before the timed runs leave garbage around.
        const exportMemory = await memoryOver(() => exportOnce(kind));
        const floorMemory = await memoryOver(() => Promise.resolve(floorOnce()));
        const fileBytes = exportMemory.value;
        const floorRows = floorMemory.value;
        const service: number[] = [];
        const floor: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          const started = performance.now();
          await exportOnce(kind);
          service.push(performance.now() - started);
          const floorStarted = performance.now();
          floorOnce();
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
          { label: '  export: RSS growth at its highest', unit: 'MB', value: mb(exportMemory.rss) },
          {
            label: '  export: heap growth at its highest',
            unit: 'MB',
            value: mb(exportMemory.heap),
          },
          { label: '  floor: RSS growth at its highest', unit: 'MB', value: mb(floorMemory.rss) },
          { label: '  floor: heap growth at its highest', unit: 'MB', value: mb(floorMemory.heap) },
        );
        details[kind] = { service, floor, floorRows, fileBytes, exportMemory, floorMemory };
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
        'The export streams: rows read one at a time from a read-only snapshot, the file written in 64 KB chunks and offered as a one-time download. Memory: the highest RSS and heap of this process above a collected heap, during one export and during one floor, measured before the timed runs. A collected heap is not given back to the system, so RSS counts only growth past what seeding already made the process use; the heap figure is the one that shows what each holds.',
      ],
      rows,
      details,
    };
  } finally {
    await removeTempFolder(dataDir);
  }
}
