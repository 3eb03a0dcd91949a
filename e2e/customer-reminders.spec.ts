import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerRemindersPage } from './pages/CustomerRemindersPage';

const server = serverForThisFile({ onboarded: true });

/**
 * A customer owing £500.00 on an invoice due on 1 March: 14 days overdue on the pinned
 * day (Monday 15 March 2027, 09:00 in London, inside the contact window).
 */
async function customerOwing(name: string) {
  const api = server.current.api.bind(server.current);
  const customer = (
    await api<{ value: { id: number } }>('customers.create', {
      name,
      kind: 'company',
      email: `accounts@${name.split(' ')[0]!.toLowerCase()}.example`,
    })
  ).body.value;
  const invoice = (
    await api<{ value: { id: number; number: string } }>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-15',
      dueDate: '2027-03-01',
      currency: 'GBP',
      lines: [{ description: 'Shelving', quantity: '1', unitPrice: 50000 }],
    })
  ).body.value;
  return { customerId: customer.id, invoice };
}

test('a promise holds reminders back; one in the past is refused on its date', async ({ page }) => {
  const { customerId, invoice } = await customerOwing('Alder & Co');
  const app = new AppPage(page);
  const screen = new CustomerRemindersPage(page);
  await app.open(server.current, `/customers/${customerId}`);
  await expect(screen.whyNow).toContainText('Next: Check-in (+14)');
  await expect(screen.whyNow).toContainText(`Invoice ${invoice.number} is 14 days overdue`);

  const dialog = await screen.recordPromise({ amount: '500.00', date: '2027-03-10' });
  await expect(dialog.getByLabel('Pay by')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText(
    'A promise is to pay today or later; 10 March 2027 has passed.',
  );
  await expect(screen.promises).toContainText('No promises yet');

  await screen.recordPromise({ date: '2027-03-22', channel: 'By email', note: 'Said Friday week' });
  await expect(dialog).toBeHidden();
  const promise = screen.promises.getByRole('listitem').first();
  await expect(promise).toContainText('£500.00 by 22 Mar 2027');
  await expect(promise).toContainText('In time');
  await expect(promise).toContainText('Said Friday week');
  await expect(screen.whyNow).toContainText('Chasing is on hold');
  await expect(screen.whyNow).toContainText('Blocked: promise to pay £500.00 by 22 March 2027');
  await page.screenshot({ path: 'test-results/screens/customer-reminders.png', fullPage: true });

  await promise.getByRole('button', { name: 'Cancel' }).click();
  await expect(promise).toContainText('Cancelled');
  await expect(screen.whyNow).not.toContainText('Blocked');
});

test('a dispute stops chasing until it is rejected; the ladder then resumes', async ({ page }) => {
  const { customerId, invoice } = await customerOwing('Birch Joinery');
  const app = new AppPage(page);
  const screen = new CustomerRemindersPage(page);
  await app.open(server.current, `/customers/${customerId}`);

  await screen.openDispute('Two shelves arrived damaged', [invoice.number]);
  const dispute = screen.disputes.getByRole('listitem').first();
  await expect(dispute).toContainText('Two shelves arrived damaged');
  await expect(dispute).toContainText(`Invoice ${invoice.number}`);
  await expect(dispute).toContainText('Open');
  await expect(screen.whyNow).toContainText('Blocked: every overdue invoice is left out');
  await expect(screen.whyNow).toContainText(
    `Invoice ${invoice.number} is left out: it is disputed`,
  );

  await screen.rejectDispute('Two shelves arrived damaged', 'Photos show them fine on delivery');
  await expect(dispute).toContainText('Not upheld');
  await expect(dispute).toContainText('Photos show them fine on delivery');
  await expect(screen.whyNow).not.toContainText('Blocked');
  await expect(screen.whyNow).toContainText('resumes where it stopped');
});

test('a logged call is listed, and the next reminder waits for the gap', async ({ page }) => {
  const { customerId } = await customerOwing('Cedar Lettings');
  const app = new AppPage(page);
  const screen = new CustomerRemindersPage(page);
  await app.open(server.current, `/customers/${customerId}`);
  await expect(screen.whyNow).toContainText('Ready today');

  await screen.logCall('No answer', 'Rang the office line twice');
  const call = screen.contacts.getByRole('listitem').first();
  await expect(call).toContainText('Call: No answer');
  await expect(call).toContainText('Rang the office line twice');
  await expect(screen.whyNow).toContainText('Waiting');
  await expect(screen.whyNow).toContainText('Last contact today; the minimum gap is 5 days');
});

test('chasing of one invoice can be paused and resumed', async ({ page }) => {
  const { customerId, invoice } = await customerOwing('Damson Deli');
  const app = new AppPage(page);
  const screen = new CustomerRemindersPage(page);
  await app.open(server.current, `/customers/${customerId}`);

  await screen.pauseChasing(invoice.number, '2027-04-01', 'Waiting for their new purchase order');
  await expect(screen.openInvoices).toContainText('Paused until 1 Apr 2027');
  await expect(screen.whyNow).toContainText(
    `Invoice ${invoice.number} is left out: it is paused until 1 April 2027 (Waiting for their new purchase order)`,
  );

  await screen.openInvoices.getByRole('link', { name: invoice.number }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chasing paused until' })).toContainText(
    'Waiting for their new purchase order',
  );
  await page.goBack();

  await screen.resumeChasing(invoice.number);
  await expect(
    screen.openInvoices.getByRole('button', { name: `Pause chasing ${invoice.number}` }),
  ).toBeVisible();
  await expect(screen.whyNow).not.toContainText('left out');
});

test('a customer can have no reminders, or steps of their own', async ({ page }) => {
  const { customerId } = await customerOwing('Elm Surgery');
  const app = new AppPage(page);
  const screen = new CustomerRemindersPage(page);
  await app.open(server.current, `/customers/${customerId}`);

  await screen.chooseReminders('No reminders');
  await screen.saveReminderChoice();
  await expect(screen.whyNow).toContainText('Reminders are off for this customer.');

  await screen.chooseReminders('Steps of their own');
  await screen.ownDays('check-in').fill('3');
  await screen.saveReminderChoice();
  await expect(screen.ownDays('check-in')).toHaveAttribute('aria-invalid', 'true');
  await expect(screen.reminders).toContainText('Days must increase down the ladder');
  await screen.ownDays('check-in').fill('10');
  await screen.saveReminderChoice();
  await expect(screen.whyNow).toContainText('check-in (+10) is due.');
  const stored = await server.current.api<{
    value: { mode: string; ladder: { key: string; days: number }[] };
  }>('reminders.customer', { customerId });
  expect(stored.body.value.mode).toBe('custom');
  expect(stored.body.value.ladder.find((step) => step.key === 'check_in')?.days).toBe(10);
});
