/**
 * A customer handed to a collection agency, seen from their page: the notice says to whom and
 * since when, the reminders say why nothing is chased, and "Take back" (confirmed, with a
 * reason) starts chasing again.
 */
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomerRemindersPage } from './pages/CustomerRemindersPage';
import { CustomersPage } from './pages/CustomersPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London.
const server = serverForThisFile({ onboarded: true });

async function api<T>(method: string, input: unknown): Promise<T> {
  const reply = await server.current.api<{ value: T }>(method, input);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.value;
}

test('handed over: the notice and the reason nothing is chased; taken back: chased again', async ({
  page,
}) => {
  const { id } = await api<{ id: number }>('customers.create', {
    name: 'Lighthouse Inn',
    kind: 'company',
    email: 'owner@lighthouse.example',
  });
  await api('invoices.create', {
    customerId: id,
    number: 'LI-1',
    issueDate: '2027-01-20',
    dueDate: '2027-02-19',
    currency: 'GBP',
    lines: [{ description: 'Boiler repair', quantity: '1', unitPrice: 12000 }],
  });
  const app = new AppPage(page);
  const customer = new CustomerPage(page);
  const reminders = new CustomerRemindersPage(page);
  await app.open(server.current, `/customers/${id}`);
  await expect(customer.heading('Lighthouse Inn')).toBeVisible();
  await expect(reminders.whyNow).toContainText('Next:');
  await expect(customer.handoffNotice()).toHaveCount(0);

  await api('handoffs.create', { customerId: id, agency: 'Fair Collect Ltd' });
  await page.reload();
  await expect(customer.handoffNotice()).toContainText('Handed to Fair Collect Ltd on 15 Mar 2027');
  await expect(reminders.whyNow).toContainText('No step today');
  await expect(reminders.whyNow).toContainText(
    'Handed to Fair Collect Ltd on 15 March 2027: Goodwill does not chase while an agency has it.',
  );

  // The customer list says so too.
  await app.open(server.current, '/customers');
  const customers = new CustomersPage(page);
  await expect(customers.table.getByRole('row', { name: /Lighthouse Inn/ })).toContainText(
    'With an agency',
  );
  await app.open(server.current, `/customers/${id}`);
  await expect(customer.handoffNotice()).toBeVisible();

  // Changing one's mind in the dialog leaves it with the agency.
  await customer.handoffNotice().getByRole('button', { name: 'Take back' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take them back from the agency?' });
  await dialog.getByRole('button', { name: 'Take back and chase again' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Please say why chasing starts again.');
  await dialog.getByRole('button', { name: 'Leave it with the agency' }).click();
  await expect(customer.handoffNotice()).toBeVisible();

  await customer.takeBack('They rang and want to pay us directly');
  await expect(customer.handoffNotice()).toHaveCount(0);
  await expect(reminders.whyNow).toContainText('Next:');
  await expect(reminders.whyNow).not.toContainText('Handed to');
  await expect(customer.timeline).toContainText(
    'Taken back from Fair Collect Ltd: chasing starts again where it stopped (They rang and want to pay us directly).',
  );
});
