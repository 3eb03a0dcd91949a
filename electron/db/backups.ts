/**
 * Copies of the database in `backups/` beside it, made with SQLite's online backup API (the
 * app keeps working while it runs). Two kinds, each kept to the newest 14:
 * - daily: at most one a day, made at start and checked hourly while the app runs;
 * - before a migration: made just before pending migrations change the schema.
 * Each copy is written under a temporary name, checked, then renamed, so a crash never
 * leaves a half-written file that looks like a backup.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { finishBackupCopy } from './backup-check';
import type { Clock } from '../../shared/dates';

export const backupsToKeep = 14;

type BackupKind = 'daily' | 'pre-migration';

export interface BackupService {
  folder: string;
  /** Makes today's daily backup unless one exists; returns its path, or null if not due. */
  dailyIfDue(): Promise<string | null>;
  beforeMigration(firstPending: string): Promise<string>;
  list(): Promise<string[]>;
}

function stampOf(instant: Date): string {
  // 2026-11-24T21:05:09.123Z → 20261124T210509123Z: sorts by time and is safe in file names.
  return instant.toISOString().replace(/[-:.]/g, '');
}

export function createBackupService(options: {
  sqlite: Database.Database;
  folder: string;
  clock: Clock;
  keep?: number;
}): BackupService {
  const { sqlite, folder, clock } = options;
  const keep = options.keep ?? backupsToKeep;

  const filesOfKind = async (kind: BackupKind) =>
    (await readdir(folder).catch(() => [] as string[]))
      .filter((name) => name.startsWith(`goodwill-${kind}-`) && name.endsWith('.db'))
      .sort();

  async function make(kind: BackupKind, label: string): Promise<string> {
    await mkdir(folder, { recursive: true });
    const file = join(folder, `goodwill-${kind}-${label}.db`);
    const partial = `${file}.partial`;
    await sqlite.backup(partial);
    // The copy keeps the WAL mode of its source; switching it to a rollback journal folds it
    // into one self-contained file, with no -wal or -shm beside it. Then it is checked; both
    // run in a worker thread (backup-check.ts).
    try {
      await finishBackupCopy(partial);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    await rename(partial, file);
    const old = (await filesOfKind(kind)).slice(0, -keep);
    await Promise.all(old.map((name) => rm(join(folder, name), { force: true })));
    return file;
  }

  return {
    folder,
    async dailyIfDue() {
      const day = clock.now().toISOString().slice(0, 10);
      const existing = await filesOfKind('daily');
      if (existing.some((name) => name.startsWith(`goodwill-daily-${day}`))) return null;
      return make('daily', `${day}-${stampOf(clock.now()).slice(9)}`);
    },
    beforeMigration(firstPending) {
      return make('pre-migration', `${stampOf(clock.now())}-before-${firstPending}`);
    },
    async list() {
      return [...(await filesOfKind('daily')), ...(await filesOfKind('pre-migration'))];
    },
  };
}
