import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../shared/api/contract';

// Electron cannot run here, so its two preload APIs are stood in for; what is checked is
// what the preload hands them.
const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: null };
    },
  },
}));

describe('the preload', () => {
  beforeEach(async () => {
    exposed.clear();
    invoked.length = 0;
    vi.resetModules();
    await import('./preload');
  });

  it('exposes window.goodwill and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['goodwill']);
  });

  it('offers exactly one function per API method', () => {
    const bridge = exposed.get('goodwill') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...methodNames].sort());
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends each call on its own channel, never a generic one', async () => {
    const bridge = exposed.get('goodwill') as Record<string, (input?: unknown) => Promise<unknown>>;
    await bridge['settings.update']!({ phone: '1' });
    await bridge['app.info']!();
    expect(invoked).toEqual([
      ['goodwill:settings.update', { phone: '1' }],
      ['goodwill:app.info', undefined],
    ]);
  });
});
