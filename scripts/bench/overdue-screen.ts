/**
 * Time to the first rows of the Overdue screen in Chromium: from navigation start (the page's
 * time origin) to the first body row of the "Overdue by customer" table being in the page, at
 * the next animation frame, i.e. when it can be painted. A MutationObserver installed before
 * any of the page's scripts notes the moment, so Playwright's own polling adds nothing.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium';
import type { HeadlessServer } from './headless-server';

export const overdueScreenRuns = { warmUps: 1, runs: 5 };

/** The table keeps ARIA table semantics; row 1 is the header, row 2 the first customer. */
const firstRowSelector =
  '[role="table"][aria-label="Overdue by customer"] [role="row"][aria-rowindex="2"]';
const launchTimeoutMs = 60_000;
const loadTimeoutMs = 30_000;

/** Runs in the page before its own scripts. */
function noteFirstRow(selector: string) {
  const page = window as unknown as { firstRowAt?: number };
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || !document.querySelector(selector)) return;
    seen = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      page.firstRowAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

export async function measureOverdueScreen(
  server: HeadlessServer,
): Promise<{ samples: number[] | null; skipped?: string }> {
  let executablePath: string | undefined;
  try {
    executablePath = findChromium();
  } catch (error) {
    return { samples: null, skipped: error instanceof Error ? error.message : String(error) };
  }
  const browser = await chromium.launch({
    args: chromiumArgs,
    timeout: launchTimeoutMs,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    const samples: number[] = [];
    for (let run = 0; run < overdueScreenRuns.warmUps + overdueScreenRuns.runs; run++) {
      // A new context each time: no cache, no storage, like a window opened afresh.
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(noteFirstRow, firstRowSelector);
        await page.goto(`${server.origin}/overdue#token=${server.token}`, {
          waitUntil: 'commit',
          timeout: loadTimeoutMs,
        });
        await page.locator(firstRowSelector).waitFor({ state: 'visible', timeout: loadTimeoutMs });
        const handle = await page.waitForFunction(
          () => (window as unknown as { firstRowAt?: number }).firstRowAt,
          undefined,
          { timeout: loadTimeoutMs },
        );
        const at = (await handle.jsonValue()) as number;
        if (run >= overdueScreenRuns.warmUps) samples.push(at);
      } finally {
        await context.close();
      }
    }
    return { samples };
  } finally {
    await browser.close();
  }
}
