import type { Locator, Page } from '@playwright/test';

/** One invoice: lines, totals, state and its actions. */
export class InvoicePage {
  readonly stillToPay: Locator;

  constructor(readonly page: Page) {
    this.stillToPay = page.getByLabel('Still to pay', { exact: true });
  }

  heading(number?: string) {
    return this.page.getByRole('heading', {
      level: 1,
      name: number ? `Invoice ${number}` : /^Invoice /,
    });
  }

  /** Clicks "Download PDF" and returns the file the browser receives. */
  async downloadPdf() {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download PDF' }).click();
    return download;
  }

  /** Clicks "Open to print" and returns the new tab holding the PDF. */
  async openToPrint() {
    const tab = this.page.waitForEvent('popup');
    await this.page.getByRole('button', { name: 'Open to print' }).click();
    return tab;
  }

  /** Opens one of the actions under "More": a credit note, a write-off, voiding. */
  async more(action: string) {
    await this.page.getByRole('button', { name: 'More' }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
    return this.page.getByRole('dialog');
  }

  async openCustomer(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click();
  }
}
