import { readFile } from 'node:fs/promises';
import { pdfPages } from '../electron/testing/pdf-text';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { InvoiceEditorPage } from './pages/InvoiceEditorPage';
import { InvoicePage } from './pages/InvoicePage';
import { OverduePage } from './pages/OverduePage';
import { PaymentPage } from './pages/PaymentPage';

// The clock is pinned to 2027-03-15 (fixtures), so every bucket below is known.
const server = serverForThisFile({ onboarded: true });

test.beforeAll(async () => {
  // A second customer, long overdue, so the totals row is more than one row's figures.
  const customer = await server.current.api<{ value: { id: number } }>('customers.create', {
    name: 'Old Mill Bakery',
  });
  await server.current.api('invoices.create', {
    customerId: customer.body.value.id,
    number: 'OLD-417',
    issueDate: '2026-10-15',
    terms: { kind: 'net', days: 14 },
    currency: 'GBP',
    lines: [{ description: 'Kitchen plumbing', quantity: '1', unitPrice: 50000 }],
  });
});

test('a customer, two invoices and a part payment land in the right buckets', async ({ page }) => {
  const app = new AppPage(page);
  const customers = new CustomersPage(page);
  const customer = new CustomerPage(page);
  const editor = new InvoiceEditorPage(page);
  const invoice = new InvoicePage(page);
  const payment = new PaymentPage(page);
  const overdue = new OverduePage(page);

  await app.open(server.current, '/customers');
  await customers.add({ name: 'Harbour Café Ltd', kind: 'Company', email: 'maya@harbour.example' });
  await expect(customer.heading('Harbour Café Ltd')).toBeVisible();

  // The first invoice, from the customer: due 9 Feb, 34 days late on 15 March.
  await customer.newInvoice();
  await expect(editor.heading).toBeVisible();
  await expect(editor.fields.field('Customer')).toHaveValue('Harbour Café Ltd');
  await editor.fields.fill('Issue date', '2027-01-10');
  await expect(editor.dueDate).toHaveText('9 Feb 2027');
  await editor.fillLine(1, {
    description: 'Boiler service',
    quantity: '1',
    unitPrice: '240.00',
    taxRate: '20',
  });
  await expect(editor.total).toHaveText('£288.00');
  await editor.fillLine(2, {
    description: 'Parts',
    quantity: '2',
    unitPrice: '£17.50',
    taxRate: '20',
  });
  await expect(editor.lineAmount(2)).toHaveText('£35.00');
  await expect(editor.total).toHaveText('£330.00');
  await editor.create();
  await expect(invoice.heading('INV-0001')).toBeVisible();
  await expect(invoice.stillToPay).toHaveText('£330.00');
  const pdf = await invoice.downloadPdf();
  expect(pdf.suggestedFilename()).toMatch(/INV-0001.*\.pdf$/);
  const bytes = await readFile(await pdf.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // Read back as text: the terms in plain words, the total, and how to pay.
  const text = (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ');
  expect(text).toContain('Payment is due within 30 days of the invoice date, by 9 February 2027.');
  expect(text).toMatch(/Total £330\.00/);
  expect(text).toContain('Bank transfer: sort code 12-34-56, account 12345678');
  // In a browser it also opens in a tab of its own, to print.
  const tab = await invoice.openToPrint();
  expect(tab.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await tab.close();

  // The second, from the Invoices screen: not yet due.
  await app.goTo('Invoices');
  await page.getByRole('button', { name: 'New invoice' }).click();
  await editor.fields.choose('Customer', 'Harbour');
  await editor.fields.fill('Issue date', '2027-03-01');
  await editor.fillLine(1, { description: 'Radiator fitting', quantity: '1.5', unitPrice: '80' });
  await expect(editor.total).toHaveText('£120.00');
  await editor.create();
  await expect(invoice.heading('INV-0002')).toBeVisible();

  // A part payment, oldest due first: all of it to INV-0001.
  await invoice.openCustomer('Harbour Café Ltd');
  await customer.recordPayment();
  await expect(payment.heading).toBeVisible();
  await payment.fill({ amount: '100.00', date: '2027-03-14', method: 'Bank transfer' });
  await expect(payment.previewRow('INV-0001')).toContainText('£100.00');
  await expect(payment.previewRow('INV-0002')).toHaveCount(0);
  await payment.save();
  await expect(customer.heading('Harbour Café Ltd')).toBeVisible();
  await expect(customer.balance('GBP')).toContainText('£350.00');
  await page.getByRole('link', { name: 'INV-0001' }).first().click();
  await expect(page.getByRole('region', { name: 'Payments and credits' })).toContainText(
    '£100.00 paid on 14 Mar 2027',
  );
  await page.goBack();

  // Overdue: £120.00 not yet due, £230.00 at 31–60 days, nothing elsewhere.
  await app.goTo('Overdue');
  await expect(overdue.figure('Harbour Café Ltd', 'Not yet due')).toHaveText('£120.00');
  await expect(overdue.figure('Harbour Café Ltd', '31–60 days')).toHaveText('£230.00');
  await expect(overdue.figure('Harbour Café Ltd', 'Total')).toHaveText('£350.00');
  await expect(overdue.row('Harbour Café Ltd').getByRole('button')).toHaveCount(3);
  await expect(overdue.row('Harbour Café Ltd')).toContainText('34 days');
  await expect(overdue.figure('Old Mill Bakery', 'Over 90 days')).toHaveText('£500.00');
  const totals = overdue.totals('GBP');
  await expect(totals).toContainText('2 customers');
  await expect(totals.getByRole('cell')).toHaveText([
    /Total GBP/,
    '£120.00',
    '—',
    '£230.00',
    '—',
    '£500.00',
    '£850.00',
    // Oldest overdue, "Usually pays" and last contact have no total.
    '',
    '',
    '',
  ]);

  // The chart's tooltip, drawn by Recharts, keeps to the page's CSP (the fixture checks).
  await overdue.hoverChart('GBP');

  // Filters: by lateness, by name.
  await overdue.filterLateness('Over 90 days');
  await expect(overdue.row('Old Mill Bakery')).toBeVisible();
  await expect(overdue.row('Harbour Café Ltd')).toHaveCount(0);
  await overdue.clearFilters();
  await overdue.find('harbour');
  await expect(page.getByText('Showing 1 of 2')).toBeVisible();
  await expect(overdue.row('Old Mill Bakery')).toHaveCount(0);
  await overdue.clearFilters();
  await expect(overdue.row('Old Mill Bakery')).toBeVisible();

  // Every figure traces to its invoices.
  await overdue.figure('Harbour Café Ltd', '31–60 days').click();
  const rows = overdue.detailRows('Harbour Café Ltd');
  await expect(rows).toHaveCount(2); // the header and INV-0001
  await expect(rows.nth(1)).toContainText('INV-0001');
  await expect(rows.nth(1)).toContainText('£330.00');
  await expect(rows.nth(1)).toContainText('£230.00');
  await expect(rows.nth(1)).toContainText('34');
  await page.keyboard.press('Escape');
  await expect(overdue.detail('Harbour Café Ltd')).toBeHidden();

  await overdue.figure('Harbour Café Ltd', 'Total').click();
  await expect(overdue.detailRows('Harbour Café Ltd')).toHaveCount(3);
  await page.keyboard.press('Escape');

  // The customer: balance, and every change on the timeline.
  await overdue.row('Harbour Café Ltd').getByRole('link', { name: 'Harbour Café Ltd' }).click();
  await expect(customer.heading('Harbour Café Ltd')).toBeVisible();
  await expect(customer.balance('GBP')).toContainText('£350.00');
  for (const entry of [
    'Harbour Café Ltd was added as a customer.',
    /Invoice INV-0001 for £330\.00/,
    /Invoice INV-0002 for £120\.00/,
    'Payment of £100.00 received: £100.00 to INV-0001.',
  ]) {
    await expect(customer.timeline.getByText(entry)).toBeVisible();
  }
});
