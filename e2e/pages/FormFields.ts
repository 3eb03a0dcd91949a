import { expect, type Locator, type Page } from '@playwright/test';

/** Form fields found by their labels, as a person finds them. */
export class FormFields {
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
      .getByRole('option', { name: new RegExp(`^${escapeRegExp(value)}`) })
      .first()
      .click();
    await expect(input).not.toHaveAttribute('aria-expanded', 'true');
  }

  /** Picks from a short, non-searchable list. */
  async pick(label: string, option: string) {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** The message shown under a field, once it is marked invalid. */
  async expectError(label: string, message: string | RegExp) {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true');
    await expect(this.page.getByText(message)).toBeVisible();
  }
}

export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
