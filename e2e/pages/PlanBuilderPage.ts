import { expect, type Locator, type Page } from '@playwright/test';
import { FormFields } from './FormFields';

/** Offering a payment plan: the terms, the payments they give, and the agreement beside them. */
export class PlanBuilderPage {
  readonly fields: FormFields;
  readonly heading: Locator;
  readonly payments: Locator;
  readonly agreement: Locator;

  constructor(readonly page: Page) {
    this.fields = new FormFields(page);
    this.heading = page.getByRole('heading', { level: 1, name: 'Offer a payment plan' });
    this.payments = page.getByRole('table', { name: 'Payments' });
    this.agreement = page.getByRole('region', { name: 'The agreement' });
  }

  invoice(number: string): Locator {
    return this.page.getByRole('checkbox', { name: number });
  }

  /** A row of the payments: "Deposit" or the instalment's number. */
  payment(label: string | number): Locator {
    return this.payments
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(label), exact: true }) });
  }

  async often(frequency: 'Weekly' | 'Fortnightly' | 'Monthly') {
    await this.page.getByText(frequency, { exact: true }).click();
  }

  async fill(terms: {
    deposit?: string;
    count?: string;
    firstDue?: string;
    checkInDays?: string;
    graceDays?: string;
    pauseUntil?: string;
  }) {
    if (terms.deposit !== undefined) await this.fields.fill('Deposit', terms.deposit);
    if (terms.count !== undefined) await this.fields.fill('Number of payments', terms.count);
    if (terms.firstDue !== undefined) await this.fields.fill('First payment on', terms.firstDue);
    if (terms.checkInDays !== undefined) {
      await this.fields.fill('Days before each payment', terms.checkInDays);
    }
    if (terms.graceDays !== undefined) {
      await this.fields.fill('Days of grace after a missed payment', terms.graceDays);
    }
    if (terms.pauseUntil !== undefined)
      await this.fields.fill('Ask nothing until', terms.pauseUntil);
  }

  /** A tick box of the form, by its label: "Check in before each payment", "Pause first" … */
  checkbox(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label });
  }

  async downloadAgreement() {
    const downloading = this.page.waitForEvent('download');
    await this.agreement.getByRole('button', { name: 'Download the agreement' }).click();
    return downloading;
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save the plan' }).click();
  }

  async expectPaymentCount(count: number) {
    // One header row, then a row per payment.
    await expect(this.payments.getByRole('row')).toHaveCount(count + 1);
  }
}
