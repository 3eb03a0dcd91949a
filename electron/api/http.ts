/**
 * The headless server: the built renderer and the API over HTTP on 127.0.0.1 only.
 *
 * Any page in any browser on this machine can send requests to a loopback port, so every
 * request is checked before it is served (see ../shared/reference, "The local HTTP server"):
 * - `Host` must be 127.0.0.1:<port> or localhost:<port>, which defeats DNS rebinding;
 * - an `Origin`, when sent, must be this server's own, and `Sec-Fetch-Site` must not be
 *   cross-site, which stops other pages posting here;
 * - every /api call carries the per-run token as a bearer header (compared in constant
 *   time; never accepted from a query string or cookie), and a JSON content type, which a
 *   plain form cannot send;
 * - bodies are limited in size; no CORS headers are ever sent;
 * - a download (`GET /downloads/<ticket>`, shared/api/downloads.ts) is followed by an ordinary
 *   link, which cannot carry the token: the one-time ticket, handed out by a token-checked call,
 *   stands in for it (401 without one, 404 for one unknown, used or expired), with the same
 *   Host, Origin and Sec-Fetch-Site checks as the API.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName, type MethodName } from '../../shared/api/contract';
import { downloadRoute, downloadTicketPattern } from '../../shared/api/downloads';
import { maxSignedAgreementBytes } from '../../shared/api/plans';
import type { ApiError, ApiResult, ErrorCode } from '../../shared/api/errors';
import type { Downloads } from '../exports/downloads';
import type { Logger } from '../logger';
import { pageSecurityHeaders } from '../security';
import { resolveStaticFile } from '../static-files';
import { attachmentDisposition } from './content-disposition';
import type { MethodTable } from './register';

export const defaultBodyLimit = 1024 * 1024;

/**
 * Methods that carry a file take more: a signed agreement of up to 20 MB arrives as base64
 * (4 bytes for every 3) in JSON, with room for the rest of the input. The method itself says
 * exactly what is too large; this only keeps other requests small.
 */
export const methodBodyLimits: Partial<Record<MethodName, number>> = {
  'plans.attachSigned': Math.ceil(maxSignedAgreementBytes / 3) * 4 + 64 * 1024,
};

export interface HttpServerOptions {
  table: MethodTable;
  token: string;
  /** The built renderer. */
  staticDir: string;
  /** 0 picks any free port. */
  port: number;
  log: Logger;
  bodyLimit?: number;
  /** One-time downloads (CSV exports); none are served when left out. */
  downloads?: Pick<Downloads, 'take'>;
}

export interface RunningServer {
  port: number;
  origin: string;
  /** The address to open, with the token in the fragment (never sent to the server). */
  url: string;
  close(): Promise<void>;
}

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

function refuse(status: number, code: ErrorCode, message: string): never {
  throw new HttpRefusal(status, { code, message });
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>, extra = {}) {
  // Encoded once: measuring the string and then writing it would walk it twice.
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(payload);
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) refuse(413, 'invalid_input', `The request is larger than ${limit} bytes.`);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(
          new HttpRefusal(413, {
            code: 'invalid_input',
            message: `The request is larger than ${limit} bytes.`,
          }),
        );
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { table, log } = options;
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const tokenDigest = digest(options.token);
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((host) => `http://${host}`);

  function checkOrigin(req: IncomingMessage) {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      refuse(403, 'forbidden', 'This address is not one Goodwill answers to.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      refuse(403, 'forbidden', 'Requests from other sites are not allowed.');
    }
  }

  function checkSameSite(req: IncomingMessage) {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      refuse(403, 'forbidden', 'Requests from other sites are not allowed.');
    }
  }

  function checkApiCaller(req: IncomingMessage) {
    checkSameSite(req);
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), tokenDigest)) {
      refuse(401, 'unauthorized', 'Open Goodwill from the address it printed when it started.');
    }
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, path: string) {
    checkApiCaller(req);
    if (path === '/api' || path === '/api/') {
      if (req.method !== 'GET') refuse(405, 'invalid_input', 'Use GET to list the methods.');
      return sendJson(res, 200, { ok: true, value: { methods: table.methods() } });
    }
    const name = path.slice('/api/'.length);
    const handler = isMethodName(name) ? table.get(name) : undefined;
    if (!handler) refuse(404, 'not_found', `There is no method called "${name}".`);
    if (req.method !== 'POST') refuse(405, 'invalid_input', 'Call a method with POST.');
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      refuse(415, 'invalid_input', 'Send the input as JSON (Content-Type: application/json).');
    }
    const body = await readBody(
      req,
      Math.max(bodyLimit, methodBodyLimits[name as MethodName] ?? 0),
    );
    let input: unknown;
    try {
      input = body.trim() === '' ? undefined : JSON.parse(body);
    } catch {
      refuse(400, 'invalid_input', 'The request body is not valid JSON.');
    }
    const result = await handler(input);
    sendJson(res, result.ok ? 200 : statusOf[result.error.code], result);
  }

  async function serveDownload(req: IncomingMessage, res: ServerResponse, path: string) {
    checkSameSite(req);
    if (req.method !== 'GET') refuse(405, 'invalid_input', 'Downloads are only read, with GET.');
    const ticket = path.slice(downloadRoute.length);
    if (!downloadTicketPattern.test(ticket)) {
      refuse(401, 'unauthorized', 'A download needs its ticket from Goodwill: export it again.');
    }
    const file = options.downloads?.take(ticket);
    if (!file) {
      refuse(404, 'not_found', 'This download has been used or has expired: export it again.');
    }
    // The ticket is spent: from here the file goes, whatever happens.
    try {
      const size = (await stat(file.path)).size;
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Length': size,
        'Content-Disposition': attachmentDisposition(file.fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Resource-Policy': 'same-origin',
        // Should a browser show it rather than save it, it still runs nothing.
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
    } catch (error) {
      await file.remove();
      throw error;
    }
    // Streamed from disk; the file goes once sent, or once the download is abandoned.
    const stream = createReadStream(file.path);
    res.once('close', () => {
      stream.destroy();
      void file.remove();
    });
    stream.on('error', () => res.destroy()).pipe(res);
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(405, 'invalid_input', 'Pages are only read.');
    }
    const file = await resolveStaticFile(options.staticDir, path);
    if (!file) refuse(404, 'not_found', 'There is no such page.');
    res.writeHead(200, {
      ...pageSecurityHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route =
      path === '/api' || path.startsWith('/api/')
        ? serveApi
        : path.startsWith(downloadRoute)
          ? serveDownload
          : servePage;
    Promise.resolve()
      .then(() => {
        checkOrigin(req);
        return route(req, res, path);
      })
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (error instanceof HttpRefusal) {
          const extra: Record<string, string> =
            error.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
          if (error.status === 413) extra.Connection = 'close';
          return sendJson(res, error.status, { ok: false, error: error.error }, extra);
        }
        log.error(`${req.method} ${path} failed`, error);
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal', message: 'Something went wrong on our side.' },
        });
      });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 literally: "localhost" may also resolve to ::1, and nothing else may listen.
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    url: `${origin}/#token=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Stop accepting, let requests in flight finish, then drop idle keep-alive sockets.
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      }),
  };
}
