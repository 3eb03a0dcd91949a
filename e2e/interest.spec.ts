import type { Page } from '@playwright/test';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { LateChargesPage } from './pages/LateChargesPage';
import { LettersPage } from './pages/LettersPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London (fixtures).
const server = serverForThisFile({ onboarded: true });

/** With GOODWILL_SCREENSHOTS=<folder>, pictures of the screens to look at by eye. */
async function picture(page: Page, name: string) {
  const folder = process.env.GOODWILL_SCREENSHOTS;
  if (!folder) return;
  await page.screenshot({ path: `${folder}/${name}.png`, animations: 'disabled', fullPage: true });
}

async function firmLetterFor(page: Page, customer: string) {
  const app = new AppPage(page);
  const letters = new LettersPage(page);
  await app.open(server.current, '/letters');
  await letters.open('Firm reminder');
  await letters.previewFor(customer);
  await expect(letters.preview).toContainText(customer);
  return letters.preview;
}

test('UK statutory interest for a company: workings in the draft letter, waived with a kind note', async ({
  page,
}) => {
  const api = server.current.api.bind(server.current);
  const customer = (
    await api<{ value: { id: number } }>('customers.create', {
      name: 'Quayside Builders Ltd',
      kind: 'company',
      email: 'accounts@quayside.example',
    })
  ).body.value;
  // £2,000.00 due 31 January 2027: interest runs from 1 February, 43 days to 15 March.
  // Bank Rate on 31 Dec 2026 is 3.75% (from 18 Dec 2025) → 11.75% a year.
  // 200,000p × 11.75% × 43 / 365 = 2,768.49p → £27.68; fixed sum (£1,000–£9,999.99) £70.00.
  const invoice = (
    await api<{ value: { id: number; number: string } }>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-01',
      dueDate: '2027-01-31',
      currency: 'GBP',
      lines: [{ description: 'Roof repairs', quantity: '1', unitPrice: 200_000 }],
    })
  ).body.value;

  const app = new AppPage(page);
  const charges = new LateChargesPage(page);
  await app.open(server.current, `/customers/${customer.id}`);
  await expect(charges.card).toContainText('No late charges are in their terms.');

  await charges.chooseLateCharges('UK statutory interest (Late Payment Act 1998)');
  await expect(charges.done()).toContainText('Their terms are saved.');
  const workings = charges.workings(invoice.number);
  await expect(workings).toContainText('Interest 1 Feb 2027 – 15 Mar 2027');
  await expect(workings).toContainText('43');
  await expect(workings).toContainText('11.75%');
  await expect(workings).toContainText('£27.68');
  await expect(workings).toContainText('£70.00');
  await picture(page, 'interest-preview');

  await charges.claimButton().click();
  await expect(charges.done()).toContainText(`Claimed on ${invoice.number}`);
  await expect(charges.waiveButton()).toHaveText('Waive…');

  let letter = await firmLetterFor(page, 'Quayside Builders Ltd');
  await expect(letter).toContainText('late-payment charges of £97.68 have been added');
  await expect(letter).toContainText('Fixed sum');
  await expect(letter).toContainText('11.75%');
  await expect(letter).toContainText('Bank of England base rate of 3.75% on 31 December 2026');
  await picture(page, 'interest-letter');

  // Part of it first: the amount is checked on the field before anything is written.
  await app.open(server.current, `/customers/${customer.id}`);
  await charges.waiveButton().click();
  const dialog = charges.waiveDialog(invoice.number);
  await expect(dialog.getByLabel('Amount to waive')).toHaveValue('97.68');
  await expect(dialog.getByLabel('Left after waiving')).toHaveText(
    'Nothing of this charge would be left to pay.',
  );
  for (const [typed, problem] of [
    ['abc', 'Please enter an amount like 125.50.'],
    ['0', 'Please waive more than nothing.'],
    ['100', 'That is more than the £97.68 left of this charge.'],
  ] as const) {
    await charges.waive(invoice.number, typed);
    await expect(dialog).toContainText(problem);
  }
  await dialog.getByLabel('Amount to waive').fill('20');
  await expect(dialog.getByLabel('Left after waiving')).toHaveText('£77.68 would be left to pay.');
  await dialog.getByRole('button', { name: 'Waive £20.00' }).click();
  await expect(dialog).toBeHidden();
  await expect(charges.done()).toContainText(
    `Waived £20.00 on ${invoice.number}; £77.68 is left. The next letter says so, kindly.`,
  );
  await expect(charges.claims).toContainText('£20.00 waived, £77.68 left to pay');

  letter = await firmLetterFor(page, 'Quayside Builders Ltd');
  await expect(letter).toContainText(
    `As a gesture, we've waived £20.00 of the late-payment interest and charges on invoice ${invoice.number}.`,
  );

  // Then the rest.
  await app.open(server.current, `/customers/${customer.id}`);
  await charges.waiveButton().click();
  await expect(dialog.getByLabel('Amount to waive')).toHaveValue('77.68');
  await dialog.getByRole('button', { name: 'Waive £77.68' }).click();
  await expect(charges.done()).toContainText('The next letter says so, kindly.');
  await expect(charges.claims).toContainText('Waived');

  letter = await firmLetterFor(page, 'Quayside Builders Ltd');
  await expect(letter).toContainText(
    `As a gesture, we've waived the late-payment interest and charges of £97.68 on invoice ${invoice.number}.`,
  );
  await expect(letter).not.toContainText('have been added');
  await picture(page, 'interest-waived-letter');
});

test('statutory interest is not offered for a consumer', async ({ page }) => {
  const api = server.current.api.bind(server.current);
  const customer = (
    await api<{ value: { id: number } }>('customers.create', {
      name: 'Ana Silva',
      kind: 'consumer',
    })
  ).body.value;
  const app = new AppPage(page);
  const charges = new LateChargesPage(page);
  await app.open(server.current, `/customers/${customer.id}`);
  const options = charges.card.getByLabel('Late charges').locator('option');
  await expect(options).toContainText(['Yearly interest, by the day']);
  await expect(options.filter({ hasText: 'statutory' })).toHaveCount(0);
});

test('Settings: the usual terms fill new invoices; a rate over 100% is marked and not saved', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open(server.current, '/settings');
  const terms = page.getByRole('region', { name: 'Terms, fees and interest' });
  await expect(terms.getByLabel('Late charges')).toHaveValue('off');
  await expect(terms.getByRole('table', { name: 'Bank of England base rate' })).toContainText(
    '3.75%',
  );

  await terms.getByLabel('Late charges').selectOption({ label: 'Yearly interest, by the day' });
  await terms.getByLabel('Interest rate (% a year)').fill('101');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(terms.getByText('The interest rate is at most 100% a year.')).toBeVisible();
  await expect(terms.getByLabel('Interest rate (% a year)')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  const stored = await server.current.api<{ value: { late: unknown } }>('terms.get', {});
  expect(stored.body.value.late).toEqual({ kind: 'off' });

  await terms.getByLabel('Late charges').selectOption({ label: 'None' });
  await terms.getByLabel('Days', { exact: true }).fill('14');
  await terms.getByLabel('Early-payment discount (%)').fill('2');
  await terms.getByLabel('If paid within (days)').fill('7');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(terms.getByText('Saved. Your terms are up to date.')).toBeVisible();

  const customer = (
    await server.current.api<{ value: { id: number } }>('customers.create', { name: 'Fern Cafe' })
  ).body.value;
  await app.open(server.current, `/invoices/new?customer=${customer.id}`);
  // Issued on the pinned 15 March 2027, 14 days: due 29 March.
  await expect(page.getByLabel('Due date')).toHaveText('29 Mar 2027');
  await expect(page.getByLabel('Early-payment discount (%)')).toHaveValue('2');
  await expect(page.getByLabel('If paid within (days)')).toHaveValue('7');
});
