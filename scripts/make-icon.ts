/**
 * Renders assets/icon.svg to build/icon.png (512×512), the source electron-builder turns
 * into .ico and .icns: `npx tsx scripts/make-icon.ts`.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const executablePath = findChromium();
const browser = await chromium.launch({
  args: chromiumArgs,
  ...(executablePath ? { executablePath } : {}),
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`,
);
await page.screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
console.log('Wrote build/icon.png');
