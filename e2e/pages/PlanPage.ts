import type { Locator, Page } from '@playwright/test';

/** One payment plan: its payments, the invoices it covers, its terms and its actions. */
export class PlanPage {
  readonly payments: Locator;
  readonly invoices: Locator;
  readonly terms: Locator;

  constructor(readonly page: Page) {
    this.payments = page.getByRole('table', { name: 'Plan payments' });
    this.invoices = page.getByRole('table', { name: 'Invoices covered' });
    this.terms = page.getByRole('region', { name: 'Terms' });
  }

  heading(customerName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Plan with ${customerName}` });
  }

  payment(label: string | number): Locator {
    return this.payments
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(label), exact: true }) });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Attaches the signed copy through the page's file picker. */
  async attachSigned(file: { name: string; mimeType: string; buffer: Buffer }) {
    const choosing = this.page.waitForEvent('filechooser');
    await this.button('Attach the signed copy').click();
    await (await choosing).setFiles(file);
  }

  /** One of the actions under "More". */
  async more(action: string) {
    await this.button('More').click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  /** Calls the plan off with a reason, through its dialog. */
  async callOff(reason: string) {
    await this.more('Call the plan off');
    const dialog = this.page.getByRole('dialog', { name: 'Call the plan off' });
    await dialog.getByLabel('Why').fill(reason);
    await dialog.getByRole('button', { name: 'Call the plan off' }).click();
  }
}
