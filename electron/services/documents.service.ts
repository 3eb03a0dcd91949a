/**
 * Documents made from the ledger: for now the invoice PDF, to save or to print. Read-only, so no
 * transaction: each read is a single query, and a transaction here would only risk the
 * single-connection deadlock (a plain `db` query inside it waits for ever).
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DocumentFile, PrintResult } from '../../shared/api/invoices';
import type { Clock } from '../../shared/dates';
import type { DB } from '../db/schema';
import { invoiceFileName } from '../documents/file-name';
import { printOrDownload, type PrintPdf } from '../documents/print-document';

// pdfkit and its font engine take a while to load: only when the first document is asked for,
// never on the way to the first screen.
const loadRenderer = () => import('../documents/invoice-pdf');
import type { InvoicesService } from './invoices.service';
import { customerFromRow } from './ledger-mapping';
import { requireCustomer } from './lookups';
import type { SettingsService } from './settings.service';

export interface DocumentsService {
  invoicePdf(id: number): Promise<DocumentFile>;
  /** The print dialog in the desktop app; headless, the file to download and print. */
  printInvoice(id: number): Promise<PrintResult>;
}

export function createDocumentsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: SettingsService;
  invoices: InvoicesService;
  /** Where invoices sent to print are written (the data folder). */
  dataDir?: string;
  /** Electron's print dialog for a PDF file; absent headless. */
  printPdf?: PrintPdf;
}): DocumentsService {
  const service: DocumentsService = {
    async invoicePdf(id) {
      const invoice = await deps.invoices.get(id);
      const [row, settings] = await Promise.all([
        requireCustomer(deps.db, invoice.customerId),
        deps.settings.get(),
      ]);
      const { renderInvoicePdf } = await loadRenderer();
      const pdf = await renderInvoicePdf({
        invoice,
        customer: customerFromRow(row),
        settings,
        now: deps.clock.now(),
      });
      return { fileName: invoiceFileName(invoice), contentBase64: pdf.toString('base64') };
    },

    async printInvoice(id) {
      const file = await service.invoicePdf(id);
      const folder = deps.dataDir && join(deps.dataDir, 'printed');
      return printOrDownload(file, { printPdf: deps.printPdf, folder });
    },
  };
  return service;
}
