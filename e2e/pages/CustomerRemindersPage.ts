import { expect, type Locator, type Page } from '@playwright/test';
import { FormFields } from './FormFields';

/** The reminder panels of a customer's page: why now, promises, disputes, calls, pauses. */
export class CustomerRemindersPage {
  readonly reminders: Locator;
  readonly whyNow: Locator;
  readonly promises: Locator;
  readonly disputes: Locator;
  readonly contacts: Locator;
  readonly openInvoices: Locator;

  constructor(readonly page: Page) {
    this.reminders = page.getByRole('region', { name: 'Reminders', exact: true });
    this.whyNow = this.reminders.getByLabel('Why now');
    this.promises = page.getByRole('region', { name: 'Promises to pay' });
    this.disputes = page.getByRole('region', { name: 'Disputes' });
    this.contacts = page.getByRole('region', { name: 'Calls and messages' });
    this.openInvoices = page.getByRole('table', { name: 'Open invoices' });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Opens "Record a promise", fills it in and sends it; returns the dialog. */
  async recordPromise(promise: { amount?: string; date: string; channel?: string; note?: string }) {
    const dialog = this.dialog('Record a promise');
    if (!(await dialog.isVisible())) {
      await this.promises.getByRole('button', { name: 'Record a promise' }).click();
    }
    const fields = new FormFields(this.page);
    if (promise.amount !== undefined) await dialog.getByLabel(/^Amount/).fill(promise.amount);
    await dialog.getByLabel('Pay by').fill(promise.date);
    if (promise.channel) await fields.pick('How they promised', promise.channel);
    if (promise.note) await dialog.getByLabel('Note').fill(promise.note);
    await dialog.getByRole('button', { name: 'Record promise' }).click();
    return dialog;
  }

  async openDispute(reason: string, invoices: string[] = []) {
    await this.disputes.getByRole('button', { name: 'Open a dispute' }).click();
    const dialog = this.dialog('Open a dispute');
    if (invoices.length > 0) {
      await dialog.getByLabel('Some invoices').check();
      for (const number of invoices) {
        await dialog.getByRole('checkbox', { name: new RegExp(`^${number} `) }).check();
      }
    }
    await dialog.getByLabel('What it is about').fill(reason);
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    await expect(dialog).toBeHidden();
  }

  async rejectDispute(reason: string, note: string) {
    await this.disputes
      .getByRole('listitem')
      .filter({ hasText: reason })
      .getByRole('button', { name: 'Resolve' })
      .click();
    const dialog = this.dialog('Resolve the dispute');
    await dialog.getByLabel('Not upheld').check();
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Resolve dispute' }).click();
    await expect(dialog).toBeHidden();
  }

  async logCall(outcome: string, note: string) {
    await this.contacts.getByRole('button', { name: 'Log a call' }).click();
    const dialog = this.dialog('Log a call');
    await new FormFields(this.page).pick('How it went', outcome);
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Log call' }).click();
    await expect(dialog).toBeHidden();
  }

  async pauseChasing(invoice: string, until: string, reason: string) {
    await this.openInvoices.getByRole('button', { name: `Pause chasing ${invoice}` }).click();
    const dialog = this.dialog(`Pause chasing of ${invoice}`);
    await dialog.getByLabel('Paused until').fill(until);
    await dialog.getByLabel('Why').fill(reason);
    await dialog.getByRole('button', { name: 'Pause chasing' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Picks which reminders they get ("Your usual steps", "Steps of their own", "No reminders"). */
  async chooseReminders(choice: string) {
    await this.reminders.getByText(choice, { exact: true }).click();
  }

  async saveReminderChoice() {
    await this.reminders.getByRole('button', { name: 'Save reminder choice' }).click();
  }

  /** The days field of a step in their own ladder. */
  ownDays(step: string): Locator {
    return this.reminders
      .getByRole('table', { name: 'Their reminder steps' })
      .getByLabel(`Days for the ${step}`, { exact: true });
  }

  async resumeChasing(invoice: string) {
    await this.openInvoices.getByRole('button', { name: `Resume chasing ${invoice}` }).click();
  }
}
