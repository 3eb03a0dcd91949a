import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';

const server = serverForThisFile({ onboarded: true });

interface Payment {
  id: number;
  unapplied: number;
  refunded: number;
}

test('money paid in advance is kept as credit, then applied or refunded', async ({ page }) => {
  const api = server.current.api.bind(server.current);
  const customer = (
    await api<{ value: { id: number } }>('customers.create', { name: 'Harbour Café Ltd' })
  ).body.value;
  const line = [{ description: 'Boiler service', quantity: '1', unitPrice: 12000 }];
  const invoice = {
    customerId: customer.id,
    issueDate: '2027-03-01',
    dueDate: '2027-03-31',
    currency: 'GBP',
    lines: line,
  };
  await api('invoices.create', invoice);
  // They pay £200.00 against a £120.00 invoice: £80.00 waits as credit.
  const payment = (
    await api<{ value: Payment }>('payments.record', {
      customerId: customer.id,
      date: '2027-03-10',
      amount: 20000,
      currency: 'GBP',
    })
  ).body.value;
  expect(payment.unapplied).toBe(8000);

  const app = new AppPage(page);
  const screen = new CustomerPage(page);
  await app.open(server.current, `/customers/${customer.id}`);
  await expect(screen.payments()).toContainText('£80.00 kept as credit');

  // With nothing open, applying says so kindly and changes nothing.
  await screen.applyCredit();
  await expect(page.getByRole('alert').filter({ hasText: 'no open invoice' })).toBeVisible();

  // A new £50.00 invoice: the credit goes towards it.
  await api('invoices.create', {
    ...invoice,
    issueDate: '2027-03-12',
    lines: [{ description: 'Tap', quantity: '1', unitPrice: 5000 }],
  });
  await page.reload();
  await app.ready();
  await screen.applyCredit();
  await expect(screen.payments()).toContainText('£30.00 kept as credit');

  // The rest is paid back.
  const dialog = await screen.refund();
  await expect(dialog.getByLabel('Amount (GBP)')).toHaveValue('30.00');
  await dialog.getByLabel('Reference').fill('Bank transfer back');
  await dialog.getByRole('button', { name: 'Record refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(screen.payments()).toContainText('£30.00 refunded');
  await expect(screen.timeline).toContainText('£30.00 refunded.');

  const detail = await api<{ value: { payments: Payment[]; balances: unknown[] } }>(
    'customers.get',
    { id: customer.id },
  );
  expect(detail.body.value.payments[0]).toMatchObject({ unapplied: 0, refunded: 3000 });
  expect(detail.body.value.balances).toEqual([]);
});
