import type { Locator, Page } from '@playwright/test';

/** Every payment plan, with what falls due next. */
export class PlansPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Plans' });
  }

  row(customerName: string): Locator {
    return this.table.getByRole('row').filter({ hasText: customerName });
  }

  open(customerName: string) {
    return this.page.getByRole('link', { name: `Plan with ${customerName}` }).click();
  }
}
