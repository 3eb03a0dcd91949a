import { expect, type Locator, type Page } from '@playwright/test';
import { FormFields } from './FormFields';

/** Recording money received, and where it goes. */
export class PaymentPage {
  readonly fields: FormFields;
  readonly heading: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.fields = new FormFields(page);
    this.heading = page.getByRole('heading', { level: 1, name: 'Record a payment' });
    this.preview = page.getByRole('table', { name: 'Where the payment goes' });
  }

  amount() {
    return this.page.getByLabel('Amount', { exact: false }).first();
  }

  async fill(payment: { amount: string; date?: string; method?: string; reference?: string }) {
    await this.amount().fill(payment.amount);
    if (payment.date) await this.fields.fill('Received on', payment.date);
    if (payment.method) await this.fields.fill('How it was paid', payment.method);
    if (payment.reference) await this.fields.fill('Reference', payment.reference);
  }

  /** The preview's row for an invoice: number, open, gets. */
  previewRow(invoiceNumber: string): Locator {
    return this.preview.getByRole('row').filter({ hasText: invoiceNumber });
  }

  async chooseByHand() {
    await this.page.getByText('Choose by hand', { exact: true }).click();
    await expect(this.page.getByRole('table', { name: 'Amounts by invoice' })).toBeVisible();
  }

  handAmount(invoiceNumber: string): Locator {
    return this.page.getByLabel(`Amount for ${invoiceNumber}`, { exact: true });
  }

  async save() {
    await this.page.getByRole('button', { name: 'Record payment' }).click();
  }
}
