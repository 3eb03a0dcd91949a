import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir';
import { finishBackupCopy } from './backup-check';

const tempDir = useTempDirs();

describe('finishing a backup copy in a worker thread', () => {
  it('folds a WAL copy into one file and passes a sound one', async () => {
    const file = join(await tempDir(), 'copy.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);');
    db.close();
    await finishBackupCopy(file);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(reopened.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    reopened.close();
  });

  it('refuses a file that is not a sound database', async () => {
    const file = join(await tempDir(), 'broken.db');
    await writeFile(file, Buffer.alloc(8192, 7));
    await expect(finishBackupCopy(file)).rejects.toThrow(/backup/);
  });
});
