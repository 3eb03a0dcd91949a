/**
 * A spreadsheet whose amounts could be read two ways (1.500 alone): the screen asks how
 * amounts are written, nothing can be imported until the owner says, and the answer is what
 * the preview and the import use. The choice stays open in the columns step, and the next
 * file laid out the same way is read as answered, saying so, without asking again.
 */
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { ImportPage } from './pages/ImportPage';

const server = serverForThisFile({ onboarded: true });
const sheet = [
  'Customer;Invoice number;Invoice date;Currency;Total',
  'Ana Lopes;A-1;15.01.2027;EUR;1.500',
  'Bo Berg;A-2;16.01.2027;EUR;2.750',
].join('\r\n');

test('amounts that read two ways: asked, answered, imported as answered', async ({ page }) => {
  const app = new AppPage(page);
  const importing = new ImportPage(page);
  await app.open(server.current, '/import');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'rechnungen.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(sheet, 'utf8'),
  });
  const question = page.getByRole('alert').filter({ hasText: 'How are amounts written?' });
  await expect(question).toContainText('Amounts like 1.500, 2.750 can be read two ways');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  await question.getByText('Decimal comma (1.234,56)').click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText('€4,250.00');
  await expect(page.getByLabel('Decimal comma (1.234,56)')).toBeChecked();
  await importing.importAll();
  await expect(importing.summary).toContainText('2 new customers, 2 new invoices');

  // Next month's file from the same program: read as answered, and said so.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('CSV file').setInputFiles({
    name: 'rechnungen-februar.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${sheet.split('\r\n')[0]}\r\nAna Lopes;A-3;15.02.2027;EUR;3.250`),
  });
  await expect(page.getByTestId('import-answered-before')).toHaveText(
    'Amounts read as 1.234,56, as you said last time for files laid out like this. Change columns to read it otherwise.',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'How are amounts written?' })).toHaveCount(
    0,
  );
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText('€3,250.00');
  await importing.importAll();
  await expect(importing.summary).toContainText('1 new invoice');
});
