import { expect, type Locator, type Page } from '@playwright/test';

/** The Import screen: pick a file, read the preview, import, undo. */
export class ImportPage {
  readonly source: Locator;
  readonly summary: Locator;
  readonly earlier: Locator;

  constructor(readonly page: Page) {
    this.source = page.getByTestId('import-source');
    this.summary = page.getByRole('status', { name: 'Imported' });
    this.earlier = page.getByRole('table', { name: 'Earlier imports' });
  }

  /** One file, or the files of a Goodwill export together. */
  async pick(path: string | string[]) {
    await this.page.getByLabel('CSV file').setInputFiles(path);
    await expect(this.source).toBeVisible();
  }

  figure(
    kind: 'customers' | 'invoices' | 'payments' | 'credits and refunds',
    what: string,
  ): Locator {
    return this.page.getByTestId(`${kind}-${what}`.replaceAll(' ', '-'));
  }

  async importAll() {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(this.summary).toBeVisible();
  }

  /** Undoes the earlier import of this file that is still in place (the oldest first). */
  async undoEarliest() {
    await this.earlier.getByRole('button', { name: 'Undo' }).last().click();
    await expect(this.page.getByRole('status', { name: 'Done' })).toContainText('was undone');
  }
}
