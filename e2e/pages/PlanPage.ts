import type { Locator, Page } from '@playwright/test';
import { FormFields } from './FormFields';

/** One payment plan: its payments, the invoices it covers, its terms and its actions. */
export class PlanPage {
  readonly payments: Locator;
  readonly invoices: Locator;
  readonly terms: Locator;
  /** How the plan runs: the check-in, the grace, the pause. */
  readonly reminders: Locator;
  readonly fields: FormFields;

  constructor(readonly page: Page) {
    this.reminders = page.getByRole('region', { name: 'Reminders' });
    this.fields = new FormFields(page);
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

  /** The plan's state, as its badge says it ("Proposed", "Active", "Called off" …). */
  state(label: string): Locator {
    return this.page.getByRole('main').getByText(label, { exact: true }).first();
  }

  async markAgreed() {
    await this.button('Mark as agreed').click();
  }

  /** Marks the plan as defaulted with what happened, through its dialog. */
  async markDefaulted(what: string) {
    await this.more('Mark as defaulted');
    const dialog = this.page.getByRole('dialog', { name: 'Mark the plan as defaulted' });
    await dialog.getByLabel('What happened').fill(what);
    await dialog.getByRole('button', { name: 'Mark as defaulted' }).click();
  }

  /** Opens "How the plan runs" from the Reminders card. */
  async changeReminders(): Promise<Locator> {
    await this.reminders.getByRole('button', { name: 'Change' }).click();
    return this.page.getByRole('dialog', { name: 'How the plan runs' });
  }
}
