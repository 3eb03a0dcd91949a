import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';
import { InvoiceEditorPage } from './pages/InvoiceEditorPage';
import { InvoicePage } from './pages/InvoicePage';
import { PaymentPage } from './pages/PaymentPage';

const server = serverForThisFile({ onboarded: true });
let customerId = 0;
let invoiceId = 0;

test.beforeAll(async () => {
  const customer = await server.current.api<{ value: { id: number } }>('customers.create', {
    name: 'Greenway Lettings',
  });
  customerId = customer.body.value.id;
  const invoice = await server.current.api<{ value: { id: number } }>('invoices.create', {
    customerId,
    issueDate: '2027-02-01',
    terms: { kind: 'net', days: 14 },
    currency: 'GBP',
    lines: [{ description: 'Gas safety certificate', quantity: '1', unitPrice: 10000 }],
  });
  invoiceId = invoice.body.value.id;
});

async function invoiceCount() {
  const reply = await server.current.api<{ value: { total: number } }>('invoices.list', {});
  return reply.body.value.total;
}

test('a quantity that is not a number is marked, and no invoice is made', async ({ page }) => {
  const app = new AppPage(page);
  const editor = new InvoiceEditorPage(page);
  await app.open(server.current, `/invoices/new?customer=${customerId}`);
  await expect(editor.fields.field('Customer')).toHaveValue('Greenway Lettings');
  await editor.fillLine(1, { description: 'Void inspection', quantity: '1.5.5', unitPrice: '60' });
  await editor.fillLine(2, { description: 'Key cutting', quantity: '2', unitPrice: '4.50' });
  // The line that cannot be read is left out of the live total.
  await expect(editor.lineAmount(1)).toHaveText('—');
  await expect(editor.total).toHaveText('£9.00');

  await editor.create();
  await expect(editor.lineField(1, 'quantity')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.lineField(2, 'quantity')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(
    editor.lineField(1, 'quantity').locator('xpath=ancestor::*[@role="group"][1]'),
  ).toContainText('The quantity must be a number like "1.5"');
  await editor.expectNothingSaved();
  expect(await invoiceCount()).toBe(1);

  // A price with more decimals than pounds have is caught before anything is sent.
  await editor.lineField(1, 'quantity').fill('1.5');
  await editor.lineField(2, 'unit price').fill('4.505');
  await editor.create();
  await expect(editor.lineField(2, 'unit price')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('GBP amounts have at most 2 decimals.')).toBeVisible();
  expect(await invoiceCount()).toBe(1);
});

test('a payment given to an invoice beyond what is open is marked, and nothing is saved', async ({
  page,
}) => {
  const app = new AppPage(page);
  const payment = new PaymentPage(page);
  await app.open(server.current, `/customers/${customerId}/payment?invoice=${invoiceId}`);
  await expect(payment.heading).toBeVisible();
  // From an invoice, its open amount is suggested, all of it towards that invoice.
  await expect(payment.amount()).toHaveValue('100.00');
  await expect(payment.handAmount('INV-0001')).toHaveValue('100.00');

  await payment.fill({ amount: '150.00' });
  await payment.handAmount('INV-0001').fill('150.00');
  await payment.save();
  await expect(payment.handAmount('INV-0001')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Only £100.00 is open on invoice INV-0001.')).toBeVisible();
  await expect(payment.heading).toBeVisible();

  const detail = await server.current.api<{
    value: { payments: unknown[]; balances: { open: number }[] };
  }>('customers.get', { id: customerId });
  expect(detail.body.value.payments).toEqual([]);
  expect(detail.body.value.balances[0]?.open).toBe(10000);
});

test('a credit note for more than is open is refused beside its amount', async ({ page }) => {
  const app = new AppPage(page);
  const invoice = new InvoicePage(page);
  await app.open(server.current, `/invoices/${invoiceId}`);
  const dialog = await invoice.more('Credit note');
  await dialog.getByLabel('Amount (GBP)', { exact: false }).fill('500');
  await dialog.getByLabel('Reason', { exact: false }).fill('Goodwill gesture');
  await dialog.getByRole('button', { name: 'Add credit note' }).click();
  await expect(dialog.getByLabel('Amount (GBP)', { exact: false })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(dialog).toContainText('That is more than the £100.00 open on invoice INV-0001.');

  // A smaller one goes through, and the invoice shows what is left.
  await dialog.getByLabel('Amount (GBP)', { exact: false }).fill('25');
  await dialog.getByRole('button', { name: 'Add credit note' }).click();
  await expect(dialog).toBeHidden();
  await expect(invoice.stillToPay).toHaveText('£75.00');
});

test('do not contact needs a reason, then shows on the customer', async ({ page }) => {
  const app = new AppPage(page);
  const customer = new CustomerPage(page);
  await app.open(server.current, `/customers/${customerId}`);
  const dialog = await customer.editDetails();
  await dialog.getByRole('switch', { name: 'Do not contact' }).check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByLabel('Why not contact them', { exact: false })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(dialog).toContainText('Please say why not to contact them.');
  const before = await server.current.api<{ value: { customer: { doNotContact: unknown } } }>(
    'customers.get',
    { id: customerId },
  );
  expect(before.body.value.customer.doNotContact).toBeNull();

  await dialog
    .getByLabel('Why not contact them', { exact: false })
    .fill('Abroad until June; write by post only.');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(customer.flag('Do not contact')).toContainText(
    'Abroad until June; write by post only.',
  );
  await expect(customer.timeline).toContainText(
    'Marked do not contact: Abroad until June; write by post only.',
  );
});
