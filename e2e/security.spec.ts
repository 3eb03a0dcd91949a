import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, sampleBusiness, serverForThisFile, test } from './fixtures';
import { AppPage } from './pages/AppPage';

const server = serverForThisFile({ onboarded: true });

function rawStatus(
  port: number,
  headers: Record<string, string>,
  body = '{}',
  { method = 'POST', path = '/api/settings.update' } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Another site on this machine, as a browser would see it: a page of its own on its own port. */
async function startAttacker(): Promise<{ attacker: Server; attackerPort: number }> {
  const attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Attacker</title>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  return { attacker, attackerPort: (attacker.address() as AddressInfo).port };
}

async function storedPhone() {
  const reply = await server.current.api<{ value: { phone: string } }>('settings.get');
  return reply.body.value.phone;
}

test('the API refuses a call without the token: 401', async ({ request: http }) => {
  const reply = await http.post(`${server.current.origin}/api/settings.update`, {
    data: { phone: '000' },
  });
  expect(reply.status()).toBe(401);
  expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  expect(await storedPhone()).toBe(sampleBusiness.phone);
});

test('the API refuses a foreign Host (DNS rebinding): 403', async () => {
  const { port, token } = server.current;
  const status = await rawStatus(
    port,
    {
      Host: `attacker.example:${port}`,
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    JSON.stringify({ phone: '000' }),
  );
  expect(status).toBe(403);
  expect(await storedPhone()).toBe(sampleBusiness.phone);
});

test('the API refuses a foreign Origin: 403', async () => {
  const { port, token } = server.current;
  const status = await rawStatus(
    port,
    {
      Host: `127.0.0.1:${port}`,
      Origin: 'https://attacker.example',
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    JSON.stringify({ phone: '000' }),
  );
  expect(status).toBe(403);
  expect(await storedPhone()).toBe(sampleBusiness.phone);
});

test('a page from another site cannot change anything, even knowing the token', async ({
  page,
}) => {
  const { attacker, attackerPort } = await startAttacker();
  try {
    await page.goto(`http://localhost:${attackerPort}/`);
    const outcome = await page.evaluate(
      async ({ origin, token }) => {
        const results: string[] = [];
        try {
          await fetch(`${origin}/api/settings.update`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ phone: '000' }),
          });
          results.push('fetch answered');
        } catch {
          results.push('fetch blocked');
        }
        // A "simple" request needs no preflight: it reaches the server, which must refuse it.
        await fetch(`${origin}/api/settings.update`, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify({ phone: '000' }),
        }).catch(() => undefined);
        return results;
      },
      { origin: server.current.origin, token: server.current.token },
    );
    expect(outcome).toEqual(['fetch blocked']);
    expect(await storedPhone()).toBe(sampleBusiness.phone);
  } finally {
    await new Promise((resolve) => attacker.close(resolve));
  }
});

test('the screens are served with a strict Content-Security-Policy', async ({ browser }) => {
  // A page of its own: this test breaks the policy on purpose, which the usual page forbids.
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => violations.push(message.text()));
  const response = await page.goto(`${server.current.origin}/#token=${server.current.token}`);
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe');
  await new AppPage(page).ready();
  // An inline script, as an injected one would be, does not run.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.join('\n')).toMatch(/violates the following Content Security Policy directive/);
  await page.close();
});

test('opened without its token, the app says how to open it and shows no data', async ({
  page,
}) => {
  await page.goto(`${server.current.origin}/`);
  await expect(page.locator('[data-app-state="error"]')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Please open Goodwill from its own link' }),
  ).toBeVisible();
  await expect(page.getByText(sampleBusiness.businessName)).toBeHidden();
});

/** A fresh one-time download of the customers export, asked for with the token. */
async function exportTicket(): Promise<string> {
  const reply = await server.current.api<{ value: { via: string; ticket: string } }>(
    'exports.csv',
    { kind: 'customers' },
  );
  expect(reply.status).toBe(200);
  expect(reply.body.value.via).toBe('download');
  return reply.body.value.ticket;
}

const downloadUrl = (ticket: string) => `${server.current.origin}/downloads/${ticket}`;

test.describe('one-time downloads', () => {
  test('only a caller with the token gets a ticket: 401 without it', async ({ request: http }) => {
    const reply = await http.post(`${server.current.origin}/api/exports.csv`, {
      data: { kind: 'customers' },
    });
    expect(reply.status()).toBe(401);
    expect(JSON.stringify(await reply.json())).not.toContain('ticket');
  });

  test('a download without a ticket is refused: 401', async ({ request: http }) => {
    for (const path of ['/downloads/', '/downloads/not-a-ticket']) {
      const reply = await http.get(`${server.current.origin}${path}`, {
        // Even with the API's token: a download answers to its ticket only.
        headers: { Authorization: `Bearer ${server.current.token}` },
      });
      expect(reply.status(), path).toBe(401);
      expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  test('a ticket serves its file once: the next time, or an unknown one, is 404', async ({
    request: http,
  }) => {
    const ticket = await exportTicket();
    const first = await http.get(downloadUrl(ticket));
    expect(first.status()).toBe(200);
    expect(first.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.headers()['content-disposition']).toMatch(
      /^attachment; filename="Goodwill customers 2027-03-15\.csv"/,
    );
    expect(first.headers()['cache-control']).toBe('no-store');
    expect(first.headers()['access-control-allow-origin']).toBeUndefined();
    expect((await first.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const again = await http.get(downloadUrl(ticket));
    expect(again.status()).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unknown = await http.get(downloadUrl('A'.repeat(43)));
    expect(unknown.status()).toBe(404);
  });

  test('a foreign Host or Origin, or another site, is refused (403) and spends nothing', async ({
    request: http,
  }) => {
    const { port } = server.current;
    const ticket = await exportTicket();
    const get = { method: 'GET', path: `/downloads/${ticket}` };
    expect(await rawStatus(port, { Host: `attacker.example:${port}` }, '', get)).toBe(403);
    expect(
      await rawStatus(
        port,
        { Host: `127.0.0.1:${port}`, Origin: 'https://attacker.example' },
        '',
        get,
      ),
    ).toBe(403);
    expect(
      await rawStatus(port, { Host: `127.0.0.1:${port}`, 'Sec-Fetch-Site': 'cross-site' }, '', get),
    ).toBe(403);
    // Refused before the ticket was looked at: it still serves its owner.
    expect((await http.get(downloadUrl(ticket))).status()).toBe(200);
  });

  test('a page from another site cannot read or spend a download, even knowing the ticket', async ({
    page,
    request: http,
  }) => {
    const { attacker, attackerPort } = await startAttacker();
    const ticket = await exportTicket();
    try {
      await page.goto(`http://localhost:${attackerPort}/`);
      const outcome = await page.evaluate(async (url) => {
        const results: string[] = [];
        try {
          await (await fetch(url)).text();
          results.push('read');
        } catch {
          results.push('blocked');
        }
        // An opaque request still reaches the server, which must refuse it.
        await fetch(url, { mode: 'no-cors' }).catch(() => undefined);
        return results;
      }, downloadUrl(ticket));
      expect(outcome).toEqual(['blocked']);
      expect((await http.get(downloadUrl(ticket))).status()).toBe(200);
    } finally {
      await new Promise((resolve) => attacker.close(resolve));
    }
  });
});
