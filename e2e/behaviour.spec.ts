/**
 * Payment behaviour on screen: the Customer screen's "How they pay" (summary, suggestion,
 * figures, chart), the Overdue screen's "Usually pays" column, and credit hold shown where a
 * new invoice for them is made. The ledger is made through the API; the clock is 2027-03-15.
 */
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { CustomerPage } from './pages/CustomerPage';
import { OverduePage } from './pages/OverduePage';

const server = serverForThisFile({ onboarded: true });

async function customerWith(name: string, history: { due: string; paid: string | null }[]) {
  const api = server.current.api.bind(server.current);
  const customer = (await api<{ value: { id: number } }>('customers.create', { name })).body.value;
  for (const [index, item] of history.entries()) {
    const invoice = (
      await api<{ value: { id: number } }>('invoices.create', {
        customerId: customer.id,
        issueDate: '2026-12-01',
        dueDate: item.due,
        currency: 'GBP',
        lines: [{ description: `Job ${index + 1}`, quantity: '1', unitPrice: 10000 }],
      })
    ).body.value;
    if (item.paid) {
      await api('payments.record', {
        customerId: customer.id,
        date: item.paid,
        amount: 10000,
        currency: 'GBP',
        allocations: [{ invoiceId: invoice.id, amount: 10000 }],
      });
    }
  }
  return customer.id;
}

const habits = { late: 0, prompt: 0 };

test.beforeAll(async () => {
  habits.late = await customerWith('Harbour Café Ltd', [
    { due: '2027-01-10', paid: '2027-01-19' },
    { due: '2027-02-01', paid: '2027-02-10' },
    { due: '2027-02-10', paid: '2027-02-19' },
    { due: '2027-03-01', paid: null },
  ]);
  habits.prompt = await customerWith('Quayside Books', [
    { due: '2027-01-10', paid: '2027-01-08' },
    { due: '2027-02-01', paid: '2027-02-01' },
    { due: '2027-02-10', paid: '2027-02-09' },
    { due: '2027-04-01', paid: null },
  ]);
});

test('the Customer screen says how they pay, with a suggestion', async ({ page }) => {
  const app = new AppPage(page);
  const screen = new CustomerPage(page);
  await app.open(server.current, `/customers/${habits.late}`);
  await expect(screen.behaviour()).toContainText('Usually pays about 9 days late.');
  await expect(screen.behaviourFigure('Paid on time')).toHaveText('0%');
  await expect(screen.behaviourFigure('Longest overdue now')).toHaveText('14 days');
  await expect(
    screen.behaviour().getByRole('figure', { name: 'Days late per invoice' }),
  ).toBeVisible();

  await app.open(server.current, `/customers/${habits.prompt}`);
  await expect(screen.behaviour()).toContainText('Always pays on time.');
  await expect(screen.behaviour()).toContainText('Always on time — skip the courtesy reminder');
});

test('Overdue shows how each customer usually pays beside what they owe', async ({ page }) => {
  const app = new AppPage(page);
  const overdue = new OverduePage(page);
  await app.open(server.current, '/overdue');
  await expect(overdue.habit('Harbour Café Ltd')).toHaveText('9 days late');
  await expect(overdue.habit('Quayside Books')).toHaveText('On time');
});

test('credit hold shows where a new invoice for them is made', async ({ page }) => {
  const api = server.current.api.bind(server.current);
  const id = await customerWith('Northwind Joinery', [{ due: '2027-01-10', paid: null }]);
  await api('customers.update', { id, creditHold: { reason: 'Until January is settled' } });

  const app = new AppPage(page);
  await app.open(server.current, `/invoices/new?customer=${id}`);
  const note = page.getByRole('alert').filter({ hasText: 'Their credit is on hold' });
  await expect(note).toContainText('Until January is settled');

  // And on their page, credit hold is no longer suggested: it is on.
  await app.open(server.current, `/customers/${id}`);
  const screen = new CustomerPage(page);
  await expect(screen.behaviour()).toContainText('No invoices paid yet.');
  await expect(screen.behaviour()).not.toContainText('hold credit');
});

test('expected cash: a bar for each week, and a bar opens the rows behind it', async ({ page }) => {
  // Cormorant Ltd usually pays 9 days late: an invoice due 10 March is expected on the 19th,
  // in the week of 15 March; one due 1 January, with that lateness, is late already.
  const id = await customerWith('Cormorant Ltd', [
    { due: '2027-01-10', paid: '2027-01-19' },
    { due: '2027-03-10', paid: null },
    { due: '2027-01-01', paid: null },
  ]);
  const app = new AppPage(page);
  const overdue = new OverduePage(page);
  await app.open(server.current, '/overdue');
  await overdue.showExpectedCash();
  const week = overdue.cashBar('GBP', 'Week of 15 Mar 2027');
  await expect(week).toHaveAccessibleName(/£\d[\d,]*\.\d\d from \d+ items?$/);
  await week.click();
  const row = overdue.cashRows().filter({ hasText: 'Cormorant Ltd' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('19 Mar 2027');
  await expect(row).toContainText('usually 9 days late');
  await expect(row).toContainText('£100.00');
  await page.keyboard.press('Escape');
  await overdue.cashBar('GBP', 'Late already').click();
  await expect(overdue.cashRows().filter({ hasText: 'Cormorant Ltd' })).toContainText(
    '10 Jan 2027',
  );
  expect(id).toBeGreaterThan(0);

  // Over time: days outstanding (countback) and the overdue share, today last.
  await page.keyboard.press('Escape');
  await page.getByText('Over time', { exact: true }).click();
  const gbp = page.getByRole('region', { name: 'Over time in GBP' });
  await expect(gbp).toContainText(/GBP: \d+ days outstanding, \d+% overdue today/);
  // Each chart names its months, ending with today (the clock's 15 March 2027).
  for (const chart of await gbp.locator('.recharts-wrapper').all()) {
    for (const tick of ['Mar', 'Feb', 'Today']) await expect(chart).toContainText(tick);
  }
});
