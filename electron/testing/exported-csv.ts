/**
 * Calls exports.csv through the API as a test would, and reads back the file it made: the
 * headless answer's ticket is taken as the HTTP server would take it, and the file removed.
 */
import { readFile } from 'node:fs/promises';
import type { CsvExportInput, CsvExportResult } from '../../shared/api/exports';
import type { startLedgerApp } from './ledger-app';

export interface ExportedCsv {
  fileName: string;
  bytes: Buffer;
}

export async function exportedCsv(
  ledger: Pick<Awaited<ReturnType<typeof startLedgerApp>>, 'ok' | 'app'>,
  input: CsvExportInput,
): Promise<ExportedCsv> {
  const result = await ledger.ok<CsvExportResult>('exports.csv', input);
  if (result.via !== 'download') throw new Error(`Expected a download, got ${result.via}.`);
  const file = ledger.app.downloads.take(result.ticket);
  if (!file) throw new Error('The download was not there to take.');
  try {
    return { fileName: file.fileName, bytes: await readFile(file.path) };
  } finally {
    await file.remove();
  }
}
