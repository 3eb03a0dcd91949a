/**
 * Import through the screen: a FreshBooks export picked with the file input (sent in pieces,
 * as headless mode must), previewed, imported; its customer is on the Overdue screen; the
 * same file again adds nothing; undo takes it all away.
 */
import { fileURLToPath } from 'node:url';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { ImportPage } from './pages/ImportPage';
import { OverduePage } from './pages/OverduePage';

const server = serverForThisFile({ onboarded: true });
const freshbooks = fileURLToPath(
  new URL('../fixtures/imports/freshbooks/freshbooks_invoices.csv', import.meta.url),
);

test('a FreshBooks export: imported once, never twice, and undone', async ({ page }) => {
  const app = new AppPage(page);
  const importing = new ImportPage(page);
  const overdue = new OverduePage(page);

  await app.open(server.current, '/customers');
  await page.getByRole('button', { name: 'Import from another program' }).click();
  await expect(app.screenHeading('Import')).toBeVisible();

  await importing.pick(freshbooks);
  await expect(importing.source).toContainText(
    'Looks like FreshBooks (invoice details) (100% sure)',
  );
  await expect(importing.figure('customers', 'new')).toHaveText('1 new');
  await expect(importing.figure('invoices', 'new')).toHaveText('1 new');
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText('US$7,890.00');
  await importing.importAll();
  await expect(importing.summary).toContainText('1 new customer, 1 new invoice');

  await importing.summary.getByRole('link', { name: 'See who is overdue' }).click();
  await expect(app.screenHeading('Overdue')).toBeVisible();
  await expect(overdue.row('X-Men')).toHaveCount(1);
  await expect(overdue.row('X-Men')).toContainText('7,890.00');

  // The same file again: everything is already here, nothing is added.
  await app.goTo('Import');
  await importing.pick(freshbooks);
  await expect(importing.figure('invoices', 'new')).toHaveText('0 new');
  await expect(importing.figure('invoices', 'already here')).toHaveText('1 already here');
  await importing.importAll();
  await expect(importing.summary).toContainText('0 new customers, 0 new invoices');
  await app.goTo('Overdue');
  await expect(overdue.row('X-Men')).toHaveCount(1);

  // Undo the first import: the customer and the invoice are gone.
  await app.goTo('Import');
  await expect(importing.earlier.getByRole('row')).toHaveCount(3);
  await importing.undoEarliest();
  await expect(importing.earlier.getByText('Undone')).toHaveCount(1);
  await app.goTo('Overdue');
  await expect(overdue.row('X-Men')).toHaveCount(0);
  await app.goTo('Customers');
  await expect(page.getByRole('button', { name: 'Import from another program' })).toBeVisible();
});
