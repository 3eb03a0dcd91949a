/**
 * A read-only connection of its own for one export. While better-sqlite3 iterates a statement,
 * its connection can run no writes, and an export of the whole ledger takes a while: on the
 * app's connection, every save made meanwhile would fail. This one reads the same file beside
 * it (WAL lets readers and the writer work side by side), inside one read transaction, so every
 * file of the export is one consistent snapshot, whatever is saved while it is written.
 */
import Database from 'better-sqlite3';

export interface ExportReader {
  sqlite: Database.Database;
  /** Ends the snapshot and closes the connection; safe to call twice. */
  close(): void;
}

export function openExportReader(databaseFile: string): ExportReader {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // Deferred: the snapshot is taken by the first read and kept until the end.
    sqlite.exec('BEGIN');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    sqlite,
    close() {
      if (!sqlite.open) return;
      // Closed whatever the COMMIT does: an open handle would keep its snapshot, and the WAL
      // could not be checkpointed past it.
      try {
        if (sqlite.inTransaction) sqlite.exec('COMMIT');
      } finally {
        sqlite.close();
      }
    },
  };
}
