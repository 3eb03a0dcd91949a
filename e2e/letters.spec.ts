import type { Page } from '@playwright/test';
import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { LettersPage } from './pages/LettersPage';
import { TodayPage } from './pages/TodayPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London (fixtures), inside the sample
// business's contact window, so Today's steps are ready.
const server = serverForThisFile({ onboarded: true });

const harsh = 'Failure to pay will result in legal action.';

/** A customer with one invoice of £120.00 due on `due`. */
async function owing(name: string, number: string, due: string, email: string) {
  const customer = await server.current.api<{ value: { id: number } }>('customers.create', {
    name,
    email,
  });
  expect(customer.status, JSON.stringify(customer.body)).toBe(200);
  const invoice = await server.current.api('invoices.create', {
    customerId: customer.body.value.id,
    number,
    issueDate: due,
    dueDate: due,
    currency: 'GBP',
    lines: [{ description: 'Plumbing', quantity: '1', unitPrice: 12000 }],
  });
  expect(invoice.status, JSON.stringify(invoice.body)).toBe(200);
}

/** With GOODWILL_SCREENSHOTS=<folder>, pictures of the screens to look at by eye. */
async function picture(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  const folder = process.env.GOODWILL_SCREENSHOTS;
  if (!folder) return;
  await page.screenshot({ path: `${folder}/${name}.png`, animations: 'disabled', ...options });
}

let seeded: Promise<void> | undefined;
function seed() {
  seeded ??= (async () => {
    await owing('Harbour Café', 'HC-14', '2027-03-01', 'hello@harbourcafe.example'); // 14 days: check-in
    await owing('Castle Dental', 'CD-7', '2027-03-08', 'desk@castledental.example'); // 7 days: reminder
  })();
  return seeded;
}

async function savedTemplate(occasion: string) {
  const reply = await server.current.api<{ value: { body: string; customised: boolean } }>(
    'letters.template',
    { occasion },
  );
  return reply.body.value;
}

test('a harsh phrase is marked as it is typed, and its gentler wording applied and saved', async ({
  page,
}) => {
  const app = new AppPage(page);
  const letters = new LettersPage(page);
  await app.open(server.current, '/letters');
  await expect(app.screenHeading('Letters')).toBeVisible();
  await expect(letters.occasion('Firm reminder')).toContainText('Default');
  await picture(page, 'letters-list', { fullPage: true });
  await letters.open('Firm reminder');

  await letters.typeAtEnd(`\n\n${harsh}`);
  const finding = letters.finding('legal action');
  await expect(finding).toContainText('Threat of legal action or third parties');
  await expect(finding).toContainText('Talks of court or legal action.');
  await expect(finding).toContainText("I'd much rather we settle this between us.");
  await expect(letters.marks().filter({ hasText: /^legal action$/ })).toHaveAttribute(
    'data-severity',
    'high',
  );
  await expect(letters.tone).toContainText('/ 100');
  await expect(letters.tone).toContainText('Reading ease');
  await picture(page, 'letters-editor-finding');

  await finding.getByRole('button', { name: 'Apply' }).click();
  await expect(letters.body).not.toHaveValue(new RegExp('legal action'));
  await expect(letters.body).toHaveValue(/I'd much rather we settle this between us\./);
  // The gap to fill in is selected, ready to type over.
  await page.keyboard.type('the end of the month');
  await expect(letters.body).toHaveValue(/a way forward by the end of the month,/);
  await expect(letters.finding('legal action')).toHaveCount(0);

  await letters.save();
  await expect(letters.status).toContainText('Saved.');
  await expect(page.getByText('Edited · version 1')).toBeVisible();
  await page.reload();
  await app.ready();
  await expect(letters.body).toHaveValue(/a way forward by the end of the month,/);
  expect((await savedTemplate('firm')).body).toContain('by the end of the month,');
  await page.getByRole('link', { name: '← Letters' }).click();
  await expect(letters.occasion('Firm reminder')).toContainText('Edited · version 1');
});

test('an unknown variable is shown on the letter and nothing is saved', async ({ page }) => {
  const app = new AppPage(page);
  const letters = new LettersPage(page);
  await app.open(server.current, '/letters/slipped');
  await expect(letters.heading).toHaveText('"May have slipped through"');
  const before = await savedTemplate('slipped');

  await letters.typeAtEnd('\n\nThanks, {{customer.nmae}}');
  await letters.save();
  await expect(letters.body).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/customer\.nmae/).first()).toBeVisible();
  await expect(letters.status).toContainText('Nothing was saved. Please look at the body.');
  expect(await savedTemplate('slipped')).toEqual(before);

  // A variable from the list goes in at the cursor, and the letter saves.
  await letters.body.fill('Dear ,\n\nThanks.');
  await letters.body.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page
    .getByRole('list', { name: 'Variables' })
    .getByRole('button', { name: /^\{\{customer\.greetingName\}\}/ })
    .click();
  await expect(letters.body).toHaveValue('Dear {{customer.greetingName}},\n\nThanks.');
  await expect(letters.body).not.toHaveAttribute('aria-invalid', 'true');
  await letters.save();
  await expect(letters.status).toContainText('Saved.');

  // Back to Goodwill's wording, the edits kept as versions.
  await letters.resetToDefault();
  await expect(letters.status).toContainText('Back to Goodwill’s wording.');
  await expect(letters.body).toHaveValue(before.body);
  await expect(page.getByText('Default', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
  expect((await savedTemplate('slipped')).customised).toBe(false);
});

test('the preview fills the letter in for a real customer, unsaved edits and all', async ({
  page,
}) => {
  await seed();
  const app = new AppPage(page);
  const letters = new LettersPage(page);
  await app.open(server.current, '/letters/reminder');
  await letters.previewFor('Castle Dental');
  await expect(letters.preview).toContainText('Castle Dental');
  await expect(letters.preview).toContainText('CD-7');
  await expect(page.getByText('About invoice CD-7')).toBeVisible();

  await letters.typeAtEnd('\n\nP.S. {{oldest.number}} is the one.');
  await expect(letters.preview).toContainText('P.S. CD-7 is the one.');
  await letters.previewFor('Harbour Café');
  await expect(letters.preview).toContainText('Harbour Café');
  await expect(letters.preview).toContainText('P.S. HC-14 is the one.');
  await picture(page, 'letters-preview', { fullPage: true });
});

test('Today previews a row’s letter, and asks before sending a harsh one', async ({ page }) => {
  await seed();
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  const castle = today.row('Castle Dental', 'To send');
  await castle.getByRole('button', { name: 'Preview letter' }).click();
  const letter = castle.getByRole('article', { name: 'Letter to Castle Dental' });
  await expect(letter).toContainText('CD-7');
  await expect(letter).toContainText('£120.00');
  await expect(castle.getByRole('group', { name: 'Tone and reading level' })).toBeVisible();
  await expect(castle.getByRole('button', { name: 'Print letter' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    castle.getByRole('button', { name: 'Save as PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/Castle Dental.*\.pdf$/);
  await picture(page, 'today-letter-preview', { fullPage: true });
  await castle.getByRole('button', { name: 'Hide letter' }).click();
  await expect(letter).toHaveCount(0);

  // A check-in with a threat in it waits for "send anyway".
  const saved = await server.current.api('letters.saveTemplate', {
    occasion: 'check_in',
    subject: 'Invoice {{invoiceNumbers}}',
    body: `Dear {{customer.greetingName}},\n\n{{totalOpen}} is still open. ${harsh}\n\n{{business.name}}`,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await today.approve('Harbour Café');
  const dialog = page.getByRole('dialog', { name: 'This letter may read as a threat' });
  await expect(dialog).toContainText('“legal action”');
  await picture(page, 'today-send-anyway');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(today.row('Harbour Café', 'To send')).toBeVisible();
  await today.approve('Harbour Café');
  await dialog.getByRole('button', { name: 'Send anyway' }).click();
  await expect(today.confirmation).toContainText('Harbour Café · Approved');
  await expect(today.row('Harbour Café')).toHaveCount(0);
});
