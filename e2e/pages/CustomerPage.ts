import { expect, type Locator, type Page } from '@playwright/test';

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

  /** Opens "Edit details" and returns its dialog. */
  async editDetails() {
    await this.page.getByRole('button', { name: 'Edit details' }).click();
    return this.page.getByRole('dialog', { name: 'Edit details' });
  }

  /** "How they pay": the summary, suggestions, figures and chart. */
  behaviour(): Locator {
    return this.page.getByRole('region', { name: 'How they pay' });
  }

  behaviourFigure(label: string): Locator {
    return this.behaviour()
      .getByText(label, { exact: true })
      .locator('xpath=following-sibling::*[1]');
  }

  flag(title: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: title });
  }

  /** The payments table. */
  payments(): Locator {
    return this.page.getByRole('table', { name: 'Payments' });
  }

  async applyCredit() {
    await this.payments().getByRole('button', { name: 'Apply to open invoices' }).click();
  }

  /** Opens the refund form for the payment holding credit and returns its dialog. */
  async refund() {
    await this.payments().getByRole('button', { name: 'Refund' }).click();
    return this.page.getByRole('dialog', { name: 'Refund credit' });
  }

  async newInvoice() {
    await this.page.getByRole('button', { name: 'New invoice' }).click();
  }

  async recordPayment() {
    await this.page.getByRole('button', { name: 'Record a payment' }).click();
  }

  readonly statement = () => this.page.getByRole('region', { name: 'Statement' });

  /** The Statement card: the period it covers. */
  async statementPeriod(from: string, to: string) {
    await this.statement().getByLabel('From').fill(from);
    await this.statement().getByLabel('To').fill(to);
  }

  /** Clicks "Download statement"; resolves with the download. */
  async downloadStatement() {
    const download = this.page.waitForEvent('download');
    await this.askForStatement();
    return download;
  }

  async askForStatement() {
    await this.statement().getByRole('button', { name: 'Download statement' }).click();
  }

  /** The notice at the top of a customer handed to a collection agency. */
  readonly handoffNotice = () => this.page.getByRole('alert', { name: /^Handed to / });

  /** Takes them back from the agency, with a reason, through the confirmation. */
  async takeBack(reason: string) {
    await this.handoffNotice().getByRole('button', { name: 'Take back' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Take them back from the agency?' });
    await dialog.getByLabel('Why').fill(reason);
    await dialog.getByRole('button', { name: 'Take back and chase again' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The dialog that shows the statement email before it goes in the outbox. */
  readonly emailStatementDialog = () =>
    this.page.getByRole('dialog', { name: 'Email the statement' });

  async emailStatement() {
    await this.statement().getByRole('button', { name: 'Email statement' }).click();
    await expect(this.emailStatementDialog().getByLabel('Statement email')).toBeVisible();
  }
}
