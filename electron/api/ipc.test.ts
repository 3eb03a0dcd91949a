import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../security';
import { ipcChannelOf, ipcHost } from './ipc';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown;

function fakeIpcMain() {
  const channels = new Map<string, Listener>();
  return {
    channels,
    handle: (channel: string, listener: Listener) => void channels.set(channel, listener),
  };
}

const eventFrom = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('the IPC adapter', () => {
  it('answers the app window on one channel per method', async () => {
    const ipc = fakeIpcMain();
    ipcHost(ipc, isTrustedSender).handle('settings.get', async (input) => ({
      ok: true,
      value: input,
    }));
    const listener = ipc.channels.get(ipcChannelOf('settings.get'))!;
    expect(await listener(eventFrom('goodwill://app/settings'), { a: 1 })).toEqual({
      ok: true,
      value: { a: 1 },
    });
  });

  it.each([
    ['another page', eventFrom('https://example.com/')],
    ['a look-alike host', eventFrom('goodwill://app.evil/')],
    ['an iframe inside the app', eventFrom('goodwill://app/', { url: 'goodwill://app/' })],
    ['a frame that is gone', { senderFrame: null } as unknown as IpcMainInvokeEvent],
  ])('refuses %s without calling the service', async (_name, event) => {
    const ipc = fakeIpcMain();
    let called = false;
    ipcHost(ipc, isTrustedSender).handle('settings.get', async () => {
      called = true;
      return { ok: true, value: null };
    });
    const result = await ipc.channels.get(ipcChannelOf('settings.get'))!(event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(called).toBe(false);
  });
});
