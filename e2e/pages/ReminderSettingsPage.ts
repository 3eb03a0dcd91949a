import { expect, type Locator, type Page } from '@playwright/test';

/** The Reminders part of Settings: the ladder of steps, the limits on contact, their own save. */
export class ReminderSettingsPage {
  readonly section: Locator;
  readonly steps: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Reminders', exact: true });
    this.steps = this.section.getByRole('table', { name: 'Reminder steps' });
    this.status = this.section.getByRole('status');
  }

  /** The days field of a step, by its name in words ("check-in", "firm reminder"). */
  days(step: string): Locator {
    return this.steps.getByLabel(`Days for the ${step}`, { exact: true });
  }

  /** The whole row of a step, to read what it says. */
  row(step: string): Locator {
    return this.steps
      .getByRole('row')
      .filter({ has: this.page.getByLabel(`Days for the ${step}`, { exact: true }) });
  }

  async setDays(step: string, days: number) {
    await this.days(step).fill(String(days));
  }

  async save() {
    await this.section.getByRole('button', { name: 'Save reminders' }).click();
  }

  async resetToDefaults() {
    await this.section.getByRole('button', { name: 'Reset to defaults' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Go back to the default reminders?' });
    await dialog.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(dialog).toBeHidden();
  }
}
