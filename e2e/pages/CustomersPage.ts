import type { Locator, Page } from '@playwright/test';
import { FormFields } from './FormFields';

/** The customer list, and the page that adds one. */
export class CustomersPage {
  readonly fields: FormFields;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.fields = new FormFields(page);
    this.table = page.getByRole('table', { name: 'Customers' });
  }

  async add(customer: { name: string; kind?: string; email?: string; phone?: string }) {
    await this.page.getByRole('button', { name: /Add (your first )?customer/ }).click();
    await this.fields.fill('Name', customer.name);
    if (customer.kind) {
      await this.page
        .getByRole('radiogroup', { name: 'Kind' })
        .getByText(customer.kind, { exact: true })
        .click();
    }
    if (customer.email) await this.fields.fill('Email', customer.email);
    if (customer.phone) await this.fields.fill('Phone', customer.phone);
    await this.page.getByRole('button', { name: 'Add customer', exact: true }).click();
  }
}
