import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { createApp } from '../app';
import { createMemoryLogger } from '../logger';
import { blankBusiness } from '../testing/business';
import { manualClock, useTempDirs } from '../testing/temp-dir';
import { createMethodTable, registerApi } from './register';

const tempDir = useTempDirs();

const defaults = blankBusiness;

async function api() {
  const log = createMemoryLogger();
  const app = await createApp({
    dataDir: await tempDir(),
    clock: manualClock('2027-03-15T09:00:00Z'),
    mode: 'headless',
    log,
    defaults,
  });
  const table = createMethodTable();
  registerApi(table, app.services, log);
  const callRaw = (method: (typeof methodNames)[number], input: unknown) =>
    table.get(method)!(input);
  const eventCount = async () =>
    (
      await app.connection.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return { app, log, table, callRaw, eventCount };
}

describe('the API registry', () => {
  it('serves every method of the contract', async () => {
    const { app, table } = await api();
    expect(table.methods()).toEqual(methodNames);
    await app.close();
  });

  it('validates input before a service sees it, and writes nothing on bad input', async () => {
    const { app, callRaw, eventCount } = await api();
    const result = await callRaw('settings.update', {
      email: 'not-an-address',
      phone: '01632 960 001',
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_input', field: 'email' }),
    });
    const after = await callRaw('settings.get', {});
    expect(after).toMatchObject({ ok: true, value: { phone: '', email: '' } });
    expect(await eventCount()).toBe(0);
    await app.close();
  });

  it.each([null, 'text', 42, [], { extra: true }])(
    'refuses %j as input to settings.get',
    async (input) => {
      const { app, callRaw } = await api();
      expect(await callRaw('settings.get', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      await app.close();
    },
  );

  it('lets a method without input be called with nothing', async () => {
    const { app, callRaw } = await api();
    expect(await callRaw('app.info', undefined)).toMatchObject({
      ok: true,
      value: {
        name: 'Goodwill',
        mode: 'headless',
        today: '2027-03-15',
        now: '2027-03-15T09:00:00.000Z',
      },
    });
    await app.close();
  });

  it('passes a service refusal through as data', async () => {
    const { app, log } = await api();
    const table = createMethodTable();
    registerApi(
      table,
      {
        ...app.services,
        settings: {
          ...app.services.settings,
          update: async () => {
            throw new AppError('conflict', 'Someone else changed this first.', 'email');
          },
        },
      },
      log,
    );
    expect(await table.get('settings.update')!({ phone: '1' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Someone else changed this first.', field: 'email' },
    });
    await app.close();
  });

  it('turns an unexpected failure into `internal`, logging the stack but never returning it', async () => {
    const { app, log } = await api();
    const table = createMethodTable();
    registerApi(
      table,
      {
        ...app.services,
        app: {
          info: async () => {
            throw new Error('disk on fire at /secret/path');
          },
        },
      },
      log,
    );
    const result = await table.get('app.info')!({});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' },
    });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(log.lines.join('\n')).toMatch(
      /app\.info failed\nError: disk on fire[\s\S]*register\.test\.ts/,
    );
    await app.close();
  });
});
