/**
 * Moving from another Goodwill through the screen: the four files of its export chosen
 * together (in a muddled order), previewed as one ledger, imported as one step; the same
 * files again add nothing; undo takes it all away.
 */
import { fileURLToPath } from 'node:url';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { ImportPage } from './pages/ImportPage';

const server = serverForThisFile({ onboarded: true });
const exported = (name: string) =>
  fileURLToPath(new URL(`../fixtures/imports/goodwill/${name}`, import.meta.url));
const files = ['payments.csv', 'customers.csv', 'adjustments.csv', 'invoices.csv'].map(exported);

test("another Goodwill's export: its four files come in together, once", async ({ page }) => {
  const app = new AppPage(page);
  const importing = new ImportPage(page);

  await app.open(server.current, '/import');
  await expect(app.screenHeading('Import')).toBeVisible();
  await importing.pick(files);
  await expect(importing.source).toContainText('Looks like Goodwill export (100% sure)');
  await expect(page.getByText('Read together: customers.csv, invoices.csv')).toBeVisible();
  await expect(importing.figure('customers', 'new')).toHaveText('5 new');
  await expect(importing.figure('invoices', 'new')).toHaveText('8 new');
  await expect(importing.figure('payments', 'new')).toHaveText('7 new');
  await expect(importing.figure('credits and refunds', 'new')).toHaveText('4 new');
  await expect(page.getByRole('button', { name: 'Change columns' })).toHaveCount(0);
  await importing.importAll();
  await expect(importing.summary).toContainText('5 new customers, 8 new invoices');

  await importing.summary.getByRole('button', { name: 'Import another file' }).click();
  await importing.pick(files);
  await expect(importing.figure('invoices', 'already here')).toHaveText('8 already here');
  await expect(importing.figure('payments', 'already here')).toHaveText('7 already here');
  await expect(importing.figure('credits and refunds', 'already here')).toHaveText(
    '4 already here',
  );
  await importing.importAll();
  await expect(importing.summary).toContainText('0 new customers, 0 new invoices');

  await importing.summary.getByRole('button', { name: 'Import another file' }).click();
  await importing.undoEarliest();
  await app.goTo('Customers');
  await expect(page.getByRole('button', { name: 'Import from another program' })).toBeVisible();
});
