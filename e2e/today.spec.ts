import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { TodayPage } from './pages/TodayPage';

// The clock is pinned to Monday 15 March 2027, 09:00 in London (fixtures): inside the sample
// business's contact window (Mon–Fri 08:00–20:00), so steps are ready, not waiting.
const server = serverForThisFile({ onboarded: true });

/** A customer with one invoice of £120.00 due on `due`. */
async function owing(
  name: string,
  number: string,
  due: string,
  details: Record<string, string> = {},
): Promise<number> {
  const customer = await server.current.api<{ value: { id: number } }>('customers.create', {
    name,
    ...details,
  });
  const id = customer.body.value.id;
  const invoice = await server.current.api('invoices.create', {
    customerId: id,
    number,
    issueDate: due,
    dueDate: due,
    currency: 'GBP',
    lines: [{ description: 'Plumbing', quantity: '1', unitPrice: 12000 }],
  });
  expect(invoice.status, JSON.stringify(invoice.body)).toBe(200);
  return id;
}

// Seeded by the first test that needs it, so the empty day can be seen before.
let seeded: Promise<void> | undefined;
function seed() {
  seeded ??= (async () => {
    await owing('Harbour Café', 'HC-14', '2027-03-01'); // 14 days: check-in
    await owing('Castle Dental', 'CD-7', '2027-03-08'); // 7 days: reminder
    await owing('Bay Garage', 'BG-30', '2027-02-13'); // 30 days: firm reminder
    await owing('Old Mill Bakery', 'OM-45', '2027-01-29'); // 45 days: a call
    await owing('Pier Kiosk', 'PK-45', '2027-01-29'); // 45 days: a call
    await owing('Lighthouse Inn', 'LI-95', '2026-12-10'); // 95 days: the agency decision
    // 20:00 in Sydney already: outside their contact window until Tuesday morning there.
    await owing('Bondi Surf', 'BS-14', '2027-03-01', { timeZone: 'Australia/Sydney' });
    const quay = await owing('Quay Stores', 'QS-20', '2027-02-23');
    const disputed = await server.current.api('disputes.open', {
      customerId: quay,
      reason: 'They say the boiler was not fixed',
    });
    expect(disputed.status).toBe(200);
    const sail = await owing('Sail Loft', 'SL-33', '2027-02-10');
    const promised = await server.current.api('promises.create', {
      customerId: sail,
      date: '2027-03-15',
      amount: 12000,
      currency: 'GBP',
      channel: 'email',
    });
    expect(promised.status).toBe(200);
  })();
  return seeded;
}

test('an empty day says what the screen is for', async ({ page }) => {
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  await expect(today.heading).toBeVisible();
  await expect(page.getByText(/^Monday,? 15 March 2027$/)).toBeVisible();
  await expect(page.getByText('Nothing to do today')).toBeVisible();
  await expect(
    page.getByText(/Goodwill proposes reminders when invoices fall overdue/),
  ).toBeVisible();
});

test('each step shows under what to do with it, with its reasons', async ({ page }) => {
  await seed();
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  await expect(page.getByText(/^Monday,? 15 March 2027 · 7 things to look at$/)).toBeVisible();

  const harbour = today.row('Harbour Café', 'To send');
  await expect(harbour).toContainText('check-in (+14)');
  await expect(harbour).toContainText('Invoice HC-14 is 14 days overdue.');
  await expect(harbour).toContainText('£120.00');
  await expect(harbour.getByRole('button', { name: 'Approve' })).toBeVisible();
  await expect(today.row('Castle Dental', 'To send')).toContainText('reminder (+7)');

  const mill = today.row('Old Mill Bakery', 'To call');
  await expect(mill).toContainText('phone call (+45)');
  await expect(mill).toContainText('Invoice OM-45 is 45 days overdue.');
  await expect(mill.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(mill.getByRole('button', { name: 'Log outcome' })).toBeVisible();

  const sail = today.row('Sail Loft', 'Promises falling due');
  await expect(sail).toContainText('£120.00 was promised by 15 March 2027');
  await expect(sail.getByRole('button', { name: 'Noted' })).toBeVisible();
  await expect(today.row('Lighthouse Inn', 'Decisions')).toContainText('agency decision (+90)');

  const quay = today.row('Quay Stores', 'Waiting and paused');
  await expect(quay).toContainText('Blocked');
  await expect(quay).toContainText('Invoice QS-20 is left out: it is disputed.');
  await expect(quay.getByRole('button')).toHaveCount(0);
  await expect(today.row('Quay Stores', 'To send')).toHaveCount(0);
  const bondi = today.row('Bondi Surf', 'Waiting and paused');
  await expect(bondi).toContainText('check-in (+14)');
  await expect(bondi).toContainText('Waiting until 15 Mar 2027, 21:00');

  // The customer's name leads to their screen.
  await harbour.getByRole('link', { name: 'Harbour Café' }).click();
  await expect(app.screenHeading('Harbour Café')).toBeVisible();
});

test('an approved step leaves the list and does not come back', async ({ page }) => {
  await seed();
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  await today.approve('Harbour Café');
  await expect(today.confirmation).toContainText('Harbour Café · Approved');
  await expect(today.row('Harbour Café')).toHaveCount(0);
  await page.reload();
  await app.ready();
  await expect(today.row('Castle Dental')).toBeVisible();
  await expect(today.row('Harbour Café')).toHaveCount(0);

  // A decision is noted, not sent.
  await today.approve('Lighthouse Inn', 'Noted');
  await expect(today.confirmation).toContainText('Lighthouse Inn · Noted.');
  await expect(today.section('Decisions')).toContainText('Nothing to decide today.');
});

test('skipping a step asks why, then takes it off the list', async ({ page }) => {
  await seed();
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  await today.skip('Bay Garage', '');
  await today.fields.expectError('Why skip it?', 'Please say why this step is skipped.');
  await today.fields.fill('Why skip it?', 'They rang: paying on Friday');
  await today.dialog.getByRole('button', { name: 'Skip this step' }).click();
  await expect(today.dialog).toBeHidden();
  await expect(today.confirmation).toContainText('Skipped: They rang: paying on Friday');
  await expect(today.row('Bay Garage')).toHaveCount(0);
  await page.reload();
  await app.ready();
  await expect(today.row('Castle Dental')).toBeVisible();
  await expect(today.row('Bay Garage')).toHaveCount(0);
});

test('a call is logged with its outcome; a promise made on it pauses chasing', async ({ page }) => {
  await seed();
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');

  await today.logCall('Pier Kiosk', 'No answer');
  await today.fields.fill('Note', 'Rang the shop at nine');
  await today.confirmCall();
  await expect(today.confirmation).toContainText('Pier Kiosk · Call logged.');
  await expect(today.row('Pier Kiosk')).toHaveCount(0);

  await today.logCall('Old Mill Bakery', 'They promised to pay');
  await expect(today.fields.field('Amount (GBP)')).toHaveValue('120.00');
  await today.fields.fill('Promised by', '2027-03-01');
  await today.confirmCall();
  await expect(today.dialog.getByText(/A promise is to pay today or later/)).toBeVisible();
  await today.fields.fill('Promised by', '2027-03-19');
  await today.fields.fill('Amount (GBP)', '80');
  await today.confirmCall();
  await expect(today.confirmation).toContainText('Old Mill Bakery · Call logged.');
  await expect(today.row('Old Mill Bakery', 'To call')).toHaveCount(0);
  // The promise holds chasing back, and the quiet section says so.
  await expect(today.row('Old Mill Bakery', 'Waiting and paused')).toContainText(
    'Blocked: promise to pay £80.00 by 19 March 2027',
  );
});

test('the keys move between rows and act on the one in focus', async ({ page }) => {
  await seed();
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  await expect(page.getByLabel('Keyboard shortcuts')).toContainText('A approve');

  const castle = today.row('Castle Dental', 'To send');
  await castle.focus();
  await page.keyboard.press('j');
  const next = page.locator(':focus');
  await expect(next).toHaveAttribute('aria-label', /^(?!Castle Dental)/);
  await page.keyboard.press('k');
  await expect(castle).toBeFocused();

  // Snooze opens a dialog that keeps the focus and closes on Escape, back to the row.
  await page.keyboard.press('z');
  await expect(today.dialog).toBeVisible();
  await expect(today.fields.field('Snooze until')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(today.dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(today.dialog).toBeHidden();
  await expect(castle).toBeFocused();

  await page.keyboard.press('a');
  await expect(today.confirmation).toContainText('Castle Dental · Approved');
  await expect(today.row('Castle Dental')).toHaveCount(0);
  // The focus stays in the list, on the row that took its place.
  await expect(page.locator('[data-queue-row]:focus')).toHaveCount(1);
});

test('a snoozed step waits in the quiet section until its day', async ({ page }) => {
  await seed();
  const app = new AppPage(page);
  const today = new TodayPage(page);
  await app.open(server.current, '/today');
  await today.snooze('Sail Loft', 'In a week');
  await expect(today.confirmation).toContainText('Sail Loft · Snoozed until 22 March 2027.');
  await expect(today.row('Sail Loft', 'Promises falling due')).toHaveCount(0);
  await expect(today.row('Sail Loft', 'Waiting and paused').first()).toBeVisible();
  await expect(
    today.section('Waiting and paused').getByText('Snoozed until 22 Mar 2027'),
  ).toBeVisible();
});
