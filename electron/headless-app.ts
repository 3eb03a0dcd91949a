/** Headless mode as a function: every service, and the HTTP server in front of them. */
import type { Clock } from '../shared/dates';
import { createMethodTable, registerApi } from './api/register';
import { startHttpServer, type RunningServer } from './api/http';
import { createApp, type AppCore } from './app';
import type { Logger } from './logger';
import type { BusinessSettings } from '../shared/settings';

export interface Headless {
  app: AppCore;
  server: RunningServer;
  /** Stops taking requests, lets those in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export async function startHeadless(options: {
  dataDir: string;
  port: number;
  token: string;
  staticDir: string;
  clock: Clock;
  log: Logger;
  defaults?: BusinessSettings;
}): Promise<Headless> {
  const app = await createApp({
    dataDir: options.dataDir,
    clock: options.clock,
    mode: 'headless',
    log: options.log,
    ...(options.defaults ? { defaults: options.defaults } : {}),
  });
  const table = createMethodTable();
  registerApi(table, app.services, options.log);
  let server: RunningServer;
  try {
    server = await startHttpServer({
      table,
      token: options.token,
      staticDir: options.staticDir,
      port: options.port,
      log: options.log,
      downloads: app.downloads,
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    app,
    server,
    stop() {
      stopping ??= server.close().then(() => app.close());
      return stopping;
    },
  };
}
