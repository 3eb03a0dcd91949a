/** A whole app on a temp folder, its API table, and a fingerprint of every table. */
import { createHash } from 'node:crypto';
import type { MethodName } from '../../shared/api/contract';
import { createMethodTable, registerApi } from '../api/register';
import { createApp, type AppOptions } from '../app';
import { createMemoryLogger } from '../logger';
import { sampleBusiness } from './business';
import { manualClock } from './temp-dir';

export async function startLedgerApp(
  dataDir: string,
  now = '2027-03-15T09:00:00Z',
  /**
   * Where the SMTP password is kept, extra TLS trust for the mail server, and the desktop's
   * save dialog (headless when left out).
   */
  mail: Pick<AppOptions, 'secrets' | 'mailTls' | 'saveFileAs'> = {},
) {
  const clock = manualClock(now);
  const log = createMemoryLogger();
  const app = await createApp({
    dataDir,
    clock,
    mode: 'headless',
    log,
    defaults: sampleBusiness,
    // Tests drive the reminder engine themselves, so no tick writes between two assertions.
    reminderSchedule: false,
    // ... and drain the outbox themselves.
    mailer: false,
    ...mail,
  });
  await app.services.settings.completeOnboarding(sampleBusiness);
  const table = createMethodTable();
  registerApi(table, app.services, log);

  /** Calls a method as a transport would; returns the raw result. */
  const call = (method: MethodName, input: unknown) => table.get(method)!(input);
  /** Calls a method and returns its value, failing the test on an error. */
  async function ok<T = Record<string, unknown>>(method: MethodName, input: unknown): Promise<T> {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }
  /** A hash of every row of every table: equal before and after means nothing was written. */
  function fingerprint(): string {
    const hash = createHash('sha256');
    const tables = app.connection.sqlite
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    for (const name of tables) {
      hash.update(name);
      hash.update(
        JSON.stringify(
          app.connection.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all(),
        ),
      );
    }
    return hash.digest('hex');
  }
  return { app, clock, log, call, ok, fingerprint };
}
