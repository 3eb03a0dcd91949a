/**
 * A customer's statement by email from the Customer screen: the letter read in a dialog with
 * its balances in words, put in the outbox once however hard the button is pressed, with the
 * statement PDF attached, and on the customer's timeline.
 */
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';
import { OutboxPage } from './pages/OutboxPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London; no mail account is set up.
const server = serverForThisFile({ onboarded: true });

async function api<T>(method: string, input: unknown): Promise<T> {
  const reply = await server.current.api<{ value: T }>(method, input);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.value;
}

test('the statement goes from the Customer screen to the outbox, once, with its PDF', async ({
  page,
}) => {
  const { id } = await api<{ id: number }>('customers.create', {
    name: 'Harbour Café',
    kind: 'company',
    email: 'accounts@harbour.example',
  });
  await api('invoices.create', {
    customerId: id,
    number: 'HC-1',
    issueDate: '2027-01-10',
    dueDate: '2027-01-24',
    currency: 'GBP',
    lines: [{ description: 'Plumbing', quantity: '1', unitPrice: 12000 }],
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

  await customer.statementPeriod('2027-02-01', '2027-03-15');
  await customer.emailStatement();
  const dialog = customer.emailStatementDialog();
  await expect(dialog).toContainText(
    'To accounts@harbour.example, with the statement PDF attached.',
  );
  const letter = dialog.getByLabel('Statement email');
  await expect(letter).toContainText('Your statement from Jones Plumbing to 15 March 2027');
  await expect(letter).toContainText(
    'The balance was £120.00 before 1 February 2027 and is £70.00 on 15 March 2027.',
  );
  await expect(letter).toContainText('Of what is open, £70.00 is 31 to 60 days overdue.');
  await expect(dialog).toContainText('Kind and clear');

  // Pressed twice in a hurry: one message.
  await dialog.getByRole('button', { name: 'Put in the outbox' }).dblclick();
  await expect(dialog.getByRole('status', { name: 'Statement queued' })).toContainText(
    'in the outbox as a draft',
  );
  await expect(customer.timeline).toContainText(
    'Statement to 15 March 2027 (£70.00) put in the outbox for accounts@harbour.example.',
  );

  await dialog.getByRole('link', { name: 'Open the outbox' }).click();
  const outbox = new OutboxPage(page);
  await expect(outbox.heading).toBeVisible();
  await expect(outbox.message('Harbour Café')).toHaveCount(1);
  await expect(outbox.message('Harbour Café')).toContainText(
    'Statement 2027-03-15 - Harbour Café.pdf',
  );
  const messages = await api<{ occasion: string }[]>('outbox.list', {});
  expect(messages.map((m) => m.occasion)).toEqual(['statement']);

  // Asked again for the same statement: nothing new is queued.
  await app.open(server.current, `/customers/${id}`);
  await customer.statementPeriod('2027-02-01', '2027-03-15');
  await customer.emailStatement();
  await customer.emailStatementDialog().getByRole('button', { name: 'Put in the outbox' }).click();
  await expect(customer.emailStatementDialog().getByRole('status')).toContainText(
    'already in the outbox',
  );
  expect(await api<unknown[]>('outbox.list', {})).toHaveLength(1);
});

test('a customer without an email address cannot be emailed a statement', async ({ page }) => {
  const { id } = await api<{ id: number }>('customers.create', { name: 'Quay Bakery' });
  const app = new AppPage(page);
  const customer = new CustomerPage(page);
  await app.open(server.current, `/customers/${id}`);
  await expect(customer.heading('Quay Bakery')).toBeVisible();
  await expect(
    customer.statement().getByRole('button', { name: 'Email statement' }),
  ).toBeDisabled();
  await expect(customer.statement()).toContainText('To email it, add their email address first.');
});
