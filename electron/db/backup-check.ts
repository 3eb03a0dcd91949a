/**
 * Finishes a backup copy off the main thread: folds it into one self-contained file (rollback
 * journal instead of WAL) and runs SQLite's quick_check on it. On a ledger of a few hundred
 * megabytes the check reads every page (about a second here), which on the main thread would
 * hold up every request, the first screen included. A worker thread opens its own connection
 * to the copy, so the app's connection is never touched.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Evaluated as CommonJS in the worker; the driver is loaded by absolute path, so it works
// wherever the app runs from (a bundle, a packaged app, tests).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let result;
try {
  const copy = new Database(workerData.file);
  try {
    copy.pragma('journal_mode = DELETE');
    result = { check: copy.pragma('quick_check', { simple: true }) };
  } finally {
    copy.close();
  }
} catch (error) {
  result = { error: error && error.message ? error.message : String(error) };
}
parentPort.postMessage(result);
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Resolves when the copy is self-contained and passed its check; rejects otherwise. */
export function finishBackupCopy(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { file, driver } });
    worker.once('message', (result: { check?: unknown; error?: string }) => {
      if (result.error) reject(new Error(`The backup could not be checked: ${result.error}`));
      else if (result.check !== 'ok') {
        reject(new Error(`The backup failed its check: ${String(result.check)}`));
      } else resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The backup check stopped unexpectedly (${code}).`));
    });
  });
}
