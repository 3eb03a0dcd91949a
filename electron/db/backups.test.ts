import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { manualClock, useTempDirs } from '../testing/temp-dir';
import { createBackupService } from './backups';
import { closeConnection, openConnection } from './connection';
import { migrations } from './migrations';
import { migrate } from './migrator';

const tempDir = useTempDirs();

async function ledgerWithData() {
  const dir = await tempDir();
  const connection = openConnection(join(dir, 'goodwill.db'));
  const clock = manualClock('2027-03-15T09:00:00Z');
  await migrate(connection.db, migrations, { now: clock.now });
  connection.sqlite
    .prepare(
      "INSERT INTO events (occurred_at, kind, summary, details) VALUES (?, 'test', 'A row', '{}')",
    )
    .run(clock.now().toISOString());
  const backups = createBackupService({
    sqlite: connection.sqlite,
    folder: join(dir, 'backups'),
    clock,
  });
  return { dir, connection, clock, backups };
}

describe('backups', () => {
  it('make one self-contained, checked copy a day', async () => {
    const { dir, connection, clock, backups } = await ledgerWithData();
    const first = await backups.dailyIfDue();
    expect(first).not.toBeNull();
    clock.set('2027-03-15T18:00:00Z');
    expect(await backups.dailyIfDue()).toBeNull();
    clock.set('2027-03-16T08:00:00Z');
    expect(await backups.dailyIfDue()).not.toBeNull();

    const files = await readdir(join(dir, 'backups'));
    expect(files).toHaveLength(2);
    expect(files.every((name) => name.endsWith('.db'))).toBe(true);

    const copy = new Database(first!, { readonly: true });
    expect(copy.prepare('SELECT summary FROM events').pluck().all()).toEqual(['A row']);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    await closeConnection(connection);
  });

  it('keep the newest 14 daily copies', async () => {
    const { connection, clock, backups } = await ledgerWithData();
    for (let day = 0; day < 20; day += 1) {
      await backups.dailyIfDue();
      clock.advanceDays(1);
    }
    const kept = await backups.list();
    expect(kept).toHaveLength(14);
    expect(kept[0]).toContain('2027-03-21');
    expect(kept.at(-1)).toContain('2027-04-03');
    await closeConnection(connection);
  });

  it('keep copies made before migrations apart from the daily ones', async () => {
    const { connection, backups } = await ledgerWithData();
    await backups.dailyIfDue();
    const before = await backups.beforeMigration('0002_customers');
    expect(before).toMatch(/goodwill-pre-migration-.*-before-0002_customers\.db$/);
    expect(await backups.list()).toHaveLength(2);
    await closeConnection(connection);
  });
});
