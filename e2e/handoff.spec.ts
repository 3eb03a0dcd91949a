/**
 * Exports, statements and the agency handoff through the screens: a statement downloaded from
 * the Customer screen, CSV files from Settings → Your data (downloaded by the browser from a
 * one-time link, nothing left behind), and a +90 customer handed over from
 * the Today queue with the dossier downloaded.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { pdfPages } from '../electron/testing/pdf-text';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';
import { SettingsPage } from './pages/SettingsPage';
import { TodayPage } from './pages/TodayPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London.
const server = serverForThisFile({ onboarded: true });

async function api<T>(method: string, input: unknown): Promise<T> {
  const reply = await server.current.api<{ value: T }>(method, input);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.value;
}

/** A customer with one £120.00 invoice due on `due` (issued the same day). */
async function owing(name: string, number: string, due: string): Promise<number> {
  const { id } = await api<{ id: number }>('customers.create', { name });
  await api('invoices.create', {
    customerId: id,
    number,
    issueDate: due,
    dueDate: due,
    currency: 'GBP',
    lines: [{ description: 'Plumbing', quantity: '1', unitPrice: 12000 }],
  });
  return id;
}

test('a statement for a period downloads from the Customer screen', async ({ page }) => {
  const id = await owing('Harbour Café', 'HC-1', '2027-01-10');
  await api('invoices.create', {
    customerId: id,
    number: 'HC-2',
    issueDate: '2027-02-10',
    dueDate: '2027-02-24',
    currency: 'GBP',
    lines: [{ description: 'Boiler', quantity: '1', unitPrice: 30000 }],
  });
  await api('payments.record', {
    customerId: id,
    date: '2027-02-20',
    amount: 5000,
    currency: 'GBP',
    reference: 'Cheque 17',
  });
  const app = new AppPage(page);
  const customer = new CustomerPage(page);
  await app.open(server.current, `/customers/${id}`);
  await expect(customer.heading('Harbour Café')).toBeVisible();

  await customer.statementPeriod('2027-02-01', '2027-02-28');
  const download = await customer.downloadStatement();
  expect(download.suggestedFilename()).toBe('Statement 2027-02-28 - Harbour Café.pdf');
  const text = (await pdfPages(await readFile(await download.path())))
    .join('\n')
    .replace(/[ \t]+/g, ' ');
  expect(text).toMatch(/Opening balance £120\.00/);
  expect(text).toMatch(/Invoice HC-2, due 24 February 2027 £300\.00 £420\.00/);
  expect(text).toMatch(/Payment received · Cheque 17 £50\.00 £370\.00/);
  expect(text).toMatch(/Closing balance £370\.00/);

  // A period that ends before it starts is refused, kindly, on the card.
  await customer.statementPeriod('2027-03-01', '2027-02-01');
  await customer.askForStatement();
  await expect(customer.statement().getByRole('alert')).toHaveText(
    'The period has to start on or before the day it ends.',
  );
});

test('Settings → Your data downloads customers and invoices as CSV a spreadsheet opens safely', async ({
  page,
}) => {
  await owing('=SUM(1+1)', 'EV-1', '2027-02-01');
  const app = new AppPage(page);
  const settings = new SettingsPage(page);
  await app.open(server.current, '/settings');
  const download = await settings.exportCsv('Customers');
  expect(download.suggestedFilename()).toBe('Goodwill customers 2027-03-15.csv');
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((row) => row.name)).toContain("'=SUM(1+1)");

  // Invoices: one row per line, amounts as plain numbers, the formula-looking name made safe.
  const invoices = await settings.exportCsv('Invoices');
  expect(invoices.suggestedFilename()).toBe('Goodwill invoices 2027-03-15.csv');
  const invoiceBytes = await readFile(await invoices.path());
  expect(invoiceBytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(invoiceBytes.toString('utf8')).toContain('\r\n');
  const invoiceRows = parse(invoiceBytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(invoiceRows.find((row) => row.invoice_number === 'EV-1')).toMatchObject({
    customer_name: "'=SUM(1+1)",
    state: 'open',
    line_number: '1',
    line_description: 'Plumbing',
    invoice_total: '120.00',
    open: '120.00',
  });
  // Nothing is left behind in the data folder once the browser has the files.
  await expect.poll(() => readdir(join(server.current.dataDir, 'exports'))).toEqual([]);
});

test('a +90 customer is handed over from Today: the dossier downloads and chasing stops', async ({
  page,
}) => {
  await owing('Lighthouse Inn', 'LI-95', '2026-12-10'); // 95 days: the agency decision
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  await expect(today.row('Lighthouse Inn', 'Decisions')).toBeVisible();

  const download = await today.handOver('Lighthouse Inn', 'Fair Collect Ltd');
  expect(download.suggestedFilename()).toBe('Agency dossier 2027-03-15 - Lighthouse Inn.zip');
  const { stdout } = await promisify(execFile)('unzip', ['-Z1', await download.path()]);
  expect(stdout.trim().split('\n')).toEqual(
    expect.arrayContaining(['Dossier - Lighthouse Inn.pdf', 'invoices.csv', 'contacts.csv']),
  );
  await expect(today.confirmation).toContainText(
    'Lighthouse Inn · Handed over to Fair Collect Ltd. Chasing has stopped',
  );
  await expect(today.row('Lighthouse Inn')).toHaveCount(0);

  // Opened afresh, the queue still has nothing for them; their timeline says why.
  await app.open(server.current, '/today');
  await expect(today.heading).toBeVisible();
  await expect(today.row('Lighthouse Inn')).toHaveCount(0);
  await page.getByRole('link', { name: 'Customers' }).first().click();
  await page.getByRole('link', { name: 'Lighthouse Inn' }).click();
  await expect(new CustomerPage(page).timeline).toContainText(
    'Handed over to Fair Collect Ltd: chasing has stopped.',
  );
});
