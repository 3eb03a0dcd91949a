/**
 * Goodwill's own export layout (shared/exports/goodwill-export.ts) as an import source: files
 * written with the shared columns, formula guard included, read back into an empty ledger
 * with the same customers (kind too) and invoices (numbers, dates, totals, open amounts,
 * drafts and voids).
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/api/imports';
import { csvFile } from '../../shared/exports/csv-cells';
import {
  customerExportColumns,
  invoiceExportColumns,
  type CustomerExportRow,
  type InvoiceLineExportRow,
} from '../../shared/exports/goodwill-export';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

const customer = (id: number, name: string, kind: CustomerExportRow['kind'], email: string) =>
  ({
    customerId: id,
    name,
    company: kind === 'company' ? name : '',
    kind,
    contactPerson: '',
    email,
    ccEmails: [],
    phone: '',
    address: '',
    locale: null,
    timeZone: null,
    tags: [],
    notes: '',
    doNotContactReason: null,
    doNotContactUntil: null,
    creditHoldReason: null,
    archived: false,
    createdAt: '2027-01-01T09:00:00.000Z',
  }) satisfies CustomerExportRow;

const line = (
  invoice: Pick<
    InvoiceLineExportRow,
    | 'invoiceId'
    | 'invoiceNumber'
    | 'customerId'
    | 'customerName'
    | 'state'
    | 'invoiceTotal'
    | 'open'
  > & { issueDate: string; dueDate: string; lineNumber: number | null },
): InvoiceLineExportRow => ({
  currency: 'GBP',
  termsKind: 'net',
  termsDays: 30,
  discountPercent: null,
  discountDays: null,
  notes: '',
  voidReason: invoice.state === 'void' ? 'Sent twice' : '',
  lineDescription: 'Work',
  lineQuantity: '1',
  lineUnitPrice: invoice.invoiceTotal,
  lineTaxRate: null,
  lineNet: invoice.invoiceTotal,
  lineTax: 0,
  invoiceNet: invoice.invoiceTotal,
  invoiceTax: 0,
  paid: invoice.invoiceTotal - invoice.open,
  credited: 0,
  writtenOff: 0,
  source: 'goodwill',
  externalId: null,
  ...invoice,
});

describe("Goodwill's own export", () => {
  it('reads back into an empty ledger with the same customers and invoices', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const customers = csvFile(customerExportColumns, [
      customer(1, '=Harbour Café Ltd', 'company', 'maya@harbour.example'),
      customer(2, 'Zoë Łukasiewicz', 'sole_trader', '-zoe@example.org'),
    ]);
    const invoices = csvFile(invoiceExportColumns, [
      line({
        invoiceId: 10,
        invoiceNumber: 'INV-0001',
        customerId: 1,
        customerName: '=Harbour Café Ltd',
        state: 'partially_paid',
        issueDate: '2027-01-10',
        dueDate: '2027-02-09',
        invoiceTotal: 12000,
        open: 10000,
        lineNumber: 1,
      }),
      line({
        invoiceId: 10,
        invoiceNumber: 'INV-0001',
        customerId: 1,
        customerName: '=Harbour Café Ltd',
        state: 'partially_paid',
        issueDate: '2027-01-10',
        dueDate: '2027-02-09',
        invoiceTotal: 12000,
        open: 10000,
        lineNumber: 2,
      }),
      line({
        invoiceId: 11,
        invoiceNumber: 'INV-0002',
        customerId: 2,
        customerName: 'Zoë Łukasiewicz',
        state: 'draft',
        issueDate: '2027-03-01',
        dueDate: '2027-03-31',
        invoiceTotal: 5000,
        open: 5000,
        lineNumber: null,
      }),
      line({
        invoiceId: 12,
        invoiceNumber: 'INV-0003',
        customerId: 2,
        customerName: 'Zoë Łukasiewicz',
        state: 'void',
        issueDate: '2027-02-01',
        dueDate: '2027-03-03',
        invoiceTotal: 7000,
        open: 0,
        lineNumber: 1,
      }),
      line({
        invoiceId: 13,
        invoiceNumber: 'INV-0004',
        customerId: 2,
        customerName: 'Zoë Łukasiewicz',
        state: 'paid',
        issueDate: '2027-02-02',
        dueDate: '2027-03-04',
        invoiceTotal: 999,
        open: 0,
        lineNumber: 1,
      }),
    ]);
    const first = await ledger.ok<ImportPreview>('import.preview', {
      text: customers,
      fileName: 'customers.csv',
    });
    expect(first.source?.id).toBe('goodwill-customers');
    await ledger.ok('import.commit', { text: customers, fileName: 'customers.csv' });
    const second = await ledger.ok<ImportPreview>('import.preview', {
      text: invoices,
      fileName: 'invoices.csv',
    });
    expect(second.source?.id).toBe('goodwill-invoices');
    expect(second.counts.customers).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(second.counts.invoices.created).toBe(4);
    await ledger.ok('import.commit', { text: invoices, fileName: 'invoices.csv' });

    const db = ledger.app.connection.sqlite;
    expect(
      db.prepare('SELECT name, kind, email, company FROM customers ORDER BY id').all(),
    ).toEqual([
      {
        name: '=Harbour Café Ltd',
        kind: 'company',
        email: 'maya@harbour.example',
        company: '=Harbour Café Ltd',
      },
      { name: 'Zoë Łukasiewicz', kind: 'sole_trader', email: '-zoe@example.org', company: '' },
    ]);
    expect(
      db
        .prepare(
          `SELECT i.number, c.name, i.issue_date, i.due_date, i.total_amount,
             i.total_amount - i.settled_amount AS open, i.is_draft, i.voided_at IS NOT NULL AS void
           FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.number`,
        )
        .all(),
    ).toEqual([
      {
        number: 'INV-0001',
        name: '=Harbour Café Ltd',
        issue_date: '2027-01-10',
        due_date: '2027-02-09',
        total_amount: 12000,
        open: 10000,
        is_draft: 0,
        void: 0,
      },
      {
        number: 'INV-0002',
        name: 'Zoë Łukasiewicz',
        issue_date: '2027-03-01',
        due_date: '2027-03-31',
        total_amount: 5000,
        open: 5000,
        is_draft: 1,
        void: 0,
      },
      {
        number: 'INV-0003',
        name: 'Zoë Łukasiewicz',
        issue_date: '2027-02-01',
        due_date: '2027-03-03',
        total_amount: 7000,
        open: 7000,
        is_draft: 0,
        void: 1,
      },
      {
        number: 'INV-0004',
        name: 'Zoë Łukasiewicz',
        issue_date: '2027-02-02',
        due_date: '2027-03-04',
        total_amount: 999,
        open: 0,
        is_draft: 0,
        void: 0,
      },
    ]);
    await ledger.app.close();
  });
});
