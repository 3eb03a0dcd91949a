import { expect, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, FormFields } from './FormFields';

/** What to do today: rows grouped by action, their buttons and keys, and the dialogs they open. */
export class TodayPage {
  readonly heading: Locator;
  readonly dialog: Locator;
  readonly fields: FormFields;
  /** The calm line saying what the last action did. */
  readonly confirmation: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Today' });
    this.dialog = page.getByRole('dialog');
    this.fields = new FormFields(page);
    this.confirmation = page.getByRole('status', { name: 'Done' });
  }

  /** "To send", "To call", "Promises falling due", "Decisions", "Waiting and paused". */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** A customer's row, anywhere on the screen or in one section. */
  row(customer: string, section?: string): Locator {
    const within = section ? this.section(section) : this.page.locator('main');
    return within.getByRole('listitem', { name: new RegExp(`^${escapeRegExp(customer)}: `) });
  }

  async approve(customer: string, label = 'Approve') {
    await this.row(customer).getByRole('button', { name: label, exact: true }).click();
  }

  async skip(customer: string, reason: string) {
    await this.row(customer).getByRole('button', { name: 'Skip', exact: true }).click();
    await expect(this.dialog).toBeVisible();
    if (reason) await this.fields.fill('Why skip it?', reason);
    await this.dialog.getByRole('button', { name: 'Skip this step' }).click();
  }

  async snooze(customer: string, choice: string) {
    await this.row(customer).getByRole('button', { name: 'Snooze', exact: true }).click();
    await this.dialog.getByRole('button', { name: choice }).click();
    await this.dialog.getByRole('button', { name: 'Snooze', exact: true }).click();
  }

  /** Opens "Log outcome" on a call row and picks how the call went. */
  async logCall(customer: string, outcome: string) {
    await this.row(customer).getByRole('button', { name: 'Log outcome' }).click();
    await expect(this.dialog).toBeVisible();
    await this.fields.pick('How did it go?', outcome);
  }

  async confirmCall() {
    await this.dialog.getByRole('button', { name: 'Log the call' }).click();
  }

  /** The +90 decision: "Hand over…", the agency's name, then the button; resolves with the download. */
  async handOver(customer: string, agency: string) {
    await this.row(customer).getByRole('button', { name: 'Hand over…' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('Agency (optional)', { exact: true }).fill(agency);
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Hand over and download the dossier' }).click();
    return download;
  }
}
