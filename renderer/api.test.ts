import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../shared/api/errors';
import { ApiCallError, call, httpTransport, setTransport, type Transport } from './api';

afterEach(() => setTransport(null));

describe('the API client', () => {
  it('returns the value of a successful call', async () => {
    const seen: [string, unknown][] = [];
    const transport: Transport = async (method, input) => {
      seen.push([method, input]);
      return { ok: true, value: { businessName: 'Jones Plumbing' } };
    };
    setTransport(transport);
    await expect(call('settings.get')).resolves.toEqual({ businessName: 'Jones Plumbing' });
    expect(seen).toEqual([['settings.get', undefined]]);
  });

  it('throws a failed call as an ApiCallError with its fields', async () => {
    setTransport(async () => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'email: Please enter an email address like name@example.com.',
        field: 'email',
        issues: [
          { field: 'email', message: 'Please enter an email address like name@example.com.' },
        ],
      },
    }));
    const error = await call('settings.update', { email: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      field: 'email',
      issues: [{ field: 'email' }],
    });
  });

  it('says it is not connected when there is no transport', async () => {
    await expect(call('app.info')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('the HTTP transport', () => {
  it('posts JSON with the bearer token to /api/<method>', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: 1 } satisfies ApiResult<number>));
    }) as typeof fetch;
    const result = await httpTransport('secret-token-1234567', fakeFetch)('settings.update', {
      phone: '1',
    });
    expect(result).toEqual({ ok: true, value: 1 });
    expect(requests[0]!.url).toBe('/api/settings.update');
    expect(requests[0]!.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret-token-1234567' },
      body: '{"phone":"1"}',
    });
  });

  it('turns a dead server into a kind error rather than a crash', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await httpTransport('t', failing)('app.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Goodwill is not answering. Is it still running?' },
    });
  });

  it('reports an answer that is not JSON', async () => {
    const html = (async () =>
      new Response('<html>proxy error</html>', { status: 502 })) as typeof fetch;
    expect(await httpTransport('t', html)('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('502') },
    });
  });
});
