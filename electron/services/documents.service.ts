/**
 * Documents made from the ledger: for now the invoice PDF. Read-only, so no transaction: each
 * read is a single query, and a transaction here would only risk the single-connection
 * deadlock (a plain `db` query inside it waits for ever).
 */
import type { Kysely } from 'kysely';
import type { DocumentFile } from '../../shared/api/invoices';
import type { Clock } from '../../shared/dates';
import type { DB } from '../db/schema';
import { invoiceFileName } from '../documents/file-name';

// pdfkit and its font engine take a while to load: only when the first document is asked for,
// never on the way to the first screen.
const loadRenderer = () => import('../documents/invoice-pdf');
import type { InvoicesService } from './invoices.service';
import { customerFromRow } from './ledger-mapping';
import { requireCustomer } from './lookups';
import type { SettingsService } from './settings.service';

export interface DocumentsService {
  invoicePdf(id: number): Promise<DocumentFile>;
}

export function createDocumentsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: SettingsService;
  invoices: InvoicesService;
}): DocumentsService {
  return {
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
  };
}
