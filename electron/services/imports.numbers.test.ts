/**
 * Decimal commas through the API: a semicolon-separated file written the European way
 * (`1.234,56`, `1 250,00`, `-12,5`, `12.345.678,90`; synthetic, see fixtures/imports/SOURCES.md)
 * is read as such without being told, and a file whose amounts could be read either way
 * (`1.500` alone) is not imported until the owner says which, with nothing written meanwhile.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/api/imports';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const european = fileURLToPath(
  new URL('../../fixtures/imports/synthetic/european_invoices.synthetic.csv', import.meta.url),
);
const mapping = {
  customer: 'Kunde',
  number: 'Rechnung',
  issueDate: 'Datum',
  dueDate: 'Fällig am',
  currency: 'Währung',
  total: 'Betrag',
  balance: 'Offen',
};

describe('amounts with a decimal comma', () => {
  it('reads a semicolon file written the European way, exactly', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const preview = await ledger.ok<ImportPreview>('import.preview', { path: european, mapping });
    expect(preview.delimiter).toBe(';');
    expect(preview.numberFormat).toBe('comma');
    expect(preview.numberQuestion).toBeNull();
    expect(preview.dateOrder).toBe('dmy');
    // -12,5 is read as minus twelve euros fifty: an invoice below zero, not "not an amount".
    expect(preview.issues).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'Betrag',
        value: '-12,5',
        message: 'Invoice RE-2027-003 comes to less than zero; add it as a credit note instead.',
      }),
    ]);
    // 1.234,56 + 1 250,00 + 12.345.678,90; paid 1.000,00 of the second.
    expect(preview.totals).toEqual([
      {
        currency: 'EUR',
        invoices: 3,
        invoiced: 123456 + 125000 + 1234567890,
        paid: 100000,
        open: 123456 + 25000 + 1234567890,
        payments: 0,
        received: 0,
      },
    ]);
    await ledger.ok('import.commit', { path: european, mapping, skipErrors: true });
    const db = ledger.app.connection.sqlite;
    expect(
      db
        .prepare(
          'SELECT number, total_amount, total_amount - settled_amount AS open FROM invoices ORDER BY number',
        )
        .all(),
    ).toEqual([
      { number: 'RE-2027-001', total_amount: 123456, open: 123456 },
      { number: 'RE-2027-002', total_amount: 125000, open: 25000 },
      { number: 'RE-2027-004', total_amount: 1234567890, open: 1234567890 },
    ]);
    await ledger.app.close();
  });

  it('asks when the amounts could be read either way, and writes nothing until told', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const text =
      'Kunde;Rechnung;Datum;Betrag\r\nAna;A-1;15.01.2027;1.500\r\nBo;A-2;16.01.2027;2.750\r\n';
    const input = {
      text,
      mapping: { customer: 'Kunde', number: 'Rechnung', issueDate: 'Datum', total: 'Betrag' },
      currency: 'EUR',
    };
    const asked = await ledger.ok<ImportPreview>('import.preview', input);
    expect(asked.numberQuestion).toEqual({ examples: ['1.500', '2.750'], mixed: false });
    const untouched = ledger.fingerprint();
    const refused = await ledger.call('import.commit', input);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'numberFormat' },
    });
    expect(ledger.fingerprint()).toBe(untouched);

    const answered = await ledger.ok<ImportPreview>('import.preview', {
      ...input,
      numberFormat: 'comma',
    });
    expect(answered.numberQuestion).toBeNull();
    expect(answered.totals[0]).toMatchObject({ currency: 'EUR', invoiced: 150000 + 275000 });
    // Said the other way, 1.500 is one euro fifty: why it is asked, not guessed.
    const dotted = await ledger.ok<ImportPreview>('import.preview', {
      ...input,
      numberFormat: 'dot',
    });
    expect(dotted.totals[0]).toMatchObject({ currency: 'EUR', invoiced: 150 + 275 });
    await ledger.ok('import.commit', { ...input, numberFormat: 'comma' });
    expect(
      ledger.app.connection.sqlite.prepare('SELECT sum(total_amount) FROM invoices').pluck().get(),
    ).toBe(425000);
    await ledger.app.close();
  });

  it("remembers the owner's answers for the next file laid out the same way, never over the file's own", async () => {
    const ledger = await startLedgerApp(await tempDir());
    const header = 'Kunde;Rechnung;Datum;Betrag\r\n';
    const mapping = { customer: 'Kunde', number: 'Rechnung', issueDate: 'Datum', total: 'Betrag' };
    // Amounts and dates that each read two ways: asked, answered, imported.
    const first = `${header}Ana;A-1;05/01/2027;1.500\r\n`;
    const asked = await ledger.ok<ImportPreview>('import.preview', {
      text: first,
      mapping,
      currency: 'EUR',
    });
    expect(asked.numberQuestion).not.toBeNull();
    expect(asked.question).not.toBeNull();
    expect(asked.answeredBefore).toEqual([]);
    await ledger.ok('import.commit', {
      text: first,
      mapping,
      currency: 'EUR',
      numberFormat: 'comma',
      dateOrder: 'dmy',
    });

    // Next month's file: the same layout, again readable two ways. Not asked again.
    const second = `${header}Bo;A-2;06/02/2027;2.250\r\n`;
    const remembered = await ledger.ok<ImportPreview>('import.preview', {
      text: second,
      currency: 'EUR',
    });
    expect(remembered).toMatchObject({
      mappingRemembered: true,
      numberQuestion: null,
      question: null,
      numberFormat: 'comma',
      dateOrder: 'dmy',
      answeredBefore: ['numberFormat', 'dateOrder'],
    });
    expect(remembered.totals[0]).toMatchObject({ currency: 'EUR', invoiced: 225000 });
    await ledger.ok('import.commit', { text: second, currency: 'EUR' });
    expect(
      ledger.app.connection.sqlite
        .prepare("SELECT issue_date, total_amount FROM invoices WHERE number = 'A-2'")
        .get(),
    ).toEqual({ issue_date: '2027-02-06', total_amount: 225000 });

    // A file of that layout whose own values settle it the other way is read as they say.
    const third = `${header}Cy;A-3;01/31/2027;1,234.50\r\n`;
    const settled = await ledger.ok<ImportPreview>('import.preview', {
      text: third,
      currency: 'EUR',
    });
    expect(settled).toMatchObject({
      numberFormat: 'dot',
      dateOrder: 'mdy',
      answeredBefore: [],
    });
    expect(settled.totals[0]).toMatchObject({ invoiced: 123450 });
    await ledger.app.close();
  });

  it('a remembered decimal point, the way amounts are first read, settles the question too', async () => {
    const ledger = await startLedgerApp(await tempDir());
    const header = 'Client,Invoice,Date,Amount\r\n';
    const mapping = { customer: 'Client', number: 'Invoice', issueDate: 'Date', total: 'Amount' };
    const first = `${header}Ana,B-1,2027-01-05,"1,500"\r\n`;
    await ledger.ok('import.commit', {
      text: first,
      mapping,
      currency: 'USD',
      numberFormat: 'dot',
    });
    const next = await ledger.ok<ImportPreview>('import.preview', {
      text: `${header}Bo,B-2,2027-02-05,"2,250"\r\n`,
      currency: 'USD',
    });
    expect(next).toMatchObject({
      numberQuestion: null,
      numberFormat: 'dot',
      answeredBefore: ['numberFormat'],
    });
    expect(next.totals[0]).toMatchObject({ currency: 'USD', invoiced: 225000 });
    await ledger.app.close();
  });
});
