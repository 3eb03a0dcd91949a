/** Options of headless mode, from flags first, then the environment, then defaults. */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './paths';

export interface HeadlessOptions {
  dataDir: string;
  port: number;
  token: string;
  help: boolean;
}

export const headlessUsage = `Usage: npm run headless -- [options]

Runs Goodwill without its desktop window and serves it to a browser on this computer.

  --data-dir <folder>  where the ledger lives (GOODWILL_DATA_DIR; default: the app's data folder)
  --port <number>      the port on 127.0.0.1; 0 picks a free one (GOODWILL_PORT; default 0)
  --token <secret>     the access token, 16+ letters, digits, - or _ (GOODWILL_TOKEN; default: new each run)
  GOODWILL_NOW=2027-03-15T09:00:00Z pins the clock for demos and tests.`;

export class OptionsError extends Error {
  override name = 'OptionsError';
}

export function parseHeadlessOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): HeadlessOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new OptionsError(`${(error as Error).message}\n\n${headlessUsage}`);
  }

  const portText = values.port ?? env.GOODWILL_PORT ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new OptionsError(`--port must be a whole number from 0 to 65535 (got "${portText}").`);
  }

  const token = values.token ?? env.GOODWILL_TOKEN ?? randomBytes(24).toString('base64url');
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(token)) {
    throw new OptionsError(
      '--token must be 16 to 256 letters, digits, "-" or "_", so it cannot be guessed.',
    );
  }

  const dataDir = values['data-dir'] ?? env.GOODWILL_DATA_DIR;
  return {
    dataDir: resolve(dataDir || defaultDataDir(platform, env, homedir())),
    port,
    token,
    help: values.help ?? false,
  };
}
