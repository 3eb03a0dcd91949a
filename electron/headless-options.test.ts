import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { OptionsError, parseHeadlessOptions } from './headless-options';
import { appFolderName, defaultDataDir } from './paths';

describe('headless options', () => {
  it('take flags first, then the environment', () => {
    const env = {
      GOODWILL_DATA_DIR: '/from/env',
      GOODWILL_TOKEN: 'env-token-0123456789',
      GOODWILL_PORT: '5000',
    };
    expect(parseHeadlessOptions([], env)).toMatchObject({
      dataDir: '/from/env',
      token: 'env-token-0123456789',
      port: 5000,
    });
    expect(
      parseHeadlessOptions(
        ['--data-dir', '/from/flag', '--port', '0', '--token', 'flag-token-0123456789'],
        env,
      ),
    ).toMatchObject({ dataDir: '/from/flag', port: 0, token: 'flag-token-0123456789' });
  });

  it('make a new random token each run and use the app data folder by default', () => {
    const env = { HOME: '/home/sam' };
    const first = parseHeadlessOptions([], env, 'linux');
    const second = parseHeadlessOptions([], env, 'linux');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.port).toBe(0);
    expect(first.dataDir).toMatch(/Goodwill$/);
  });

  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--token', 'short']],
    [['--token', 'has spaces in it which are not allowed']],
    [['--colour', 'teal']],
  ])('refuse %j with a clear message', (argv) => {
    expect(() => parseHeadlessOptions(argv, {})).toThrow(OptionsError);
  });
});

describe('the default data folder', () => {
  it('is the one Electron derives from the product name, so both shells share a ledger', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      productName: string;
    };
    expect(pkg.productName).toBe(appFolderName);
  });

  it('is where Electron keeps app data on each system', () => {
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'C:\\Users\\sam'),
    ).toMatch(/AppData.Roaming.Goodwill$/);
    expect(defaultDataDir('darwin', {}, '/Users/sam')).toBe(
      '/Users/sam/Library/Application Support/Goodwill',
    );
    expect(defaultDataDir('linux', {}, '/home/sam')).toBe('/home/sam/.config/Goodwill');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/sam')).toBe('/xdg/Goodwill');
  });
});
