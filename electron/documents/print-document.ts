/**
 * Printing a document the app made (an invoice, a plan's agreement). In the desktop app the PDF
 * is written to a folder of the data folder and handed to the system's print dialog (the
 * Electron-only part, electron/print-pdf.ts, is injected from main.ts); headless mode has no
 * print dialog of its own, so the file goes back to be downloaded and printed from the browser.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentFile, PrintResult } from '../../shared/api/invoices';

/** Opens the print dialog for a PDF file on disk. */
export type PrintPdf = (path: string) => Promise<void>;

export async function printOrDownload(
  file: DocumentFile,
  printer: { printPdf?: PrintPdf | undefined; folder?: string | undefined },
): Promise<PrintResult> {
  if (!printer.printPdf || !printer.folder) return { via: 'download', file };
  await mkdir(printer.folder, { recursive: true });
  const path = join(printer.folder, file.fileName);
  await writeFile(path, Buffer.from(file.contentBase64, 'base64'));
  await printer.printPdf(path);
  return { via: 'print_dialog' };
}
