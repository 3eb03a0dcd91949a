import { expect, type Locator, type Page } from '@playwright/test';

/** The Mail part of Settings: the account reminders go out from, its test, its removal. */
export class MailSettingsPage {
  readonly section: Locator;
  /** What the last save, test or removal said. */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Mail', exact: true });
    this.status = this.section.getByRole('status', { name: 'Mail account' });
  }

  field(label: string): Locator {
    return this.section.getByLabel(label, { exact: false }).first();
  }

  /** The message shown under a field, once it is marked invalid. */
  async expectError(label: string, message: string | RegExp) {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true');
    await expect(this.section.getByText(message)).toBeVisible();
  }

  async security(label: 'STARTTLS' | 'TLS' | 'None') {
    const choice = (await this.field('Security').locator('option').allTextContents()).find((text) =>
      text.startsWith(`${label} `),
    );
    if (!choice) throw new Error(`No security choice ${label}`);
    await this.field('Security').selectOption({ label: choice });
  }

  /** Fills in the server part of the form. */
  async fillServer(account: { host: string; port: number; security: 'STARTTLS' | 'TLS' | 'None' }) {
    await this.field('Server name').fill(account.host);
    await this.security(account.security);
    await this.field('Port').fill(String(account.port));
  }

  async save() {
    await this.section.getByRole('button', { name: 'Save mail account' }).click();
  }

  async testConnection() {
    await this.section.getByRole('button', { name: 'Test connection' }).click();
  }

  async removeAccount() {
    await this.section.getByRole('button', { name: 'Remove account' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Remove the mail account?' });
    await dialog.getByRole('button', { name: 'Remove account' }).click();
    await expect(dialog).toBeHidden();
  }
}
