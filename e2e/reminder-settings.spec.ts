import { expect, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { ReminderSettingsPage } from './pages/ReminderSettingsPage';

const server = serverForThisFile({ onboarded: true });

interface Policy {
  value: {
    ladder: { key: string; days: number; channel: string }[];
    guardrails: { minGapDays: number };
    customised: boolean;
  };
}

const policy = async () => (await server.current.api<Policy>('reminders.policy')).body.value;

test('a changed step is saved and still there after a reload', async ({ page }) => {
  const app = new AppPage(page);
  const reminders = new ReminderSettingsPage(page);
  await app.open(server.current, '/settings');
  await expect(reminders.days('check-in')).toHaveValue('14');
  await reminders.setDays('check-in', 21);
  await expect(reminders.row('check-in')).toContainText('21 days after it is due');
  await reminders.row('firm reminder').getByLabel('How the firm reminder is sent').selectOption({
    label: 'Letter and email',
  });
  await reminders.section.getByLabel('Days between contacts').fill('7');
  await reminders.save();
  await expect(reminders.status).toHaveText(/Saved/);

  const saved = await policy();
  expect(saved.customised).toBe(true);
  expect(saved.ladder.find((step) => step.key === 'check_in')?.days).toBe(21);
  expect(saved.ladder.find((step) => step.key === 'firm')?.channel).toBe('letter_email');
  expect(saved.guardrails.minGapDays).toBe(7);

  await page.reload();
  await app.ready();
  await expect(reminders.days('check-in')).toHaveValue('21');
  await expect(reminders.section.getByLabel('Days between contacts')).toHaveValue('7');
  await reminders.section.screenshot({ path: 'test-results/screens/reminder-settings.png' });
});

test('days that do not rise are refused on their row, and nothing is saved', async ({ page }) => {
  const app = new AppPage(page);
  const reminders = new ReminderSettingsPage(page);
  const before = await policy();
  await app.open(server.current, '/settings');
  // The firm reminder before the check-in: the days must rise down the ladder.
  await reminders.setDays('firm reminder', 10);
  await reminders.save();

  await expect(reminders.days('firm reminder')).toHaveAttribute('aria-invalid', 'true');
  await expect(reminders.row('firm reminder')).toContainText(
    'Days must increase down the ladder: the firm reminder (10) must come after the check-in',
  );
  await expect(reminders.days('check-in')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(reminders.status).toHaveText(/Nothing was saved/);
  expect(await policy()).toEqual(before);

  // Putting it right clears the message and saves.
  await reminders.setDays('firm reminder', 35);
  await expect(reminders.days('firm reminder')).not.toHaveAttribute('aria-invalid', 'true');
  await reminders.save();
  await expect(reminders.status).toHaveText(/Saved/);
});

test('reset to defaults brings back the suggested steps and limits', async ({ page }) => {
  const app = new AppPage(page);
  const reminders = new ReminderSettingsPage(page);
  await server.current.api('reminders.updatePolicy', {
    guardrails: { minGapDays: 9, messagesPer7Days: 1, callsPer7Days: 1, promiseGraceDays: 0 },
  });
  await app.open(server.current, '/settings');
  await expect(reminders.section.getByLabel('Days between contacts')).toHaveValue('9');

  await reminders.resetToDefaults();
  await expect(reminders.status).toHaveText(/default reminders/);
  await expect(reminders.days('check-in')).toHaveValue('14');
  await expect(reminders.section.getByLabel('Days between contacts')).toHaveValue('5');
  expect((await policy()).customised).toBe(false);
});
