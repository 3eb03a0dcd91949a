import { expect, type Locator, type Page } from '@playwright/test';

/** The settings fields, as both onboarding and the Settings screen show them. */
export class SettingsFields {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: false }).first();
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  /** Picks from a searchable list by typing, then choosing the option that starts with `value`. */
  async choose(label: string, value: string) {
    const input = this.field(label);
    await input.click();
    await input.fill(value);
    await this.page
      .getByRole('option', { name: new RegExp(`^${escape(value)}`) })
      .first()
      .click();
    await expect(input).not.toHaveAttribute('aria-expanded', 'true');
  }

  /** Picks from a short, non-searchable list. */
  async pick(label: string, option: string) {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

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

  /** The message shown under a field, once it is marked invalid. */
  async expectError(label: string, message: string | RegExp) {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true');
    await expect(this.page.getByText(message)).toBeVisible();
  }
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
