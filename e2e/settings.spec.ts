import { mkdir } from 'node:fs/promises';
import { expect, sampleBusiness, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { SettingsPage } from './pages/SettingsPage';

const server = serverForThisFile({ onboarded: true });

test('an invalid email shows beside its field, and nothing is saved', async ({ page }) => {
  const app = new AppPage(page);
  const settings = new SettingsPage(page);
  await app.open(server.current, '/settings');
  await settings.fields.fill('Phone', '07700 900 999');
  await settings.fields.fill('Email', 'sam@');
  await settings.save();

  await settings.fields.expectError(
    'Email',
    'Please enter an email address like name@example.com.',
  );
  await settings.expectNothingSaved();
  const stored = await server.current.api<{ value: { email: string; phone: string } }>(
    'settings.get',
  );
  expect(stored.body.value).toMatchObject({
    email: sampleBusiness.email,
    phone: sampleBusiness.phone,
  });

  await page.reload();
  await app.ready();
  await expect(settings.fields.field('Email')).toHaveValue(sampleBusiness.email);
  await expect(settings.fields.field('Phone')).toHaveValue(sampleBusiness.phone);
});

test('a contact window that ends before it starts is refused', async ({ page }) => {
  const app = new AppPage(page);
  const settings = new SettingsPage(page);
  await app.open(server.current, '/settings');
  await settings.fields.fill('From', '19:00');
  await settings.fields.fill('Until', '09:00');
  await settings.save();
  await settings.fields.expectError('Until', 'The window must end after it starts.');
  await settings.expectNothingSaved();
});

test('a change is saved, shown at once, and still there after a reload', async ({ page }) => {
  const app = new AppPage(page);
  const settings = new SettingsPage(page);
  await app.open(server.current, '/settings');
  await settings.fields.fill('Business name', 'Jones & Daughter Plumbing');
  await settings.fields.pick('Language and region', 'English (Australia)');
  await settings.fields.choose('Time zone', 'Australia/Sydney');
  await settings.save();
  await settings.expectSaved();
  await expect(page.getByRole('banner')).toContainText('Jones & Daughter Plumbing');

  await page.reload();
  await app.ready();
  await expect(settings.fields.field('Business name')).toHaveValue('Jones & Daughter Plumbing');
  await expect(settings.fields.field('Language and region')).toHaveValue('English (Australia)');
  await expect(settings.fields.field('Time zone')).toHaveValue('Australia/Sydney');
  const info = await server.current.api<{ value: { today: string } }>('app.info');
  // GOODWILL_NOW is 09:00 UTC on 15 March: already evening that day in Sydney.
  expect(info.body.value.today).toBe('2027-03-15');

  await mkdir('test-results/screens', { recursive: true });
  await page.screenshot({ path: 'test-results/screens/settings.png', fullPage: true });
});

test('every screen of the navigation opens', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(server.current);
  for (const screen of [
    'Overdue',
    'Customers',
    'Invoices',
    'Plans',
    'Outbox',
    'Settings',
    'Today',
  ]) {
    await app.goTo(screen);
    expect(new URL(page.url()).pathname).toBe(`/${screen.toLowerCase()}`);
  }
  await page.goBack();
  await expect(app.screenHeading('Settings')).toBeVisible();
});
