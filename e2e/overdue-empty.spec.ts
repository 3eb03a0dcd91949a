/**
 * The Overdue screen on a new ledger: each of its three views says plainly that there is
 * nothing yet, rather than showing an empty chart.
 */
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';

const server = serverForThisFile({ onboarded: true });

test('with nothing owed, each view says so', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(server.current, '/overdue');
  await expect(page.getByText('No customers yet')).toBeVisible();
  await page.getByText('Expected cash', { exact: true }).click();
  await expect(page.getByText('Nothing is expected in the next 13 weeks.')).toBeVisible();
  await page.getByText('Over time', { exact: true }).click();
  await expect(
    page.getByText("Nothing was owed at any month's end in the last year, nor today."),
  ).toBeVisible();
});
