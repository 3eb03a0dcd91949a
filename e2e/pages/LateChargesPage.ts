import type { Locator, Page } from '@playwright/test';

/** The customer's "Terms and late charges" card: their terms, the workings, claims, waivers. */
export class LateChargesPage {
  readonly card: Locator;
  readonly claims: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('region', { name: 'Terms and late charges' });
    this.claims = this.card.getByRole('list', { name: 'Claims' });
  }

  async chooseLateCharges(option: string) {
    await this.card.getByLabel('Late charges').selectOption({ label: option });
    await this.card.getByRole('button', { name: 'Save their terms' }).click();
  }

  workings(invoiceNumber: string): Locator {
    return this.card.getByRole('table', { name: `Workings for ${invoiceNumber}` });
  }

  claimButton(): Locator {
    return this.card.getByRole('button', { name: /^Claim / });
  }

  waiveButton(): Locator {
    return this.claims.getByRole('button', { name: /^Waive/ });
  }

  /** The waiver dialog for a claim on this invoice. */
  waiveDialog(invoiceNumber: string): Locator {
    return this.page.getByRole('dialog', { name: `Waive the charge on ${invoiceNumber}` });
  }

  /** Types an amount to waive and presses the dialog's Waive button. */
  async waive(invoiceNumber: string, amount: string) {
    const dialog = this.waiveDialog(invoiceNumber);
    await dialog.getByLabel('Amount to waive').fill(amount);
    await dialog.getByRole('button', { name: /^Waive/ }).click();
  }

  done(): Locator {
    return this.card.getByRole('status');
  }
}
