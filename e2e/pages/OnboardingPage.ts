import { expect, type Locator, type Page } from '@playwright/test';
import { SettingsFields } from './SettingsFields';

/** The first-run setup: three steps, then the app. */
export class OnboardingPage {
  readonly heading: Locator;
  readonly fields: SettingsFields;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: /set up your business/i });
    this.fields = new SettingsFields(page);
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async finish() {
    await this.page.getByRole('button', { name: 'Start using Goodwill' }).click();
    await expect(this.heading).toBeHidden();
  }

  async fillBusiness(details: { name: string; email: string; phone?: string; address?: string }) {
    await this.fields.fill('Business name', details.name);
    await this.fields.fill('Email', details.email);
    if (details.phone) await this.fields.fill('Phone', details.phone);
    if (details.address) await this.fields.fill('Address', details.address);
  }
}
