import type { Locator, Page } from '@playwright/test';

/** Who owes what, and how late: the list, its totals, and the invoices behind a figure. */
export class OverduePage {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Overdue by customer' });
    this.rows = this.table.getByRole('row');
  }

  /** Points at a currency's bar, so the chart shows its tooltip. */
  async hoverChart(currency: string) {
    const chart = this.page.getByRole('region', { name: 'Owed by lateness' });
    await chart.getByText(`· ${currency}`).hover();
    await chart.locator('svg').first().hover();
  }

  row(customer: string): Locator {
    return this.rows.filter({
      has: this.page.getByRole('link', { name: customer, exact: true }),
    });
  }

  /** A figure of a row, by its column: "Not yet due", "31–60 days", "Total". */
  figure(customer: string, column: string): Locator {
    return this.row(customer).getByRole('button', { name: new RegExp(`^${column}: `) });
  }

  /** How the customer usually pays, in the row's "Usually pays" column. */
  habit(customer: string): Locator {
    return this.row(customer).getByRole('cell').nth(8);
  }

  /** Switches to the 13 weeks of expected cash. */
  async showExpectedCash() {
    await this.page.getByText('Expected cash', { exact: true }).click();
  }

  /** A bar of expected cash, by the start of its name ("Week of 15 Mar 2027", "Late already"). */
  cashBar(currency: string, name: string): Locator {
    return this.page
      .getByRole('region', { name: `Expected in ${currency}` })
      .getByRole('button', { name: new RegExp(`^${name}: `) });
  }

  /** The rows behind the bar last opened. */
  cashRows(): Locator {
    return this.page.getByRole('table', { name: 'Behind this bar' }).getByRole('row');
  }

  totals(currency: string): Locator {
    return this.table.getByRole('row', { name: `Total in ${currency}` });
  }

  /** Only customers with something in one bucket ("Over 90 days"), or "Any lateness". */
  async filterLateness(option: string) {
    await this.page.getByRole('combobox', { name: 'Lateness' }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async find(text: string) {
    await this.page.getByRole('textbox', { name: 'Find a customer' }).fill(text);
  }

  async clearFilters() {
    await this.page.getByRole('button', { name: 'Clear filters' }).first().click();
  }

  async sortBy(column: string) {
    await this.table.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  /** Scrolls the list to its end, as a person dragging the scroll bar down would. */
  async scrollToEnd() {
    await this.table.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  }

  detail(customer: string): Locator {
    return this.page.getByRole('dialog', { name: customer });
  }

  detailRows(customer: string): Locator {
    return this.detail(customer)
      .getByRole('table', { name: 'Invoices behind this figure' })
      .getByRole('row');
  }
}
