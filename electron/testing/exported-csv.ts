/** Calls exports.csv through the API as a test would, and reads back the file it made. */
import type { CsvExportInput } from '../../shared/api/exports';
import type { DocumentFile } from '../../shared/api/invoices';
import type { startLedgerApp } from './ledger-app';

export interface ExportedCsv {
  fileName: string;
  bytes: Buffer;
}

export async function exportedCsv(
  ledger: Pick<Awaited<ReturnType<typeof startLedgerApp>>, 'ok'>,
  input: CsvExportInput,
): Promise<ExportedCsv> {
  const file = await ledger.ok<DocumentFile>('exports.csv', input);
  return { fileName: file.fileName, bytes: Buffer.from(file.contentBase64, 'base64') };
}
