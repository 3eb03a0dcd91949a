/**
 * Each spec file gets its own headless server: a fresh temp data folder, a free port and
 * its own token, started before the file's tests and stopped after them. Pages are checked
 * for Content-Security-Policy violations as they are used.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { removeDataDir, startHeadlessProcess, type HeadlessProcess } from './headless-process';

export { expect };

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (apply|load|execute|connect)/i.test(message.text())) {
        violations.push(message.text());
      }
    });
    await use(page);
    expect(violations, 'the page broke its Content-Security-Policy').toEqual([]);
  },
});

/** The server for this spec file; call once at the top of the file. */
export function serverForThisFile(options: { onboarded?: boolean } = {}) {
  let server: HeadlessProcess | undefined;
  test.beforeAll(async () => {
    server = await startHeadlessProcess();
    if (options.onboarded) await onboardThroughApi(server);
  });
  test.afterAll(async () => {
    if (!server) return;
    await server.stop();
    await removeDataDir(server.dataDir);
  });
  return {
    get current(): HeadlessProcess {
      if (!server) throw new Error('The server has not started.');
      return server;
    },
    /**
     * Stops the server and starts another on the same data folder (new port and token),
     * with `env` added (a later `GOODWILL_NOW`, say).
     */
    async restart(env?: Record<string, string>): Promise<HeadlessProcess> {
      const dataDir = this.current.dataDir;
      expect(await this.current.stop()).toBe(0);
      server = await startHeadlessProcess({ dataDir, ...(env ? { env } : {}) });
      return server;
    },
  };
}

export const sampleBusiness = {
  businessName: 'Jones Plumbing',
  email: 'sam@jonesplumbing.example',
  phone: '01632 960 123',
  address: '1 High Street\nLlandudno\nLL30 2AA',
  paymentInstructions: 'Bank transfer: sort code 12-34-56, account 12345678',
  currency: 'GBP',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  contactWindow: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00' },
};

export async function onboardThroughApi(server: HeadlessProcess) {
  const reply = await server.api('settings.completeOnboarding', sampleBusiness);
  if (reply.status !== 200) throw new Error(`Could not set up: ${JSON.stringify(reply.body)}`);
}
