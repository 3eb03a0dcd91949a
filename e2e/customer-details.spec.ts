import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';
import { FormFields } from './pages/FormFields';

const server = serverForThisFile({ onboarded: true });

interface Stored {
  value: {
    customer: {
      ccEmails: string[];
      tags: string[];
      locale: string | null;
      timeZone: string | null;
    };
  };
}

test('a customer can have copy addresses, their own language and time zone, and tags', async ({
  page,
}) => {
  const created = await server.current.api<{ value: { id: number } }>('customers.create', {
    name: 'Bryn Owen',
    kind: 'sole_trader',
  });
  const id = created.body.value.id;
  const app = new AppPage(page);
  const customer = new CustomerPage(page);
  await app.open(server.current, `/customers/${id}`);

  const dialog = await customer.editDetails();
  const fields = new FormFields(page);
  // A copy address that is not one is refused beside its field, and nothing is saved.
  const copies = dialog.getByLabel('Copies of messages to', { exact: false });
  await copies.fill('accounts-at-owen');
  await copies.press('Enter');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toContainText('Each copy address must be an email address.');
  expect(
    (await server.current.api<Stored>('customers.get', { id })).body.value.customer.ccEmails,
  ).toEqual([]);

  await copies.press('Backspace');
  await copies.fill('accounts@owen.example');
  await copies.press('Enter');
  await fields.pick('Language and region', 'English (Australia)');
  await fields.choose('Their time zone', 'Australia/Perth');
  const tags = dialog.getByLabel('Tags', { exact: false });
  await tags.fill('landlord');
  await tags.press('Enter');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('accounts@owen.example');
  await expect(details).toContainText('English (Australia)');
  await expect(details).toContainText('Australia/Perth');
  await expect(details).toContainText('landlord');
  expect(
    (await server.current.api<Stored>('customers.get', { id })).body.value.customer,
  ).toMatchObject({
    ccEmails: ['accounts@owen.example'],
    tags: ['landlord'],
    locale: 'en-AU',
    timeZone: 'Australia/Perth',
  });
});
