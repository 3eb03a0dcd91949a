/**
 * The renderer's one way to reach the app: `call(method, input)`, typed from the contract.
 * The transport is chosen once at start: the preload bridge in Electron, HTTP in a browser.
 */
import type { Bridge, CallArgs, MethodName, OutputOf } from '../shared/api/contract';
import type { ApiError, ApiResult, ErrorCode, FieldIssue } from '../shared/api/errors';

export type Transport = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/** A failed call, with the code and the fields at fault. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: FieldIssue[];

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
    this.issues =
      error.issues ?? (error.field ? [{ field: error.field, message: error.message }] : []);
  }
}

export function bridgeTransport(bridge: Bridge): Transport {
  return (method, input) =>
    (bridge[method] as (input: unknown) => Promise<ApiResult<unknown>>)(input);
}

export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'Goodwill is not answering. Is it still running?' },
      };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Goodwill answered in a way we did not expect (${response.status}).`,
        },
      };
    }
  };
}

const tokenKey = 'goodwill.token';

/**
 * The headless token arrives in the address's fragment (never sent to the server). It is
 * kept for this tab only, and taken out of the address bar so it is not shared by accident.
 */
export function tokenFromLocation(win: Window): string | null {
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem(tokenKey, fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return fromHash;
  }
  return win.sessionStorage.getItem(tokenKey);
}

export function pickTransport(win: Window): Transport | null {
  if (win.goodwill) return bridgeTransport(win.goodwill);
  const token = tokenFromLocation(win);
  return token ? httpTransport(token) : null;
}

let transport: Transport | null = null;

export function setTransport(next: Transport | null): void {
  transport = next;
}

export async function call<M extends MethodName>(
  method: M,
  ...args: CallArgs<M>
): Promise<OutputOf<M>> {
  if (!transport) {
    throw new ApiCallError({ code: 'unauthorized', message: 'Goodwill is not connected.' });
  }
  const result = await transport(method, args[0]);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as OutputOf<M>;
}
