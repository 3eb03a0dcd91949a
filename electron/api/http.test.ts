import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { startHeadless, type Headless } from '../headless-app';
import { createMemoryLogger } from '../logger';
import { blankBusiness } from '../testing/business';
import { manualClock, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const token = 'test-token-0123456789abcdef';
let running: Headless | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function serve() {
  const staticDir = await tempDir();
  await mkdir(join(staticDir, 'assets'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Goodwill</title>');
  await writeFile(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(await tempDir(), 'secret.txt'), 'not for you');
  running = await startHeadless({
    dataDir: await tempDir(),
    port: 0,
    token,
    staticDir,
    clock: manualClock('2027-03-15T09:00:00Z'),
    log: createMemoryLogger(),
    defaults: blankBusiness,
  });
  return running;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => unknown;
}

/** A raw request, so Host and every other header are exactly what the test says. */
function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const callApi = (
  port: number,
  method: string,
  input: unknown,
  headers: Record<string, string> = {},
) =>
  send(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

describe('the headless server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in its fragment', async () => {
    const { server } = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${token}`);
  });

  it('answers API calls with the bearer token', async () => {
    const { server } = await serve();
    const reply = await callApi(server.port, 'app.info', {});
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({
      ok: true,
      value: { mode: 'headless', today: '2027-03-15' },
    });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lists the methods at GET /api', async () => {
    const { server } = await serve();
    const reply = await send(server.port, {
      path: '/api',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(reply.json()).toEqual({ ok: true, value: { methods: methodNames } });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer wrong-token-0123456789abcd' }],
    ['a token of another length', { Authorization: `Bearer ${token}x` }],
    ['a token that is not a bearer', { Authorization: `Basic ${token}` }],
  ])('refuses a call with %s: 401', async (_name, headers) => {
    const { server } = await serve();
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/settings.update',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ phone: '01632 960 002' }),
    });
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe('Bearer');
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(reply.body).not.toContain(token);
    const check = await callApi(server.port, 'settings.get', {});
    expect(check.json()).toMatchObject({ value: { phone: '' } });
  });

  it('never takes the token from the query string', async () => {
    const { server } = await serve();
    const reply = await send(server.port, {
      method: 'POST',
      path: `/api/app.info?token=${token}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it.each([
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1.nip.io:PORT',
    '127.0.0.1:1',
    'localhost',
  ])('refuses Host "%s" (DNS rebinding): 403', async (host) => {
    const { server } = await serve();
    const hostHeader = host.replace('PORT', String(server.port));
    const apiReply = await callApi(server.port, 'app.info', {}, { Host: hostHeader });
    expect(apiReply.status).toBe(403);
    const page = await send(server.port, { path: '/', headers: { Host: hostHeader } });
    expect(page.status).toBe(403);
  });

  it('accepts localhost:<port> as the host', async () => {
    const { server } = await serve();
    const reply = await callApi(server.port, 'app.info', {}, { Host: `localhost:${server.port}` });
    expect(reply.status).toBe(200);
  });

  it.each(['https://evil.example', 'null', 'http://127.0.0.1:1', 'http://localhost.evil.example'])(
    'refuses a request from origin %s: 403, and changes nothing',
    async (origin) => {
      const { server } = await serve();
      const reply = await callApi(
        server.port,
        'settings.update',
        { phone: '01632 960 003' },
        { Origin: origin },
      );
      expect(reply.status).toBe(403);
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const check = await callApi(server.port, 'settings.get', {});
      expect(check.json()).toMatchObject({ value: { phone: '' } });
    },
  );

  it("accepts the app's own origin", async () => {
    const { server } = await serve();
    const reply = await callApi(
      server.port,
      'app.info',
      {},
      { Origin: server.origin, 'Sec-Fetch-Site': 'same-origin' },
    );
    expect(reply.status).toBe(200);
  });

  it('refuses a cross-site fetch even without an Origin header', async () => {
    const { server } = await serve();
    const reply = await callApi(server.port, 'app.info', {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(reply.status).toBe(403);
  });

  it('refuses a body that is not JSON: 415 for a form post, 400 for broken JSON', async () => {
    const { server } = await serve();
    const form = await send(server.port, {
      method: 'POST',
      path: '/api/settings.update',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
      body: '{"phone":"1"}',
    });
    expect(form.status).toBe(415);
    const broken = await send(server.port, {
      method: 'POST',
      path: '/api/settings.update',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"phone":',
    });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('refuses a body over the limit: 413', async () => {
    const { server } = await serve();
    const reply = await callApi(server.port, 'settings.update', {
      address: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(reply.status).toBe(413);
  });

  it('answers an invalid input with 400 naming the field', async () => {
    const { server } = await serve();
    const reply = await callApi(server.port, 'settings.update', { timeZone: 'Mars/Base' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'timeZone' },
    });
  });

  it('answers an unknown method with 404 and a wrong verb with 405', async () => {
    const { server } = await serve();
    expect((await callApi(server.port, 'ledger.dropAll', {})).status).toBe(404);
    expect((await callApi(server.port, 'constructor', {})).status).toBe(404);
    const get = await send(server.port, {
      path: '/api/app.info',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(405);
  });

  it('never answers a CORS preflight with permission', async () => {
    const { server } = await serve();
    const reply = await send(server.port, {
      method: 'OPTIONS',
      path: '/api/settings.update',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the screens with a strict Content-Security-Policy', async () => {
    const { server } = await serve();
    for (const path of ['/', '/settings', '/today']) {
      const page = await send(server.port, { path });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Goodwill</title>');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
    const asset = await send(server.port, { path: '/assets/app-1234.js' });
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/missing.js',
    '/%00',
  ])('serves nothing outside the built screens: %s', async (path) => {
    const { server } = await serve();
    const reply = await send(server.port, { path });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('not for you');
  });

  it('lets requests in flight finish when it stops, then refuses connections', async () => {
    const headless = await serve();
    const { port } = headless.server;
    // A request whose body is still arriving when the server is told to stop.
    const body = JSON.stringify({ phone: '01632 960 004' });
    let finishBody!: () => void;
    const inFlight = new Promise<Reply>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/settings.update',
          headers: {
            Host: `127.0.0.1:${port}`,
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: '',
              json: () => null,
            }),
          );
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 5));
      finishBody = () => req.end(body.slice(5));
    });
    // Once a later call is answered, the server has certainly accepted the first connection.
    expect((await callApi(port, 'app.info', {})).status).toBe(200);
    const stopped = headless.stop();
    finishBody();
    expect((await inFlight).status).toBe(200);
    await stopped;
    running = undefined;
    await expect(callApi(port, 'app.info', {})).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('one-time downloads', () => {
  async function ticketFor(port: number): Promise<string> {
    const reply = await callApi(port, 'exports.csv', { kind: 'customers' });
    expect(reply.status).toBe(200);
    const { value } = reply.json() as { value: { via: string; ticket: string } };
    expect(value.via).toBe('download');
    return value.ticket;
  }

  it('serves an export once, as a CSV attachment, then removes it', async () => {
    const headless = await serve();
    const { port } = headless.server;
    const ticket = await ticketFor(port);
    const exportsFolder = join(headless.app.databaseFile, '..', 'exports');
    expect(await readdir(exportsFolder)).toHaveLength(1);
    // Only GET takes it: anything else is refused and leaves it there.
    for (const method of ['HEAD', 'POST', 'DELETE']) {
      expect((await send(port, { method, path: `/downloads/${ticket}` })).status).toBe(405);
    }
    const reply = await send(port, { path: `/downloads/${ticket}` });
    expect(reply.status).toBe(200);
    expect(reply.body.startsWith('\uFEFFcustomer_id,name,company,')).toBe(true);
    expect(reply.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="Goodwill customers 2027-03-15.csv"; filename*=UTF-8''Goodwill%20customers%202027-03-15.csv`,
      'content-length': String(Buffer.byteLength(reply.body)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    await expect.poll(() => readdir(exportsFolder)).toEqual([]);
    const again = await send(port, { path: `/downloads/${ticket}` });
    expect(again.status).toBe(404);
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('wants a ticket, not the token: 401 without one, 404 for one it never gave', async () => {
    const { server } = await serve();
    for (const path of ['/downloads/', `/downloads/${token}`, '/downloads/../api']) {
      const reply = await send(server.port, {
        path,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(reply.status, path).toBe(401);
    }
    expect((await send(server.port, { path: `/downloads/${'x'.repeat(43)}` })).status).toBe(404);
  });

  it.each([
    ['a foreign Host', (port: number) => ({ Host: `evil.example:${port}` })],
    ['a foreign Origin', () => ({ Origin: 'http://evil.example' })],
    ['another site', () => ({ 'Sec-Fetch-Site': 'cross-site' })],
  ])('refuses %s (403) before looking at the ticket', async (_name, headers) => {
    const { server } = await serve();
    const ticket = await ticketFor(server.port);
    const refused = await send(server.port, {
      path: `/downloads/${ticket}`,
      headers: headers(server.port),
    });
    expect(refused.status).toBe(403);
    expect((await send(server.port, { path: `/downloads/${ticket}` })).status).toBe(200);
  });
});
