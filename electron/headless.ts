/**
 * `npm run headless`: Goodwill under plain Node, served to a browser on this computer.
 * Prints one line with the address to open; stops cleanly on Ctrl+C or SIGTERM.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clockFromEnv } from './clock';
import { startHeadless } from './headless-app';
import { headlessUsage, OptionsError, parseHeadlessOptions } from './headless-options';
import { MigrationError } from './db/migrator';
import { createConsoleLogger } from './logger';

async function main() {
  const log = createConsoleLogger();
  const options = parseHeadlessOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(headlessUsage);
    return;
  }
  const staticDir = fileURLToPath(new URL('../renderer', import.meta.url));
  if (!existsSync(staticDir)) {
    throw new OptionsError('The screens are not built yet: run `npm run build` first.');
  }
  const headless = await startHeadless({
    ...options,
    staticDir,
    clock: clockFromEnv(process.env),
    log,
  });
  console.log(`Goodwill is running at ${headless.server.url}`);

  const stop = (signal: string) => {
    log.info(`${signal}: closing Goodwill`);
    headless.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('Goodwill did not close cleanly', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Mistakes in how it was started, and a database it must not touch, are explained in words.
  if (error instanceof OptionsError || error instanceof MigrationError)
    console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
