/**
 * Exports and statements: the ledger as CSV files (Goodwill's own layout, aging, the timeline)
 * and a customer's statement for a period as a PDF. Read-only: nothing here writes to the ledger.
 *
 * A CSV export is written to a file in the data folder's `exports/`, row by row from a read-only
 * snapshot of its own (never the whole file, nor all its rows, in memory), then handed over
 * without passing through the API: moved to where the owner chose in the desktop app's save
 * dialog, or offered headless as a one-time download (electron/exports/downloads.ts).
 */
import { rm } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type {
  CsvExportInput,
  CsvExportKind,
  CsvExportResult,
  StatementInput,
} from '../../shared/api/exports';
import { AppError } from '../../shared/api/errors';
import type { DocumentFile } from '../../shared/api/invoices';
import { fromColumns } from '../../shared/columns';
import type { Clock } from '../../shared/dates';
import { csvRecords } from '../../shared/exports/csv-cells';
import {
  adjustmentExportColumns,
  customerExportColumns,
  invoiceExportColumns,
  paymentExportColumns,
} from '../../shared/exports/goodwill-export';
import { agingCsvColumns, timelineCsvColumns } from '../../shared/exports/report-csv';
import type { CurrencyStatement } from '../../shared/statements/statement';
import {
  adjustmentExportRows,
  customerExportRows,
  invoiceExportRows,
  paymentExportRows,
  timelineExportRows,
  type ExportScope,
  type RowSource,
} from '../db/exports.repository';
import { openExportReader } from '../db/export-reader';
import { writeCsvFile } from '../exports/csv-file';
import type { Downloads } from '../exports/downloads';
import { moveFile, newExportPath, sweepExportFolder } from '../exports/export-folder';
import type { SaveFileAs } from '../save-dialog';
import type Database from 'better-sqlite3';
import type { DB } from '../db/schema';
import { safeFileName, statementFileName } from '../documents/file-name';
import { readStatement } from '../statements/statement-figures';
import type { BusinessContext } from './business-day';
import type { LedgerService } from './ledger.service';
import { requireCustomer } from './lookups';
import type { SettingsService } from './settings.service';

const loadRenderer = () => import('../documents/statement-pdf');

export interface ExportsService {
  csv(input: CsvExportInput): Promise<CsvExportResult>;
  /** The statement's figures, per currency: what the PDF and the email show. */
  statement(input: StatementInput): Promise<CurrencyStatement[]>;
  statementPdf(input: StatementInput): Promise<DocumentFile>;
  /** One CSV file's text, for the dossier (scope: one customer). */
  csvText(kind: CsvExportKind, scope: ExportScope): Promise<string>;
}

/** A file's records, one at a time: the BOM and header first. */
type CsvRecords = Iterable<string>;

export function createExportsService(deps: {
  db: Kysely<DB>;
  /** The app's connection, raw: the dossier's one-customer text is read on it. */
  sqlite: Database.Database;
  /** The ledger's file: each export opens a read-only snapshot of it. */
  databaseFile: string;
  /** The data folder's `exports/`, where files wait to be downloaded or saved. */
  folder: string;
  /** Headless: where a written file is offered for download. */
  downloads: Pick<Downloads, 'offer'>;
  /** Desktop: asks where to save (absent headless, where the file downloads). */
  saveFileAs?: SaveFileAs | undefined;
  clock: Clock;
  context: () => Promise<BusinessContext>;
  settings: SettingsService;
  ledger: LedgerService;
}): ExportsService {
  const { db } = deps;

  async function agingRows(scope: ExportScope, asOf: string | undefined) {
    const report = await deps.ledger.aging({ asOf });
    const rows = fromColumns(report.rows);
    return scope.customerId === undefined
      ? rows
      : rows.filter((row) => row.customerId === scope.customerId);
  }

  /** One file's records, read from `source` as they are asked for. */
  async function recordsOf(
    kind: CsvExportKind,
    source: RowSource,
    scope: ExportScope,
    asOf?: string,
  ): Promise<CsvRecords> {
    switch (kind) {
      case 'customers':
        return csvRecords(customerExportColumns, customerExportRows(source, scope));
      case 'invoices':
        return csvRecords(invoiceExportColumns, invoiceExportRows(source, scope));
      case 'payments':
        return csvRecords(paymentExportColumns, paymentExportRows(source, scope));
      case 'adjustments':
        return csvRecords(adjustmentExportColumns, adjustmentExportRows(source, scope));
      case 'aging':
        // One row per customer and currency, summed by the ledger: small whatever the ledger.
        return csvRecords(agingCsvColumns, await agingRows(scope, asOf));
      case 'timeline':
        return csvRecords(timelineCsvColumns, timelineExportRows(source, scope));
    }
  }

  /** Writes one export to a new file in the exports folder, from a snapshot of its own. */
  async function writeExport(input: CsvExportInput): Promise<string> {
    const scope: ExportScope = { customerId: input.customerId };
    // Tidy as we go: anything hours old in the folder was never fetched (the app stopped).
    void sweepExportFolder(deps.folder).catch(() => undefined);
    const reader = openExportReader(deps.databaseFile);
    try {
      const path = await newExportPath(deps.folder);
      await writeCsvFile(
        path,
        await recordsOf(input.kind, { db, sqlite: reader.sqlite }, scope, input.asOf),
      );
      return path;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The disk or the folder, not the ledger: say which, and what to do.
      if (code === 'ENOSPC' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new AppError(
          'conflict',
          code === 'ENOSPC'
            ? `The disk is full: the export could not be written to ${deps.folder}. Free some space and try again.`
            : `Goodwill may not write to ${deps.folder} (${code}), so the export could not be made.`,
        );
      }
      throw error;
    } finally {
      reader.close();
    }
  }

  async function statement(input: StatementInput): Promise<CurrencyStatement[]> {
    await requireCustomer(db, input.customerId);
    const { today } = await deps.context();
    return readStatement(db, input, today);
  }

  return {
    // Read whole at once, synchronously, while holding the app's connection through Kysely:
    // better-sqlite3 reads what its connection sees, so a transaction half done on it (an
    // import, the reminder engine) would otherwise show through.
    async csvText(kind, scope) {
      const records = await recordsOf(kind, { db, sqlite: deps.sqlite }, scope);
      return db.connection().execute(() => Promise.resolve([...records].join('')));
    },

    async csv(input) {
      let who = '';
      if (input.customerId !== undefined) {
        who = ` - ${(await requireCustomer(db, input.customerId)).name}`;
      }
      const { today } = await deps.context();
      const date = input.kind === 'aging' ? (input.asOf ?? today) : today;
      const fileName = safeFileName(`Goodwill ${input.kind} ${date}${who}`, 'csv');
      // Desktop: where to save it is asked first, so nothing is written for a cancelled save.
      const target = deps.saveFileAs ? await deps.saveFileAs(fileName) : undefined;
      if (target === null) return { via: 'cancelled' };
      // That folder is swept of anything an hour old: a file saved there would go.
      if (target !== undefined && isInside(deps.folder, target)) {
        throw new AppError(
          'conflict',
          `${target} is in Goodwill's own folder for exports, which is cleared out: please choose another place.`,
        );
      }
      const path = await writeExport(input);
      if (target !== undefined) {
        try {
          await moveFile(path, target);
        } catch (error) {
          await rm(path, { force: true });
          const reason = (error as NodeJS.ErrnoException).code ?? 'unknown';
          throw new AppError(
            'conflict',
            `The file could not be saved at ${target} (${reason}). Please choose another place.`,
          );
        }
        return { via: 'saved', fileName: basename(target), path: target };
      }
      const ticket = deps.downloads.offer({
        path,
        fileName,
        contentType: 'text/csv; charset=utf-8',
      });
      return { via: 'download', fileName, ticket };
    },

    statement,

    async statementPdf(input) {
      const customer = await requireCustomer(db, input.customerId);
      const [sections, settings] = await Promise.all([statement(input), deps.settings.get()]);
      const { renderStatementPdf } = await loadRenderer();
      const pdf = await renderStatementPdf({
        business: settings,
        customer: { name: customer.name, address: customer.address },
        period: { from: input.from, to: input.to },
        sections,
        locale: customer.locale ?? settings.locale,
        now: deps.clock.now(),
      });
      return {
        fileName: statementFileName({ to: input.to, customerName: customer.name }),
        contentBase64: pdf.toString('base64'),
      };
    },
  };
}

/** Whether `path` is inside `folder` (or is it). */
function isInside(folder: string, path: string): boolean {
  const within = relative(resolve(folder), resolve(path));
  return within === '' || (!within.startsWith('..') && !isAbsolute(within));
}
