/**
 * Writes a CSV file from its records (shared/exports/csv-cells.ts `csvRecords`) a chunk at a
 * time, so neither the rows nor the text of a large export are ever held whole. Records are
 * gathered into chunks of about 64 KB (one write per record would cost more in calls than in
 * bytes), and the writer waits whenever the disk is behind, which also lets the app answer
 * other requests while a long export runs. A file that fails half-way is removed.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const chunkChars = 64 * 1024;

/** Writes `records` to a new file at `path` (never over an existing one); returns its size. */
export async function writeCsvFile(path: string, records: Iterable<string>): Promise<number> {
  // Up to 1 MB queued before waiting: computing the next records overlaps the disk's work.
  const out = createWriteStream(path, { flags: 'wx', highWaterMark: 1024 * 1024 });
  // Not ours to remove if it could not be made (one already there, say).
  await once(out, 'open');
  // A failed write also rejects the `drain` or `finished` awaited below, which is where it is
  // handled; this listener only keeps it from being an uncaught error meanwhile.
  out.on('error', () => undefined);
  try {
    let chunk = '';
    for (const record of records) {
      chunk += record;
      if (chunk.length >= chunkChars) {
        const more = out.write(chunk);
        chunk = '';
        if (!more) await once(out, 'drain');
      }
    }
    out.end(chunk);
    await finished(out);
    return out.bytesWritten;
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
}
