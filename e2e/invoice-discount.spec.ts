import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { InvoiceEditorPage } from './pages/InvoiceEditorPage';
import { InvoicePage } from './pages/InvoicePage';

const server = serverForThisFile({ onboarded: true });

test('an invoice can offer a discount for paying early, stated on the invoice', async ({
  page,
}) => {
  const created = await server.current.api<{ value: { id: number } }>('customers.create', {
    name: 'The Anchor Inn',
  });
  const app = new AppPage(page);
  const editor = new InvoiceEditorPage(page);
  const invoice = new InvoicePage(page);
  await app.open(server.current, `/invoices/new?customer=${created.body.value.id}`);
  await editor.fillLine(1, { description: 'Cellar pump repair', quantity: '1', unitPrice: '144' });
  await editor.fields.fill('Early-payment discount (%)', '2');
  await editor.fields.fill('If paid within (days)', '10');
  await editor.create();

  await expect(invoice.heading('INV-0001')).toBeVisible();
  // Issued on the pinned 15 March 2027: 10 days later is 25 March.
  await expect(page.getByLabel('Early-payment discount')).toHaveText(
    '2% discount if paid within 10 days, by 25 March 2027: £141.12 instead of £144.00.',
  );
  const stored = await server.current.api<{ value: { invoices: { id: number }[] } }>(
    'invoices.list',
    {},
  );
  const full = await server.current.api<{ value: { discount: unknown } }>('invoices.get', {
    id: stored.body.value.invoices[0]!.id,
  });
  expect(full.body.value.discount).toEqual({ percent: '2', withinDays: 10 });
});
