import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrintResult } from '../../shared/api/invoices';
import type { MethodName } from '../../shared/api/contract';
import { defaultContactWindow } from '../../shared/settings';
import { createMethodTable, registerApi } from '../api/register';
import { createApp } from '../app';
import { createMemoryLogger } from '../logger';
import { blankBusiness } from '../testing/business';
import { pdfPages } from '../testing/pdf-text';
import { manualClock, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** The API over a new data folder; `printPdf` stands in for Electron's print dialog. */
async function api(printPdf?: (path: string) => Promise<void>) {
  const log = createMemoryLogger();
  const dataDir = await tempDir();
  const app = await createApp({
    dataDir,
    clock: manualClock('2027-03-15T09:00:00Z'),
    mode: printPdf ? 'electron' : 'headless',
    log,
    defaults: blankBusiness,
    ...(printPdf ? { printPdf } : {}),
  });
  const table = createMethodTable();
  registerApi(table, app.services, log);
  const call = async (method: MethodName, input: unknown) => table.get(method)!(input);
  const value = async <T>(method: MethodName, input: unknown) => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  return { app, call, value, dataDir };
}

async function invoiceFor(value: Awaited<ReturnType<typeof api>>['value']) {
  const customer = await value<{ id: number }>('customers.create', { name: 'Zoë Łukasiewicz' });
  return value<{ id: number; number: string }>('invoices.create', {
    customerId: customer.id,
    issueDate: '2027-03-15',
    currency: 'GBP',
    terms: { kind: 'net', days: 14 },
    lines: [{ description: 'Boiler service', quantity: '1', unitPrice: 12_000 }],
  });
}

describe('invoices.pdf', () => {
  it('says so when there is no such invoice', async () => {
    const { app, call } = await api();
    expect(await call('invoices.pdf', { id: 999 })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not_found', field: 'id' }),
    });
    expect(await call('invoices.pdf', { id: 'one' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'id' },
    });
    await app.close();
  });

  it('renders a real invoice from the ledger and the settings', async () => {
    const { app, value } = await api();
    await value('settings.completeOnboarding', {
      businessName: 'Jones Plumbing',
      email: 'accounts@jones.example',
      paymentInstructions: 'Sort code 20-00-00, account 12345678',
      currency: 'EUR',
      locale: 'en-IE',
      timeZone: 'Europe/Dublin',
      contactWindow: defaultContactWindow,
    });
    const customer = await value<{ id: number }>('customers.create', {
      name: 'Zoë Łukasiewicz',
    });
    const invoice = await value<{ id: number; number: string }>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-03-15',
      currency: 'EUR',
      terms: { kind: 'net', days: 14 },
      lines: [{ description: 'Boiler service', quantity: '1', unitPrice: 12_000, taxRate: '23' }],
    });

    const file = await value<{ fileName: string; contentBase64: string }>('invoices.pdf', {
      id: invoice.id,
    });
    expect(file.fileName).toBe(`Invoice ${invoice.number} - Zoë Łukasiewicz.pdf`);
    const pdf = Buffer.from(file.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfPages(pdf)).join('\n');
    for (const part of [
      'Jones Plumbing',
      'Zoë Łukasiewicz',
      invoice.number,
      'Payment is due within 14 days of the invoice date, by 29 March 2027.',
      'Sort code 20-00-00, account 12345678',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Total\s+€147\.60/);
    await app.close();
  });
});

describe('invoices.print', () => {
  it('headless: answers with the invoice to download, as there is no print dialog', async () => {
    const { app, value, call } = await api();
    const invoice = await invoiceFor(value);
    const printed = await value<PrintResult>('invoices.print', { id: invoice.id });
    if (printed.via !== 'download') throw new Error(`printed via ${printed.via}`);
    expect(printed.file.fileName).toBe(`Invoice ${invoice.number} - Zoë Łukasiewicz.pdf`);
    const text = (await pdfPages(Buffer.from(printed.file.contentBase64, 'base64'))).join('\n');
    expect(text).toContain(invoice.number);
    expect(text).toMatch(/Total\s+£120\.00/);
    expect(await call('invoices.print', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
    await app.close();
  });

  it('desktop: hands the print dialog the invoice as a PDF file in the data folder', async () => {
    const sentToPrint: string[] = [];
    const { app, value, call, dataDir } = await api(async (path) => {
      sentToPrint.push(path);
    });
    const invoice = await invoiceFor(value);
    expect(await value<PrintResult>('invoices.print', { id: invoice.id })).toEqual({
      via: 'print_dialog',
    });
    expect(sentToPrint).toEqual([
      join(dataDir, 'printed', `Invoice ${invoice.number} - Zoë Łukasiewicz.pdf`),
    ]);
    const text = (await pdfPages(await readFile(sentToPrint[0]!))).join('\n');
    expect(text).toContain('Zoë Łukasiewicz');
    expect(text).toMatch(/Total\s+£120\.00/);
    // No such invoice: nothing goes to the printer.
    expect(await call('invoices.print', { id: 999 })).toMatchObject({ ok: false });
    expect(sentToPrint).toHaveLength(1);
    await app.close();
  });
});
