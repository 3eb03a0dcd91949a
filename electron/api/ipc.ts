/** The registry over Electron IPC: one channel per method, only for the app's own frame. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../shared/api/errors';
import type { ApiHost } from './register';

export const ipcChannelPrefix = 'goodwill:';

export function ipcChannelOf(method: string): string {
  return `${ipcChannelPrefix}${method}`;
}

const forbidden: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only the Goodwill window may call this.' },
};

export function ipcHost(
  ipc: Pick<IpcMain, 'handle'>,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): ApiHost {
  return {
    handle(method, handler) {
      ipc.handle(ipcChannelOf(method), (event, input: unknown) =>
        isTrustedSender(event) ? handler(input) : forbidden,
      );
    },
  };
}
