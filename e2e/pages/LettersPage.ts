import { expect, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, FormFields } from './FormFields';

/** The Letters screens: the list of occasions and one letter's editor, tone and preview. */
export class LettersPage {
  readonly heading: Locator;
  readonly subject: Locator;
  readonly body: Locator;
  readonly findings: Locator;
  readonly status: Locator;
  readonly preview: Locator;
  readonly tone: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.subject = page.getByRole('textbox', { name: 'Subject', exact: true });
    this.body = page.getByRole('textbox', { name: 'Letter', exact: true });
    this.findings = page.getByRole('list', { name: 'Tone findings' });
    this.status = page.getByRole('status');
    this.preview = page.getByRole('article', { name: 'Preview' });
    this.tone = page.getByRole('group', { name: 'Tone and reading level' });
  }

  /** An occasion in the list, by its name. */
  occasion(name: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  async open(name: string) {
    await this.occasion(name).click();
    await expect(this.heading).toHaveText(name);
    await expect(this.body).not.toHaveValue('');
  }

  /** A finding's card, by the words it found. */
  finding(words: string): Locator {
    return this.findings.getByRole('listitem').filter({ hasText: `“${words}”` });
  }

  /** The marked words in the editor's highlight layer. */
  marks(): Locator {
    return this.page.locator('mark');
  }

  /** Puts the cursor at the end of the letter and types there, as a person would. */
  async typeAtEnd(text: string) {
    await this.body.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save letter' }).click();
  }

  async resetToDefault() {
    await this.page.getByRole('button', { name: 'Reset to default' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Go back to Goodwill’s wording?' });
    await dialog.getByRole('button', { name: 'Reset to default' }).click();
    await expect(dialog).toBeHidden();
  }

  async previewFor(customer: string) {
    await new FormFields(this.page).choose('Preview for', customer);
  }
}
