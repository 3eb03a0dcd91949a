import { expect, type Locator, type Page } from '@playwright/test';
import type { HeadlessProcess } from '../headless-process';

/** The app as a whole: opening it from the printed link, its navigation, its state. */
export class AppPage {
  readonly navigation: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main' });
  }

  /** Opens the address headless mode printed, optionally at a screen, and waits until ready. */
  async open(server: HeadlessProcess, path = '/') {
    await this.page.goto(`${server.origin}${path}#token=${server.token}`);
    await this.ready();
  }

  async ready() {
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  async goTo(screen: string) {
    await this.navigation.getByRole('link', { name: screen }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
  }

  screenHeading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }
}
