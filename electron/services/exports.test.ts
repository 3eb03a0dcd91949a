/**
 * exports.csv and statements.pdf through the API, against a small ledger worked by hand:
 * the CSV files read back with csv-parse (BOM, quoting, formulas neutralised, amounts exact),
 * the statement's figures read back from the PDF with pdftotext, and bad input refused by field
 * with nothing written.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api/contract';
import type { CsvExportResult } from '../../shared/api/exports';
import type { DocumentFile } from '../../shared/api/invoices';
import type { Customer, Invoice, Payment } from '../../shared/ledger';
import type { AppOptions } from '../app';
import { exportedCsv, type ExportedCsv } from '../testing/exported-csv';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/**
 * Ana's ledger (GBP unless said), the statement period being February 2027:
 *   before: INV A 2027-01-05 £500.00 (due 01-20); paid £200.00 on 01-25     → opening £300.00
 *   in:     INV B 02-03 2 × £600.00 = £1,200.00 (due 02-17)                  → £1,500.00
 *           payment £250.00 "BACS 991" on 02-10 to A                          → £1,250.00
 *           credit note £100.00 on B, 02-12 "Damaged tile"                     → £1,150.00
 *           payment £400.00 on 02-20, not matched to an invoice               → £750.00
 *           refund £50.00 of it on 02-22                                       → £800.00
 *           A's last £50.00 written off on 02-25 "Goodwill gesture"            → £750.00
 *           (a draft and a void invoice in February count for nothing)
 *   after:  INV C 03-01 £99.00; payment £10.00 on 03-05 (to B): not on the statement.
 *   EUR:    INV E 02-15 €80.00 (due 03-15).
 * Closing £750.00 = B open £1,100.00 (11 days late on 02-28: 1–30 days) − £350.00 unapplied.
 */
async function handWorkedLedger(desktop: Pick<AppOptions, 'saveFileAs'> = {}) {
  const ledger = await startLedgerApp(await tempDir(), undefined, desktop);
  const { ok } = ledger;
  const ana = await ok<Customer>('customers.create', {
    name: '=HYPERLINK("http://evil.example","Ana")',
    kind: 'consumer',
    address: '4 Rua Nova\nLisbon',
    phone: '+351 21 000 0000',
    tags: ['-vip', 'builder'],
  });
  const bob = await ok<Customer>('customers.create', { name: 'Bob Okafor' });
  const invoice = (issueDate: string, dueDate: string, lines: object[], extra = {}) =>
    ok<Invoice>('invoices.create', {
      customerId: ana.id,
      issueDate,
      dueDate,
      currency: 'GBP',
      lines,
      ...extra,
    });
  const work = (unitPrice: number, quantity = '1') => ({
    description: 'Work',
    quantity,
    unitPrice,
  });
  const a = await invoice('2027-01-05', '2027-01-20', [work(50000)]);
  await ok('payments.record', {
    customerId: ana.id,
    date: '2027-01-25',
    amount: 20000,
    currency: 'GBP',
    allocations: [{ invoiceId: a.id, amount: 20000 }],
  });
  const b = await invoice('2027-02-03', '2027-02-17', [
    { description: 'Tiling, kitchen', quantity: '2', unitPrice: 60000 },
    { description: '@Grout', quantity: '1', unitPrice: 0 },
  ]);
  await ok('payments.record', {
    customerId: ana.id,
    date: '2027-02-10',
    amount: 25000,
    currency: 'GBP',
    reference: 'BACS 991',
    allocations: [{ invoiceId: a.id, amount: 25000 }],
  });
  await ok('creditNotes.create', {
    invoiceId: b.id,
    amount: 10000,
    reason: 'Damaged tile',
    date: '2027-02-12',
  });
  const credit = await ok<Payment>('payments.record', {
    customerId: ana.id,
    date: '2027-02-20',
    amount: 40000,
    currency: 'GBP',
    allocations: [],
  });
  await ok('payments.refund', {
    paymentId: credit.id,
    amount: 5000,
    date: '2027-02-22',
    method: 'bank transfer',
  });
  await ok('invoices.writeOff', {
    invoiceId: a.id,
    reason: 'Goodwill gesture',
    date: '2027-02-25',
  });
  await invoice('2027-02-05', '2027-02-19', [work(77700)], { draft: true });
  const voided = await invoice('2027-02-06', '2027-02-20', [work(88800)]);
  await ok('invoices.void', { id: voided.id, reason: 'Sent twice' });
  await invoice('2027-03-01', '2027-03-15', [work(9900)]);
  await ok('payments.record', {
    customerId: ana.id,
    date: '2027-03-05',
    amount: 1000,
    currency: 'GBP',
  });
  await invoice('2027-02-15', '2027-03-15', [work(8000)], { currency: 'EUR' });
  await ok<Invoice>('invoices.create', {
    customerId: bob.id,
    issueDate: '2027-02-01',
    dueDate: '2027-02-15',
    currency: 'GBP',
    lines: [work(12345)],
  });
  return { ...ledger, ana, bob, a, b };
}

function csvRows(file: ExportedCsv): { bytes: Buffer; rows: Record<string, string>[] } {
  const { bytes } = file;
  return { bytes, rows: parse(bytes, { bom: true, columns: true }) as Record<string, string>[] };
}

describe('exports.csv', () => {
  it('writes UTF-8 with a BOM, neutralises formulas and keeps amounts exact', async () => {
    const ledger = await handWorkedLedger();
    const { ana, a, b } = ledger;

    const customers = await exportedCsv(ledger, { kind: 'customers' });
    expect(customers.fileName).toBe('Goodwill customers 2027-03-15.csv');
    const { bytes, rows } = csvRows(customers);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      customer_id: String(ana.id),
      name: `'=HYPERLINK("http://evil.example","Ana")`,
      kind: 'consumer',
      phone: "'+351 21 000 0000",
      address: '4 Rua Nova\nLisbon',
      tags: "'-vip\nbuilder",
      archived: 'no',
    });

    const invoices = csvRows(await exportedCsv(ledger, { kind: 'invoices' })).rows;
    const bRows = invoices.filter((row) => row.invoice_id === String(b.id));
    expect(bRows.map((row) => [row.line_number, row.line_description, row.line_net])).toEqual([
      ['1', 'Tiling, kitchen', '1200.00'],
      ['2', "'@Grout", '0.00'],
    ]);
    expect(bRows[0]).toMatchObject({
      state: 'partially_paid',
      invoice_total: '1200.00',
      credited: '100.00',
      paid: '10.00',
      open: '1090.00',
      line_quantity: '2',
      line_unit_price: '600.00',
    });
    const aRow = invoices.find((row) => row.invoice_id === String(a.id))!;
    expect(aRow).toMatchObject({ state: 'written_off', paid: '450.00', written_off: '50.00' });
    expect(invoices.map((row) => row.state)).toEqual(
      expect.arrayContaining(['draft', 'void', 'open']),
    );
    expect(invoices.find((row) => row.currency === 'EUR')).toMatchObject({
      invoice_total: '80.00',
    });

    const payments = csvRows(await exportedCsv(ledger, { kind: 'payments' })).rows;
    expect(
      payments
        .filter((row) => row.customer_id === String(ana.id))
        .map((row) => [row.date, row.amount, row.allocated_amount, row.unapplied, row.refunded]),
    ).toEqual([
      ['2027-01-25', '200.00', '200.00', '0.00', '0.00'],
      ['2027-02-10', '250.00', '250.00', '0.00', '0.00'],
      ['2027-02-20', '400.00', '', '350.00', '50.00'],
      ['2027-03-05', '10.00', '10.00', '0.00', '0.00'],
    ]);

    const adjustments = csvRows(await exportedCsv(ledger, { kind: 'adjustments' }));
    expect(adjustments.rows.map((row) => [row.kind, row.date, row.amount, row.reason])).toEqual([
      ['credit_note', '2027-02-12', '100.00', 'Damaged tile'],
      ['refund', '2027-02-22', '50.00', ''],
      ['write_off', '2027-02-25', '50.00', 'Goodwill gesture'],
    ]);
  });

  it('exports aging as of a date and one customer’s timeline', async () => {
    const ledger = await handWorkedLedger();
    const { ana } = ledger;
    const aging = await exportedCsv(ledger, { kind: 'aging', asOf: '2027-02-28' });
    expect(aging.fileName).toBe('Goodwill aging 2027-02-28.csv');
    const rows = csvRows(aging).rows;
    expect(
      rows.find((row) => row.customer_id === String(ana.id) && row.currency === 'GBP'),
    ).toMatchObject({
      days_1_30: '1100.00',
      total: '1100.00',
      customer_name: `'=HYPERLINK("http://evil.example","Ana")`,
    });

    const timeline = await exportedCsv(ledger, {
      kind: 'timeline',
      customerId: ana.id,
    });
    const events = csvRows(timeline).rows;
    expect(events.length).toBeGreaterThan(5);
    expect(new Set(events.map((row) => row.customer_id))).toEqual(new Set([String(ana.id)]));
    expect(events.map((row) => row.kind)).toContain('customer.created');
  });

  it('refuses bad input by field and writes nothing', async () => {
    const { call, fingerprint } = await handWorkedLedger();
    const before = fingerprint();
    const refusals: [MethodName, unknown, string, string][] = [
      ['exports.csv', { kind: 'secrets' }, 'invalid_input', 'kind'],
      ['exports.csv', { kind: 'invoices', customerId: 999 }, 'not_found', 'customerId'],
      ['exports.csv', { kind: 'invoices', asOf: '2027-02-28' }, 'invalid_input', 'asOf'],
      ['exports.csv', { kind: 'aging', asOf: '2027-02-30' }, 'invalid_input', 'asOf'],
      [
        'statements.pdf',
        { customerId: 999, from: '2027-02-01', to: '2027-02-28' },
        'not_found',
        'customerId',
      ],
      [
        'statements.pdf',
        { customerId: 1, from: '2027-03-01', to: '2027-02-01' },
        'invalid_input',
        'from',
      ],
      ['statements.pdf', { customerId: 1, from: '2027-02-01' }, 'invalid_input', 'to'],
    ];
    for (const [method, input, code, field] of refusals) {
      const result = await call(method, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code, field });
    }
    expect(fingerprint()).toBe(before);
  });

  it('leaves nothing in the data folder but a file waiting for its download', async () => {
    const ledger = await handWorkedLedger();
    const folder = join(ledger.app.databaseFile, '..', 'exports');
    const waiting = await ledger.ok<CsvExportResult>('exports.csv', { kind: 'payments' });
    expect(waiting).toMatchObject({
      via: 'download',
      fileName: 'Goodwill payments 2027-03-15.csv',
    });
    expect(await readdir(folder)).toHaveLength(1);
    await exportedCsv(ledger, { kind: 'customers' });
    expect(await readdir(folder)).toHaveLength(1);
    // An app that stops drops what was never fetched.
    await ledger.app.close();
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('exports.csv in the desktop app', () => {
  it('asks where to save first, then writes the same file there', async () => {
    const chosen = await tempDir();
    const asked: string[] = [];
    const desktop = await handWorkedLedger({
      saveFileAs: (fileName) => {
        asked.push(fileName);
        return Promise.resolve(join(chosen, `mine ${fileName}`));
      },
    });
    const saved = await desktop.ok<CsvExportResult>('exports.csv', { kind: 'invoices' });
    expect(asked).toEqual(['Goodwill invoices 2027-03-15.csv']);
    const path = join(chosen, 'mine Goodwill invoices 2027-03-15.csv');
    expect(saved).toEqual({
      via: 'saved',
      fileName: 'mine Goodwill invoices 2027-03-15.csv',
      path,
    });
    const headless = await handWorkedLedger();
    const downloaded = await exportedCsv(headless, { kind: 'invoices' });
    expect((await readFile(path)).equals(downloaded.bytes)).toBe(true);
    expect(await readdir(join(desktop.app.databaseFile, '..', 'exports'))).toEqual([]);
  });

  it('writes nothing when the save is cancelled, or the input is wrong', async () => {
    let asked = 0;
    const desktop = await handWorkedLedger({
      saveFileAs: () => {
        asked += 1;
        return Promise.resolve(null);
      },
    });
    expect(await desktop.ok('exports.csv', { kind: 'customers' })).toEqual({ via: 'cancelled' });
    expect(asked).toBe(1);
    const wrong = await desktop.call('exports.csv', { kind: 'invoices', customerId: 999 });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not_found', field: 'customerId' } });
    // Refused before the dialog opened.
    expect(asked).toBe(1);
    // Not even the exports folder was made.
    await expect(readdir(join(desktop.app.databaseFile, '..', 'exports'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('exports.csv in the desktop app, saving where it cannot', () => {
  it('says so, with the place, and leaves nothing behind', async () => {
    const nowhere = join(await tempDir(), 'no such folder', 'x.csv');
    const desktop = await handWorkedLedger({ saveFileAs: () => Promise.resolve(nowhere) });
    const result = await desktop.call('exports.csv', { kind: 'customers' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toContain(nowhere);
    expect(await readdir(join(desktop.app.databaseFile, '..', 'exports'))).toEqual([]);
  });
});

describe('exports.csv in the desktop app, saving into its own exports folder', () => {
  it('is refused, as that folder is cleared out, and nothing is written', async () => {
    let folder = '';
    const desktop = await handWorkedLedger({
      saveFileAs: (fileName) => Promise.resolve(join(folder, fileName)),
    });
    folder = join(desktop.app.databaseFile, '..', 'exports');
    const result = await desktop.call('exports.csv', { kind: 'customers' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toMatch(/own folder for exports/);
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe("csvText (the dossier's files)", () => {
  it('reads only what is committed, waiting for a transaction under way on the connection', async () => {
    const ledger = await handWorkedLedger();
    const { db } = ledger.app.connection;
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const rolledBack = db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('customers')
          .values({
            name: 'Ghost Ltd (never committed)',
            kind: 'company',
            created_at: '2027-03-15T09:00:00.000Z',
            updated_at: '2027-03-15T09:00:00.000Z',
          })
          .execute();
        inside();
        await held;
        throw new Error('rolled back');
      })
      .catch(() => 'rolled back');
    await started;
    const text = ledger.app.services.exports.csvText('customers', {});
    letGo();
    expect(await rolledBack).toBe('rolled back');
    expect(await text).toContain('Bob Okafor');
    expect(await text).not.toContain('Ghost Ltd');
  });
});

describe('statements.pdf', () => {
  it('prints the hand-worked figures: opening, every movement, closing and aging, per currency', async () => {
    const { app, ok, ana } = await handWorkedLedger();
    const period = { customerId: ana.id, from: '2027-02-01', to: '2027-02-28' };
    const sections = await app.services.exports.statement(period);
    expect(sections.map((s) => s.currency)).toEqual(['EUR', 'GBP']);
    const gbp = sections[1]!;
    expect(gbp).toMatchObject({
      opening: 30000,
      invoiced: 120000,
      paid: 65000,
      credited: 10000,
      writtenOff: 5000,
      refunded: 5000,
      closing: 75000,
      unapplied: 35000,
      aging: { current: 0, d1_30: 110000, d31_60: 0, d61_90: 0, d90_plus: 0, total: 110000 },
    });
    expect(gbp.lines.map((line) => [line.date, line.kind, line.balance])).toEqual([
      ['2027-02-03', 'invoice', 150000],
      ['2027-02-10', 'payment', 125000],
      ['2027-02-12', 'credit_note', 115000],
      ['2027-02-20', 'payment', 75000],
      ['2027-02-22', 'refund', 80000],
      ['2027-02-25', 'write_off', 75000],
    ]);
    expect(sections[0]).toMatchObject({ opening: 0, closing: 8000, aging: { current: 8000 } });

    const file = await ok<DocumentFile>('statements.pdf', period);
    expect(file.fileName).toBe('Statement 2027-02-28 - =HYPERLINK(-http-evil.example-,-Ana-).pdf');
    const text = (await pdfPages(Buffer.from(file.contentBase64, 'base64')))
      .join('\n')
      .replace(/[ \t]+/g, ' ');
    expect(text).toContain('Statement of account');
    expect(text).toContain('1 February 2027 to 28 February 2027');
    expect(text).toMatch(/Opening balance £300\.00/);
    expect(text).toMatch(/Invoice INV-\d+, due 17 February 2027 £1,200\.00 £1,500\.00/);
    expect(text).toMatch(/Payment received · BACS 991 £250\.00 £1,250\.00/);
    expect(text).toMatch(/Credit note · INV-\d+ · Damaged tile £100\.00 £1,150\.00/);
    expect(text).toMatch(/Refund · bank transfer £50\.00 £800\.00/);
    expect(text).toMatch(/Closing balance £750\.00/);
    expect(text).toMatch(/£0\.00 £1,100\.00 £0\.00 £0\.00 £0\.00 £1,100\.00/);
    expect(text).toContain('We also hold £350.00 you paid that is not yet matched to an invoice');
    expect(text).toMatch(/Closing balance €80\.00/);
    expect(text).not.toContain('£777.00');
    expect(text).not.toContain('£888.00');
    expect(text).not.toContain('£99.00');
  });
});
