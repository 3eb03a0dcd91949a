import { expect, type Locator, type Page } from '@playwright/test';
import { FormFields } from './FormFields';

export interface LineInput {
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate?: string;
}

/** The new-invoice editor. */
export class InvoiceEditorPage {
  readonly fields: FormFields;
  readonly heading: Locator;
  readonly total: Locator;
  readonly dueDate: Locator;

  constructor(readonly page: Page) {
    this.fields = new FormFields(page);
    this.heading = page.getByRole('heading', { level: 1, name: 'New invoice' });
    this.total = page.getByLabel('Invoice total');
    this.dueDate = page.getByLabel('Due date');
  }

  lineField(line: number, field: 'description' | 'quantity' | 'unit price' | 'tax rate') {
    return this.page.getByLabel(`Line ${line} ${field}`, { exact: true });
  }

  lineAmount(line: number) {
    return this.page.getByLabel(`Line ${line} amount`, { exact: true });
  }

  async fillLine(line: number, input: LineInput) {
    if (line > 1 && !(await this.lineField(line, 'description').isVisible())) {
      await this.page.getByRole('button', { name: 'Add a line' }).click();
    }
    await this.lineField(line, 'description').fill(input.description);
    await this.lineField(line, 'quantity').fill(input.quantity);
    await this.lineField(line, 'unit price').fill(input.unitPrice);
    await this.lineField(line, 'tax rate').fill(input.taxRate ?? '');
  }

  async create() {
    await this.page.getByRole('button', { name: 'Create invoice' }).click();
  }

  async expectNothingSaved() {
    await expect(this.page.getByRole('alert')).toContainText(/Nothing was saved|Please/);
    await expect(this.heading).toBeVisible();
  }
}
