/**
 * Binds every method of the contract to its service, with validation first. The same
 * registry is adapted to Electron's IPC and to the headless HTTP server, so both transports
 * behave the same and the whole API is testable without Electron.
 */
import { contract, methodNames, type MethodName, type OutputOf } from '../../shared/api/contract';
import { AppError, invalidInputError, type ApiResult } from '../../shared/api/errors';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { createHandlers, type Handlers } from './handlers';

export type MethodHandler = (input: unknown) => Promise<ApiResult<unknown>>;

/** Whatever can serve a method by name: `ipcMain`, the HTTP server, a test. */
export interface ApiHost {
  handle(method: MethodName, handler: MethodHandler): void;
}

async function invoke<M extends MethodName>(
  name: M,
  handlers: Handlers,
  input: unknown,
  log: Logger,
): Promise<ApiResult<OutputOf<M>>> {
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalidInputError(parsed.error) };
  try {
    const handler = handlers[name] as (input: unknown) => Promise<OutputOf<M>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        },
      };
    }
    // The stack stays here in the log; the caller learns only that something went wrong.
    log.error(`${name} failed`, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' },
    };
  }
}

export function registerApi(host: ApiHost, services: Services, log: Logger): void {
  const handlers = createHandlers(services);
  for (const name of methodNames) {
    host.handle(name, (input) => invoke(name, handlers, input, log));
  }
}

/** A host that keeps the handlers in a map: what the HTTP server and tests dispatch through. */
export interface MethodTable extends ApiHost {
  get(method: MethodName): MethodHandler | undefined;
  methods(): MethodName[];
}

export function createMethodTable(): MethodTable {
  const table = new Map<MethodName, MethodHandler>();
  return {
    handle(method: MethodName, handler: MethodHandler) {
      table.set(method, handler);
    },
    get(method: MethodName): MethodHandler | undefined {
      return table.get(method);
    },
    methods(): MethodName[] {
      return [...table.keys()].sort();
    },
  };
}
