import { expect, serverForThisFile, test } from './fixtures';
import type { HeadlessProcess } from './headless-process';
import { AppPage } from './pages/AppPage';
import { OverduePage } from './pages/OverduePage';

const server = serverForThisFile({ onboarded: true });
const customers = 2000;

const nameOf = (index: number) => `Customer ${String(index).padStart(4, '0')}`;

async function must(server: HeadlessProcess, method: string, input: unknown) {
  const reply = await server.api<{ ok: boolean; value: { id: number } }>(method, input);
  if (!reply.body.ok) throw new Error(`${method}: ${JSON.stringify(reply.body)}`);
  return reply.body.value;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  let next = 1;
  // Eight at a time, as a busy owner's import might.
  const worker = async () => {
    while (next <= customers) {
      const index = next++;
      const customer = await must(server.current, 'customers.create', { name: nameOf(index) });
      await must(server.current, 'invoices.create', {
        customerId: customer.id,
        issueDate: '2027-01-01',
        terms: { kind: 'net', days: index % 120 },
        currency: 'GBP',
        lines: [{ description: 'Work', quantity: '1', unitPrice: 1000 + index }],
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
});

test('thousands of customers: only a window of rows is in the page, and the end is reachable', async ({
  page,
}) => {
  const app = new AppPage(page);
  const overdue = new OverduePage(page);
  await app.open(server.current, '/overdue');
  await expect(page.getByText('2,000 customers owe you')).toBeVisible();
  await expect(overdue.totals('GBP')).toContainText('2,000 customers');

  const inPage = await overdue.rows.count();
  expect(inPage).toBeGreaterThan(5);
  expect(inPage).toBeLessThan(80);

  await overdue.sortBy('Customer');
  await expect(overdue.row(nameOf(1))).toBeVisible();
  await overdue.scrollToEnd();
  await expect(overdue.row(nameOf(customers))).toBeVisible();
  await expect(overdue.row(nameOf(1))).toHaveCount(0);
  expect(await overdue.rows.count()).toBeLessThan(80);

  await overdue.find('customer 1999');
  await expect(page.getByText('Showing 1 of 2,000')).toBeVisible();
  await expect(overdue.row(nameOf(1999))).toBeVisible();
});
