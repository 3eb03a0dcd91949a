/**
 * import.* through the API against real SQLite: every fixture (copied into fixtures/imports,
 * figures written here from reading the files) previews and imports with the right counts and
 * totals; re-importing never duplicates; undo removes it all, or refuses when something since
 * depends on it; the edge-case and nasty files give row or field errors and write nothing.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRecord } from '../../shared/api/imports';
import type { Customer } from '../../shared/ledger';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const fixtures = resolve(__dirname, '../../fixtures/imports');
const fixture = (path: string) => join(fixtures, path);

type Ledger = Awaited<ReturnType<typeof startLedgerApp>>;

/** What the ledger holds, read straight from its tables. */
function ledgerFigures(ledger: Ledger) {
  const db = ledger.app.connection.sqlite;
  const one = (query: string) => db.prepare(query).pluck().get() as number;
  return {
    customers: one('SELECT count(*) FROM customers'),
    invoices: one('SELECT count(*) FROM invoices'),
    payments: one('SELECT count(*) FROM payments'),
    invoiced: one(
      'SELECT coalesce(sum(total_amount), 0) FROM invoices WHERE is_draft = 0 AND voided_at IS NULL',
    ),
    settled: one('SELECT coalesce(sum(settled_amount), 0) FROM invoices'),
    received: one('SELECT coalesce(sum(amount), 0) FROM payments'),
  };
}

interface Expected {
  file: string;
  source: string;
  kind: string;
  headerRow: number;
  rows: { read: number; used: number; passedOver: number; withErrors: number };
  customers: number;
  invoices: number;
  payments: number;
  totals: {
    currency: string;
    invoices: number;
    invoiced: number;
    paid: number;
    open: number;
    payments: number;
    received: number;
  }[];
  warnings: number;
  settled?: number;
}

// The business's currency (sampleBusiness) is GBP: files that name none are read in it.
const expectations: Expected[] = [
  {
    file: 'freshbooks/freshbooks_invoices.csv',
    source: 'freshbooks-invoices',
    kind: 'invoices',
    headerRow: 1,
    rows: { read: 3, used: 3, passedOver: 0, withErrors: 0 },
    customers: 1,
    invoices: 1,
    payments: 0,
    // 650.00 + 490.00 + 6750.00 on one invoice, 0000001, status "sent".
    totals: [
      {
        currency: 'USD',
        invoices: 1,
        invoiced: 789000,
        paid: 0,
        open: 789000,
        payments: 0,
        received: 0,
      },
    ],
    warnings: 0,
  },
  {
    file: 'freshbooks/freshbooks_clients.csv',
    source: 'freshbooks-clients',
    kind: 'customers',
    headerRow: 1,
    rows: { read: 2, used: 2, passedOver: 0, withErrors: 0 },
    customers: 2,
    invoices: 0,
    payments: 0,
    totals: [],
    warnings: 0,
  },
  {
    file: 'invoicely/invoicely_invoices.csv',
    source: 'invoicely-invoices',
    kind: 'invoices',
    headerRow: 1,
    rows: { read: 1, used: 1, passedOver: 0, withErrors: 0 },
    customers: 1,
    invoices: 1,
    payments: 0,
    // INV-1, "1,020.00", due "Jan 28 2021".
    totals: [
      {
        currency: 'GBP',
        invoices: 1,
        invoiced: 102000,
        paid: 0,
        open: 102000,
        payments: 0,
        received: 0,
      },
    ],
    warnings: 0,
  },
  {
    file: 'invoicely/invoicely_clients.csv',
    source: 'invoicely-clients',
    kind: 'customers',
    headerRow: 1,
    rows: { read: 2, used: 2, passedOver: 0, withErrors: 0 },
    customers: 2,
    invoices: 0,
    payments: 0,
    totals: [],
    warnings: 0,
  },
  {
    file: 'invoice2go/i2g_clients.csv',
    source: 'invoicely-clients',
    kind: 'customers',
    headerRow: 1,
    rows: { read: 2, used: 2, passedOver: 0, withErrors: 0 },
    customers: 2,
    invoices: 0,
    payments: 0,
    totals: [],
    warnings: 0,
  },
  {
    file: 'invoice2go/i2g_invoices.csv',
    source: 'invoice2go-invoices',
    kind: 'invoices',
    headerRow: 1,
    rows: { read: 4, used: 4, passedOver: 0, withErrors: 0 },
    customers: 4,
    invoices: 4,
    payments: 0,
    // ILS 953.55; USD 70.2 + 72.9 + 367.2; nothing paid (BalanceDueAmount = TotalAmount).
    totals: [
      {
        currency: 'ILS',
        invoices: 1,
        invoiced: 95355,
        paid: 0,
        open: 95355,
        payments: 0,
        received: 0,
      },
      {
        currency: 'USD',
        invoices: 3,
        invoiced: 51030,
        paid: 0,
        open: 51030,
        payments: 0,
        received: 0,
      },
    ],
    warnings: 0,
  },
  {
    file: 'wave/wave_clients.csv',
    source: 'wave-customers',
    kind: 'customers',
    headerRow: 1,
    rows: { read: 4, used: 4, passedOver: 0, withErrors: 0 },
    customers: 4,
    invoices: 0,
    payments: 0,
    totals: [],
    warnings: 0,
  },
  {
    file: 'wave/wave_invoices.csv',
    source: 'wave-transactions',
    kind: 'invoices',
    headerRow: 1,
    // 15 ledger rows: 3 receivable debits (invoices 2, 3, 4), 1 receivable credit (invoice 3
    // paid, -590.50); the income and cash rows are passed over.
    rows: { read: 15, used: 4, passedOver: 11, withErrors: 0 },
    customers: 3,
    invoices: 3,
    payments: 1,
    totals: [
      {
        currency: 'GBP',
        invoices: 3,
        invoiced: 906491,
        paid: 0,
        open: 906491,
        payments: 1,
        received: 59050,
      },
    ],
    warnings: 0,
    settled: 59050,
  },
  {
    file: 'zoho/zoho_contacts.csv',
    source: 'zoho-contacts',
    kind: 'customers',
    headerRow: 1,
    rows: { read: 5, used: 5, passedOver: 0, withErrors: 0 },
    customers: 5,
    invoices: 0,
    payments: 0,
    totals: [],
    warnings: 0,
  },
  {
    file: 'zoho/zoho_invoices.csv',
    source: 'zoho-invoices',
    kind: 'invoices',
    headerRow: 1,
    // 13 line rows of 3 invoices (489.75, 460.00, 390.00), every one a Draft.
    rows: { read: 13, used: 13, passedOver: 0, withErrors: 0 },
    customers: 3,
    invoices: 3,
    payments: 0,
    totals: [
      { currency: 'USD', invoices: 3, invoiced: 0, paid: 0, open: 0, payments: 0, received: 0 },
    ],
    warnings: 0,
  },
  {
    file: 'invoiceninja/clients.csv',
    source: 'invoiceninja-clients',
    kind: 'customers',
    headerRow: 4,
    rows: { read: 20, used: 20, passedOver: 0, withErrors: 0 },
    customers: 20,
    invoices: 0,
    payments: 0,
    totals: [],
    warnings: 0,
  },
  {
    file: 'invoiceninja/invoice.csv',
    source: 'invoiceninja-invoices',
    kind: 'invoices',
    headerRow: 4,
    // 401 line rows of 400 invoices for 20 clients: Amount 11,860.87, Paid 5,686.21; 215
    // invoices are due before their invoice date (taken as due on issue, with a warning).
    rows: { read: 401, used: 401, passedOver: 0, withErrors: 0 },
    customers: 20,
    invoices: 400,
    payments: 0,
    totals: [
      {
        currency: 'GBP',
        invoices: 400,
        invoiced: 1186087,
        paid: 568621,
        open: 617466,
        payments: 0,
        received: 0,
      },
    ],
    warnings: 215,
  },
  {
    file: 'invoiceninja/payments.csv',
    source: 'invoiceninja-payments',
    kind: 'payments',
    headerRow: 4,
    // 403 rows: 401 payments ("$13.50 ", M/D/YYYY) coming to 11,887.54, and two refunds
    // "($400.00)" passed over with a warning each.
    rows: { read: 403, used: 401, passedOver: 2, withErrors: 0 },
    customers: 20,
    invoices: 0,
    payments: 401,
    totals: [
      {
        currency: 'GBP',
        invoices: 0,
        invoiced: 0,
        paid: 0,
        open: 0,
        payments: 401,
        received: 1188754,
      },
    ],
    warnings: 2,
  },
  {
    file: 'synthetic/xero_sales_invoices.synthetic.csv',
    source: 'xero-invoices',
    kind: 'invoices',
    headerRow: 1,
    // 6 line rows of 5 invoices for 3 contacts; a credit note and an overpayment passed over.
    // GBP live: 1,200.00 + 450.00 (150.00 paid) + 99.99 (paid); 80.00 is a draft; EUR void.
    rows: { read: 8, used: 6, passedOver: 2, withErrors: 0 },
    customers: 3,
    invoices: 5,
    payments: 0,
    totals: [
      { currency: 'EUR', invoices: 1, invoiced: 0, paid: 0, open: 0, payments: 0, received: 0 },
      {
        currency: 'GBP',
        invoices: 4,
        invoiced: 174999,
        paid: 24999,
        open: 150000,
        payments: 0,
        received: 0,
      },
    ],
    warnings: 2,
  },
  {
    file: 'synthetic/quickbooks_ar_aging.synthetic.csv',
    source: 'quickbooks-ar-aging',
    kind: 'invoices',
    headerRow: 5,
    // Invoices 1001 (1,000.00, 800.00 open), 1002 (2,450.50 open), 1003 (125.00, 25.00 open);
    // a credit memo passed over with a warning; headings, totals, blanks and footer silently.
    rows: { read: 12, used: 3, passedOver: 9, withErrors: 0 },
    customers: 2,
    invoices: 3,
    payments: 0,
    totals: [
      {
        currency: 'GBP',
        invoices: 3,
        invoiced: 357550,
        paid: 30000,
        open: 327550,
        payments: 0,
        received: 0,
      },
    ],
    warnings: 1,
  },
];

describe('every fixture', () => {
  for (const expected of expectations) {
    it(`${expected.file}: previews and imports with the right counts and totals`, async () => {
      const ledger = await startLedgerApp(await tempDir());
      const preview = await ledger.ok<ImportPreview>('import.preview', {
        path: fixture(expected.file),
      });
      expect(preview.source?.id).toBe(expected.source);
      expect(preview.confidence).toBeGreaterThanOrEqual(0.67);
      expect(preview.kind).toBe(expected.kind);
      expect(preview.headerRow).toBe(expected.headerRow);
      expect(preview.counts.rows).toEqual(expected.rows);
      expect(preview.counts.customers.created).toBe(expected.customers);
      expect(preview.counts.invoices.created).toBe(expected.invoices);
      expect(preview.counts.payments.created).toBe(expected.payments);
      expect(preview.totals).toEqual(expected.totals);
      expect(preview.errorCount).toBe(0);
      expect(preview.warningCount).toBe(expected.warnings);
      expect(preview.question).toBeNull();

      const record = await ledger.ok<ImportRecord>('import.commit', {
        path: fixture(expected.file),
      });
      expect(record.counts).toEqual(preview.counts);
      const figures = ledgerFigures(ledger);
      expect(figures.customers).toBe(expected.customers);
      expect(figures.invoices).toBe(expected.invoices);
      const sum = (key: 'invoiced' | 'paid' | 'received') =>
        expected.totals.reduce((total, t) => total + t[key], 0);
      expect(figures.invoiced).toBe(sum('invoiced'));
      // What was paid before is one payment per invoice, allocated to it; payments in the
      // file go to their invoice when it is in the ledger (Wave's invoice 3, paid in full).
      expect(figures.settled).toBe(expected.settled ?? sum('paid'));
      expect(figures.received).toBe(sum('paid') + sum('received'));
      await ledger.app.close();
    });
  }
});

describe('importing', () => {
  it('puts customers, invoices and what was paid into the ledger, with a timeline event each', async () => {
    const ledger = await startLedgerApp(await tempDir());
    await ledger.ok('import.commit', {
      path: fixture('synthetic/xero_sales_invoices.synthetic.csv'),
    });
    const db = ledger.app.connection.sqlite;
    const invoices = db
      .prepare(
        `SELECT i.number, c.name, i.issue_date, i.due_date, i.currency, i.total_amount,
           i.settled_amount, i.is_draft, i.voided_at IS NOT NULL AS void, i.source, i.terms_kind, i.terms_days
         FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.number`,
      )
      .all();
    expect(invoices).toEqual([
      {
        number: 'INV-0001',
        name: 'Bright Ideas Ltd',
        issue_date: '2026-06-15',
        due_date: '2026-07-15',
        currency: 'GBP',
        total_amount: 120000,
        settled_amount: 0,
        is_draft: 0,
        void: 0,
        source: 'xero-invoices',
        terms_kind: 'net',
        terms_days: 30,
      },
      expect.objectContaining({ number: 'INV-0002', name: 'Harbour Café', settled_amount: 15000 }),
      expect.objectContaining({
        number: 'INV-0003',
        issue_date: '2026-05-01',
        due_date: '2026-05-31',
        settled_amount: 9999,
      }),
      expect.objectContaining({ number: 'INV-0004', currency: 'EUR', void: 1 }),
      expect.objectContaining({ number: 'INV-0005', is_draft: 1 }),
    ]);
    const customers = await ledger.ok<{ id: number; name: string; email: string }[]>(
      'customers.list',
      {},
    );
    const bright = customers.find((c) => c.name === 'Bright Ideas Ltd')!;
    expect(bright.email).toBe('accounts@brightideas.example');
    const timeline = await ledger.ok<{ summary: string }[]>('customers.timeline', {
      id: bright.id,
    });
    expect(timeline.map((entry) => entry.summary)).toContain(
      'Added from Xero (sales invoices) (xero_sales_invoices.synthetic.csv), with 2 invoices added.',
    );
    await ledger.app.close();
  });

  it('never duplicates: the same file again changes nothing, a later export updates in place', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const path = fixture('freshbooks/freshbooks_invoices.csv');
    await ledger.ok('import.commit', { path });
    const once = ledgerFigures(ledger);
    const again = await ledger.ok<ImportPreview>('import.preview', { path });
    expect(again.importedBefore).not.toBeNull();
    expect(again.counts.invoices).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.counts.customers).toEqual({ created: 0, updated: 0, unchanged: 1 });
    await ledger.ok('import.commit', { path });
    expect(ledgerFigures(ledger)).toEqual(once);

    // A later export: the invoice is now marked paid, and a second invoice has appeared.
    const later = `${readFileSync(path, 'utf8').replaceAll(',sent,', ',paid,')}X-Men,0000002,2021-02-02,sent,,Repairs,Fence,100.00,1.00000000,0.0000,100.00,,0.00,,0.00,100.00,USD\n`;
    const preview = await ledger.ok<ImportPreview>('import.preview', { text: later });
    expect(preview.counts.invoices).toEqual({ created: 1, updated: 1, unchanged: 0 });
    await ledger.ok('import.commit', { text: later, fileName: 'later.csv' });
    const after = ledgerFigures(ledger);
    expect(after.customers).toBe(1);
    expect(after.invoices).toBe(2);
    expect(after.settled).toBe(789000);
    expect(after.payments).toBe(1);
    await ledger.app.close();
  });

  it('tops up to what the file says was paid, never counting a payment recorded here twice', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const header = 'Customer,Invoice number,Date,Total,Paid\n';
    await ledger.ok('import.commit', {
      text: `${header}Ana Pereira,A-1,2027-01-10,100.00,0.00\n`,
    });
    const customer = (await ledger.ok<Customer[]>('customers.list', {}))[0]!;
    await ledger.ok('payments.record', {
      customerId: customer.id,
      date: '2027-02-01',
      amount: 3000,
      currency: 'GBP',
    });
    // The other program now knows of that payment and of 20.00 more.
    await ledger.ok('import.commit', {
      text: `${header}Ana Pereira,A-1,2027-01-10,100.00,50.00\n`,
    });
    expect(ledgerFigures(ledger).settled).toBe(5000);
    expect(ledgerFigures(ledger).received).toBe(5000);
    await ledger.app.close();
  });

  it('refuses an invoice number that belongs to another customer, as a row error', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const header = 'Customer,Invoice number,Date,Total\n';
    await ledger.ok('import.commit', { text: `${header}Ana Pereira,A-1,2027-01-10,100.00\n` });
    const before = ledger.fingerprint();
    const text = `${header}Bob Okafor,A-1,2027-01-10,100.00\n`;
    const preview = await ledger.ok<ImportPreview>('import.preview', { text });
    expect(preview.errorCount).toBe(1);
    expect(preview.issues[0]!.message).toMatch(/another customer/);
    const refused = await ledger.call('import.commit', { text });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'skipErrors' },
    });
    expect(ledger.fingerprint()).toBe(before);
    await ledger.app.close();
  });
});

describe('undo', () => {
  it('removes everything an import created, as one step', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const path = fixture('invoiceninja/invoice.csv');
    const record = await ledger.ok<ImportRecord>('import.commit', { path });
    expect(ledgerFigures(ledger).invoices).toBe(400);
    const undone = await ledger.ok<ImportRecord>('import.undo', { id: record.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(ledgerFigures(ledger)).toEqual({
      customers: 0,
      invoices: 0,
      payments: 0,
      invoiced: 0,
      settled: 0,
      received: 0,
    });
    const again = await ledger.call('import.undo', { id: record.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Imported again after the undo, it is all new again.
    const preview = await ledger.ok<ImportPreview>('import.preview', { path });
    expect(preview.counts.invoices.created).toBe(400);
    await ledger.app.close();
  });

  it('puts back what an import changed', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const header = 'Customer,Invoice number,Date,Total,Paid\n';
    await ledger.ok('import.commit', {
      text: `${header}Ana Pereira,A-1,2027-01-10,100.00,10.00\n`,
    });
    const before = ledgerFigures(ledger);
    const second = await ledger.ok<ImportRecord>('import.commit', {
      text: `${header}Ana Pereira,A-1,2027-01-12,120.00,60.00\n`,
    });
    expect(second.counts.invoices.updated).toBe(1);
    expect(ledgerFigures(ledger).settled).toBe(6000);
    await ledger.ok('import.undo', { id: second.id });
    expect(ledgerFigures(ledger)).toEqual(before);
    const row = ledger.app.connection.sqlite
      .prepare('SELECT issue_date, total_amount FROM invoices')
      .get();
    expect(row).toEqual({ issue_date: '2027-01-10', total_amount: 10000 });
    await ledger.app.close();
  });

  it('refuses, changing nothing, when a payment was recorded since', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const record = await ledger.ok<ImportRecord>('import.commit', {
      path: fixture('freshbooks/freshbooks_invoices.csv'),
    });
    const customer = (await ledger.ok<Customer[]>('customers.list', {}))[0]!;
    await ledger.ok('payments.record', {
      customerId: customer.id,
      date: '2027-03-01',
      amount: 1000,
      currency: 'USD',
    });
    const before = ledger.fingerprint();
    const refused = await ledger.call('import.undo', { id: record.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    expect(ledger.fingerprint()).toBe(before);
    await ledger.app.close();
  });

  it('refuses while a later import touched the same rows', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const header = 'Customer,Invoice number,Date,Total\n';
    const first = await ledger.ok<ImportRecord>('import.commit', {
      text: `${header}Ana Pereira,A-1,2027-01-10,100.00\n`,
    });
    ledger.clock.advanceDays(1);
    await ledger.ok('import.commit', { text: `${header}Ana Pereira,A-1,2027-01-10,150.00\n` });
    const refused = await ledger.call('import.undo', { id: first.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(refused)).toMatch(/later import/);
    await ledger.app.close();
  });
});

describe('bad and nasty files', () => {
  it('give row errors for rows wider or shorter than the header, and import the rest only when asked', async () => {
    const ledger = await startLedgerApp(await tempDir());
    for (const [file, row, cells] of [
      ['invoiceninja-edge-cases/csv_overwide_row.csv', 3, 3],
      ['invoiceninja-edge-cases/csv_short_row_then_complete.csv', 2, 1],
    ] as const) {
      const path = fixture(file);
      const preview = await ledger.ok<ImportPreview>('import.preview', { path });
      expect(preview.source).toBeNull();
      expect(preview.kind).toBe('customers');
      expect(preview.errorCount).toBe(1);
      expect(preview.issues).toEqual([
        expect.objectContaining({
          row,
          severity: 'error',
          message: expect.stringContaining(`${cells} cell`),
        }),
      ]);
      expect(preview.counts.customers.created).toBe(1);
      const before = ledger.fingerprint();
      const refused = await ledger.call('import.commit', { path });
      expect(refused).toMatchObject({ ok: false, error: { field: 'skipErrors' } });
      expect(ledger.fingerprint()).toBe(before);
      await ledger.ok('import.commit', { path, skipErrors: true });
    }
    const names = (await ledger.ok<Customer[]>('customers.list', {})).map((c) => c.name).sort();
    expect(names).toEqual(['Complete row', 'Valid row']);
    await ledger.app.close();
  });

  it('never show back a value from a column marked private', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const path = fixture('invoiceninja-edge-cases/csv_system_error_rows.csv');
    // Nothing in it says what it is: the owner is asked for a mapping.
    const asked = await ledger.ok<ImportPreview>('import.preview', { path });
    expect(asked.mappingProblems[0]).toMatchObject({ field: 'mapping.customer' });
    const mapping = { customer: 'Value', number: 'Value', issueDate: 'Value', total: 'Value' };
    const preview = await ledger.ok<ImportPreview>('import.preview', {
      path,
      mapping,
      privateColumns: ['Value'],
    });
    expect(preview.errorCount).toBe(8);
    expect(preview.issues.map((issue) => issue.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(preview.issues[0]).toMatchObject({
      column: 'Value',
      message: 'The invoice total is not an amount.',
    });
    expect(JSON.stringify(preview)).not.toMatch(/private-/);
    // Amount columns not marked private are quoted, so the owner can find the cell.
    const quoted = await ledger.ok<ImportPreview>('import.preview', { path, mapping });
    expect(quoted.issues[0]).toMatchObject({ value: 'private-value-1' });
    // Names are never quoted.
    const names = await ledger.ok<ImportPreview>('import.preview', {
      text: 'Customer,Invoice number,Date,Total\nSecret Name,,2027-01-01,1.00\n',
    });
    expect(names.issues[0]).toMatchObject({ row: 2, column: 'Invoice number' });
    expect(JSON.stringify(names.issues)).not.toMatch(/Secret/);
    await ledger.app.close();
  });

  it('refuse an empty file, a binary one and a bad mapping by field, writing nothing', async () => {
    const dir = await tempDir();
    const ledger = await startLedgerApp(dir);
    const before = ledger.fingerprint();
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    const binary = join(dir, 'photo.csv');
    await writeFile(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    const cases: [unknown, string, string][] = [
      [{ path: empty }, 'invalid_input', 'file'],
      [{ text: '\uFEFF  \r\n' }, 'invalid_input', 'file'],
      [{ path: binary }, 'invalid_input', 'file'],
      [{ path: join(dir, 'missing.csv') }, 'not_found', 'path'],
      [{}, 'invalid_input', 'path'],
      [{ text: 'a', path: empty }, 'invalid_input', 'path'],
      [{ text: 'Name\nx\n', source: 'nowhere' }, 'invalid_input', 'source'],
      [{ text: 'Name\nx\n', mapping: { customer: 'Nom' } }, 'invalid_input', 'mapping.customer'],
      [
        { text: 'Name\nx\n', mapping: { total: 'Name' }, kind: 'invoices' },
        'invalid_input',
        'mapping.customer',
      ],
      [{ text: 'Name\nx\n', mapping: { colour: 'Name' } }, 'invalid_input', 'mapping.colour'],
      [{ text: 'Name\nx\n', currency: 'XYZ' }, 'invalid_input', 'currency'],
      [{ text: 'Name\nx\n', dateOrder: 'ymd' }, 'invalid_input', 'dateOrder'],
    ];
    for (const [input, code, field] of cases) {
      for (const method of ['import.preview', 'import.commit'] as const) {
        const result = await ledger.call(method, input);
        expect(result, JSON.stringify({ method, input })).toMatchObject({
          ok: false,
          error: { code, field: expect.stringContaining(field) },
        });
      }
    }
    expect(ledger.fingerprint()).toBe(before);
    await ledger.app.close();
  });

  it('read a header-only file as nothing to import', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const text = readFileSync(fixture('freshbooks/freshbooks_invoices.csv'), 'utf8').split(
      '\n',
    )[0]!;
    const preview = await ledger.ok<ImportPreview>('import.preview', { text });
    expect(preview.source?.id).toBe('freshbooks-invoices');
    expect(preview.counts.rows.read).toBe(0);
    expect(preview.counts.invoices.created).toBe(0);
    await ledger.app.close();
  });

  it('read Windows-1252 (£, €), a BOM, CRLF, semicolons and quoted newlines, and keep a formula as text', async () => {
    const dir = await tempDir();
    const ledger = await startLedgerApp(dir);
    const lines = [
      'Customer;Invoice number;Date;Due date;Total;Currency',
      '"Café Zoë £ €";W-1;2027-01-05;2027-02-04;"1,234.50";GBP',
      '"=HYPERLINK(""http://evil.example"",""Click"")";W-2;2027-01-06;2027-02-05;10.00;EUR',
      '"Two\r\nLines Ltd";W-3;2027-01-07;2027-02-06;(0.00);GBP',
    ];
    const path = join(dir, 'excel.csv');
    await writeFile(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252'));
    const preview = await ledger.ok<ImportPreview>('import.preview', { path });
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.delimiter).toBe(';');
    expect(preview.errorCount).toBe(0);
    expect(preview.counts.invoices.created).toBe(3);
    await ledger.ok('import.commit', { path });
    const names = (await ledger.ok<Customer[]>('customers.list', {})).map((c) => c.name).sort();
    expect(names).toEqual(
      ['Café Zoë £ €', 'Two Lines Ltd', '=HYPERLINK("http://evil.example","Click")'].sort(),
    );
    const bom = join(dir, 'bom.csv');
    await writeFile(bom, `\uFEFF${lines.slice(0, 2).join('\r\n')}\r\n`, 'utf8');
    const utf8 = await ledger.ok<ImportPreview>('import.preview', { path: bom });
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.header[0]).toBe('Customer');
    expect(utf8.counts.invoices.unchanged).toBe(1);
    await ledger.app.close();
  });

  it('ask which comes first when every date reads both ways, and write nothing until told', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const text =
      'Customer,Invoice number,Date,Due date,Total\nAna,D-1,03/04/2027,05/06/2027,10.00\nBob,D-2,01/02/2027,01/03/2027,5.00\n';
    const preview = await ledger.ok<ImportPreview>('import.preview', { text });
    expect(preview.question).toEqual({ examples: ['03/04/2027', '05/06/2027', '01/02/2027'] });
    expect(preview.errorCount).toBe(0);
    const before = ledger.fingerprint();
    const refused = await ledger.call('import.commit', { text });
    expect(refused).toMatchObject({ ok: false, error: { field: 'dateOrder' } });
    expect(ledger.fingerprint()).toBe(before);
    await ledger.ok('import.commit', { text, dateOrder: 'dmy' });
    const dates = ledger.app.connection.sqlite
      .prepare('SELECT number, issue_date, due_date FROM invoices ORDER BY number')
      .all();
    expect(dates).toEqual([
      { number: 'D-1', issue_date: '2027-04-03', due_date: '2027-06-05' },
      { number: 'D-2', issue_date: '2027-02-01', due_date: '2027-03-01' },
    ]);
    await ledger.app.close();
  });

  it('remember a hand mapping for the next file of the same layout', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const text = 'Who,Ref,When,How much\nAna,M-1,2027-01-05,12.00\n';
    const mapping = { customer: 'Who', number: 'Ref', issueDate: 'When', total: 'How much' };
    await ledger.ok('import.commit', { text, mapping });
    const next = await ledger.ok<ImportPreview>('import.preview', {
      text: 'Who,Ref,When,How much\nBob,M-2,2027-01-06,3.00\n',
    });
    expect(next.mappingRemembered).toBe(true);
    expect(next.mapping).toEqual(mapping);
    expect(next.counts.invoices.created).toBe(1);
    await ledger.app.close();
  });

  it('take a large file in pieces, in order only', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const text = readFileSync(fixture('invoiceninja/invoice.csv'));
    const piece = 40 * 1024;
    for (let offset = 0; offset < text.length; offset += piece) {
      await ledger.ok('import.upload', {
        uploadId: 'upload-one',
        offset,
        base64: text.subarray(offset, offset + piece).toString('base64'),
      });
    }
    const out = await ledger.call('import.upload', {
      uploadId: 'upload-one',
      offset: 5,
      base64: 'AAAA',
    });
    expect(out).toMatchObject({ ok: false, error: { code: 'conflict', field: 'offset' } });
    const preview = await ledger.ok<ImportPreview>('import.preview', {
      uploadId: 'upload-one',
      fileName: 'invoice.csv',
    });
    expect(preview.fileName).toBe('invoice.csv');
    expect(preview.counts.invoices.created).toBe(400);
    await ledger.ok('import.commit', { uploadId: 'upload-one', fileName: 'invoice.csv' });
    expect(ledgerFigures(ledger).invoices).toBe(400);
    const gone = await ledger.call('import.preview', { uploadId: 'upload-one' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', field: 'uploadId' } });
    await ledger.app.close();
  });
});
