import { expect, type Locator, type Page } from '@playwright/test';
import { SettingsFields } from './SettingsFields';

export class SettingsPage {
  readonly fields: SettingsFields;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.fields = new SettingsFields(page);
    this.status = page.getByRole('status');
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }

  async expectSaved() {
    await expect(this.status).toHaveText(/Saved/);
  }

  async expectNothingSaved() {
    await expect(this.status).toHaveText(/Nothing was saved/);
  }

  /** Settings → Your data: one of the CSV export buttons; resolves with the download. */
  async exportCsv(label: string) {
    const download = this.page.waitForEvent('download');
    await this.page
      .getByRole('group', { name: 'Export as CSV' })
      .getByRole('button', { name: label })
      .click();
    return download;
  }
}
