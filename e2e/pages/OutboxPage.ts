import { expect, type Locator, type Page } from '@playwright/test';
import { escapeRegExp } from './FormFields';

/** The Outbox: messages grouped by where they stand, each with the owner's choices. */
export class OutboxPage {
  readonly heading: Locator;
  readonly dialog: Locator;
  /** The calm line saying what the last action did. */
  readonly confirmation: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Outbox' });
    this.dialog = page.getByRole('dialog');
    this.confirmation = page.getByRole('status', { name: 'Done' });
  }

  /** "Needs you", "On its way", "Sent", "Cancelled". */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** A customer's message, anywhere on the screen or in one section. */
  message(customer: string, section?: string): Locator {
    const within = section ? this.section(section) : this.page.locator('main');
    return within.getByRole('listitem', { name: new RegExp(`^${escapeRegExp(customer)}: `) });
  }

  button(customer: string, name: string): Locator {
    return this.message(customer).getByRole('button', { name, exact: true });
  }

  async sendNow() {
    await this.page.getByRole('button', { name: 'Send now' }).click();
    await expect(this.confirmation).toContainText('Send now');
  }

  async readMessage(customer: string): Promise<Locator> {
    await this.button(customer, 'Read message').click();
    return this.message(customer).getByLabel('Message text');
  }
}
