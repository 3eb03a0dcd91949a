/**
 * Finds a Chromium for Playwright: its own download where installed, else the system's
 * (CHROMIUM_PATH, /usr/bin/chromium, ...). Playwright cannot download browsers here.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const systemCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The executable to launch, or undefined to use Playwright's own. Throws with advice if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH points to ${env.CHROMIUM_PATH}, which does not exist.`);
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined;
  const system = systemCandidates.find((candidate) => existsSync(candidate));
  if (system) return system;
  throw new Error(
    'No Chromium found for the browser tests. Install one with `npx playwright install chromium`, ' +
      'or on Debian/Ubuntu `sudo apt-get install chromium`, or set CHROMIUM_PATH.',
  );
}
