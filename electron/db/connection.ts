/** Opens the ledger: one SQLite file, through better-sqlite3, typed by Kysely. */
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { GuardedKysely, GuardedSqliteDialect } from './transaction-guard';

export interface Connection {
  /** The typed query builder every repository uses. */
  db: Kysely<DB>;
  /** The raw handle, for what Kysely does not cover: online backups, pragmas, closing. */
  sqlite: Database.Database;
}

export function openConnection(file: string): Connection {
  const sqlite = new Database(file);
  // WAL lets readers and the single writer work side by side and survives app crashes.
  sqlite.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit. NORMAL can lose the last commits on a power cut,
  // and a lost "sent" mark would mean a reminder sent twice. It costs about 0.2 ms a
  // commit here (../shared/reference), which nobody notices at a ledger's write rate.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (a backup tool, a second window) may hold the lock briefly: wait.
  sqlite.pragma('busy_timeout = 5000');
  // A query on `db` inside a transaction throws rather than hangs (transaction-guard.ts).
  const db = new GuardedKysely<DB>({ dialect: new GuardedSqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}

/** Closes cleanly: the WAL is checkpointed into the main file so one file holds everything. */
export async function closeConnection(connection: Connection): Promise<void> {
  if (connection.sqlite.open) connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // Kysely's SQLite dialect closes the better-sqlite3 handle when destroyed.
  await connection.db.destroy();
}
