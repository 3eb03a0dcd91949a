import type { Locator } from '@playwright/test';
import { FormFields } from './FormFields';

/** The settings fields, as both onboarding and the Settings screen show them. */
export class SettingsFields extends FormFields {
  /** The checkbox behind a day's chip, to read its state. */
  day(name: string): Locator {
    return this.days().getByRole('checkbox', { name });
  }

  /** Clicks a day's chip, as a person would (the checkbox itself is visually hidden). */
  async toggleDay(name: string) {
    await this.days().getByText(name, { exact: true }).click();
  }

  private days(): Locator {
    return this.page.getByRole('group', { name: 'Contact days' });
  }
}
