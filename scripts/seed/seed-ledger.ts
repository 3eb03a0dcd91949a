/**
 * Creates a data folder holding a sample ledger: the database made by the app's own
 * migrations, onboarding done (so the app opens straight into the ledger), then the generated
 * rows in one transaction.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { onboardingSchema } from '../../shared/api/settings';
import { fixedClock } from '../../electron/clock';
import { closeConnection, openConnection } from '../../electron/db/connection';
import { migrations } from '../../electron/db/migrations';
import { migrate } from '../../electron/db/migrator';
import { databaseFileName } from '../../electron/paths';
import { createSettingsService } from '../../electron/services/settings.service';
import { defaultContactWindow } from '../../shared/settings';
import { SeedArgsError, type SeedArgs } from './args';
import { generateLedger } from './generate';
import { writeLedger, type RowCounts } from './write';

export interface SeedReport {
  databaseFile: string;
  counts: RowCounts;
  rows: number;
  /** Invoices with something still to pay at `today` (neither draft nor void). */
  openInvoices: number;
  generateMs: number;
  writeMs: number;
  /** Migrations and settings included, checkpoint on close included. */
  totalMs: number;
  fileBytes: number;
}

export const sampleBusiness = {
  businessName: 'Harbour Lights Trading Ltd',
  address: '12 Quay Street\nBristol\nBS1 4DJ',
  email: 'accounts@harbourlights.example',
  phone: '0117 496 0123',
  paymentInstructions:
    'Bank transfer to Harbour Lights Trading Ltd, sort code 12-34-56, account 12345678.',
  currency: 'GBP',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  contactWindow: defaultContactWindow,
};

const sidecars = ['', '-wal', '-shm', '-journal'];

export async function seedLedger(args: SeedArgs): Promise<SeedReport> {
  const started = performance.now();
  const dataDir = resolve(args.dataDir);
  const databaseFile = join(dataDir, databaseFileName);
  if (existsSync(databaseFile)) {
    if (!args.force) {
      throw new SeedArgsError(
        `${databaseFile} already exists. Choose an empty folder, or add --force to replace that ledger.`,
      );
    }
    await Promise.all(sidecars.map((suffix) => rm(databaseFile + suffix, { force: true })));
  }
  await mkdir(dataDir, { recursive: true });

  // Every instant the app writes (migrations, onboarding) is "today" at 09:00 UTC.
  const clock = fixedClock(new Date(`${args.today}T09:00:00Z`));
  const connection = openConnection(databaseFile);
  try {
    await migrate(connection.db, migrations, { now: () => clock.now() });
    // Through the app's own schema and service, so any field added later gets its default.
    const answers = onboardingSchema.parse(sampleBusiness);
    await createSettingsService({ db: connection.db, clock, defaults: answers }).completeOnboarding(
      answers,
    );

    const generateStart = performance.now();
    const ledger = generateLedger(args);
    const generateMs = performance.now() - generateStart;

    const writeStart = performance.now();
    // A rollback journal while loading: in WAL mode every page would be written twice (to the
    // log, then back into the file at the checkpoint), and this is one big transaction into a
    // new file. The app's WAL mode is back before anyone else opens it.
    connection.sqlite.pragma('journal_mode = DELETE');
    connection.sqlite.pragma('cache_size = -262144');
    const counts = writeLedger(connection.sqlite, ledger, answers.locale);
    connection.sqlite
      .prepare('UPDATE settings SET next_invoice_number = ? WHERE id = 1')
      .run(ledger.invoices.length + 1);
    connection.sqlite.pragma('journal_mode = WAL');
    const writeMs = performance.now() - writeStart;

    const openInvoices = connection.sqlite
      .prepare(
        `SELECT count(*) FROM invoices
         WHERE settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0`,
      )
      .pluck()
      .get() as number;
    await closeConnection(connection);
    const fileBytes = (await stat(databaseFile)).size;
    const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return {
      databaseFile,
      counts,
      rows,
      openInvoices,
      generateMs,
      writeMs,
      totalMs: performance.now() - started,
      fileBytes,
    };
  } finally {
    if (connection.sqlite.open) await closeConnection(connection);
  }
}

/** The report as the command prints it. */
export function describeSeedReport(args: SeedArgs, report: SeedReport): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  const { counts } = report;
  const perSecond = (rows: number, ms: number) => n(Math.round(rows / (ms / 1000)));
  const buildMs = report.generateMs + report.writeMs;
  return [
    `Seeded ${report.databaseFile} (seed ${args.seed}, today ${args.today})`,
    `  customers ${n(counts.customers)}, invoices ${n(counts.invoices)} (lines ${n(counts.invoice_lines)}), ` +
      `payments ${n(counts.payments)}, allocations ${n(counts.allocations)}`,
    `  credit notes ${n(counts.credit_notes)}, write-offs ${n(counts.write_offs)}, refunds ${n(counts.refunds)}, ` +
      `timeline events ${n(counts.events)}`,
    `  open invoices at ${args.today}: ${n(report.openInvoices)} of ${n(counts.invoices)}`,
    `  ${n(report.rows)} rows in ${(buildMs / 1000).toFixed(1)} s: ${perSecond(report.rows, buildMs)} rows/s ` +
      `(generating ${(report.generateMs / 1000).toFixed(1)} s; writing ${(report.writeMs / 1000).toFixed(1)} s, ` +
      `${perSecond(report.rows, report.writeMs)} rows/s)`,
    `  file ${(report.fileBytes / 1e6).toFixed(1)} MB; ${(report.totalMs / 1000).toFixed(1)} s in all`,
  ].join('\n');
}
