import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, onboardThroughApi, test } from './fixtures';
import { removeDataDir, startHeadlessProcess } from './headless-process';

test('headless mode closes cleanly on SIGTERM, leaving one consistent database file', async () => {
  const server = await startHeadlessProcess();
  try {
    await onboardThroughApi(server);
    expect(await server.stop()).toBe(0);
    const file = join(server.dataDir, 'goodwill.db');
    // Checkpointed and closed: no write-ahead log left beside the database.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT business_name FROM settings').pluck().get()).toBe('Jones Plumbing');
    db.close();
    // The daily backup was made at start.
    expect(await readdir(join(server.dataDir, 'backups'))).toEqual([
      expect.stringMatching(/^goodwill-daily-2027-03-15-.*\.db$/),
    ]);
  } finally {
    await server.stop();
    await removeDataDir(server.dataDir);
  }
});

test('headless mode refuses to start on a bad option, saying why', async () => {
  await expect(startHeadlessProcess({ env: { GOODWILL_NOW: 'next tuesday' } })).rejects.toThrow(
    /GOODWILL_NOW must be an ISO 8601 instant/,
  );
});
