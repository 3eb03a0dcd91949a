import type { Locator, Page } from '@playwright/test';

/** One customer: balances, invoices, payments and the timeline. */
export class CustomerPage {
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.timeline = page.getByRole('region', { name: 'Timeline' });
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  balance(currency: string): Locator {
    return this.page.getByRole('region', { name: `Balance in ${currency}` });
  }

  async newInvoice() {
    await this.page.getByRole('button', { name: 'New invoice' }).click();
  }

  async recordPayment() {
    await this.page.getByRole('button', { name: 'Record a payment' }).click();
  }
}
