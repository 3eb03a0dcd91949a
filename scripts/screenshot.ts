/**
 * Saves a PNG of a screen of a running headless Goodwill, to look at what we build:
 *   npx tsx scripts/screenshot.ts <url-with-token> <path> <out.png>
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium';

const [url, path = '/', out = 'screen.png'] = process.argv.slice(2);
if (!url) throw new Error('Usage: tsx scripts/screenshot.ts <url-with-token> [path] [out.png]');
const executablePath = findChromium();
const browser = await chromium.launch({
  args: chromiumArgs,
  ...(executablePath ? { executablePath } : {}),
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (message) => console.log(`[console.${message.type()}] ${message.text()}`));
await page.goto(url);
await page.locator('[data-app-state="ready"]').waitFor();
if (path !== '/') {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`Saved ${out}`);
