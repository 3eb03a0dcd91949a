/**
 * Large files: a 50 MB export is read streamed (the memory it takes stays far below its
 * size), 100,000 invoices import in one transaction with progress along the way, and an
 * import cancelled midway leaves nothing behind. Memory is measured, never time.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgress, ImportRecord } from '../../shared/api/imports';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** Writes `rows` invoices for `customers` customers; `padding` characters of notes per row. */
async function writeExport(path: string, rows: number, customers: number, padding = 0) {
  const out = createWriteStream(path);
  const notes = 'x'.repeat(padding);
  out.write('Customer,Invoice number,Date,Due date,Total,Paid,Notes\n');
  for (let i = 0; i < rows; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const line = `Customer ${i % customers},N-${i},2026-01-${day},2026-02-${day},${(i % 500) + 1}.${String(i % 100).padStart(2, '0')},${i % 3 === 0 ? '1.00' : '0.00'},"${notes}"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Samples heap and buffer memory until `work` settles; returns the peak growth in bytes. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, used()) - base;
}

describe('large files', () => {
  it('read a 50 MB export streamed: the memory it takes stays far below its size', async () => {
    const dir = await tempDir();
    const ledger = await startLedgerApp(dir);
    const path = join(dir, 'big.csv');
    // 25,000 rows of about 2 KB each: 50 MB, most of it a notes column nobody maps.
    await writeExport(path, 25_000, 500, 2_000);
    let preview: ImportPreview | undefined;
    const growth = await peakGrowth(async () => {
      preview = await ledger.ok<ImportPreview>('import.preview', { path });
    });
    expect(preview!.counts.invoices.created).toBe(25_000);
    expect(preview!.counts.customers.created).toBe(500);
    // Holding the file would take 50 MB as bytes and 100 MB more as a string: reading it
    // streamed takes well under half of that (the plan of 25,000 invoices included).
    expect(growth).toBeLessThan(75 * 1024 * 1024);
    await ledger.app.close();
  }, 120_000);

  it('import 100,000 invoices in one transaction, with progress, and cancel one midway leaving nothing', async () => {
    const dir = await tempDir();
    const ledger = await startLedgerApp(dir);
    const path = join(dir, 'hundred-thousand.csv');
    await writeExport(path, 100_000, 5_000);
    const before = ledger.fingerprint();

    // Cancelled once writing has begun: the transaction rolls back, nothing is left.
    const cancelled = ledger.call('import.commit', { path, jobId: 'cancel-me-please' });
    let progress: ImportProgress | null = null;
    while (!(progress?.phase === 'writing' && progress.rows >= 2_000)) {
      await new Promise((resolve) => setImmediate(resolve));
      progress = await ledger.ok<ImportProgress | null>('import.progress', {
        jobId: 'cancel-me-please',
      });
      if (progress?.phase === 'done' || progress?.phase === 'failed') break;
    }
    expect(progress?.phase).toBe('writing');
    await ledger.ok('import.cancel', { jobId: 'cancel-me-please' });
    expect(await cancelled).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('cancelled') },
    });
    expect(
      await ledger.ok<ImportProgress>('import.progress', { jobId: 'cancel-me-please' }),
    ).toMatchObject({ phase: 'cancelled' });
    expect(ledger.fingerprint()).toBe(before);

    // Then the whole file.
    const record = await ledger.ok<ImportRecord>('import.commit', { path, jobId: 'all-of-it' });
    expect(record.counts.invoices.created).toBe(100_000);
    expect(record.counts.customers.created).toBe(5_000);
    const done = await ledger.ok<ImportProgress>('import.progress', { jobId: 'all-of-it' });
    expect(done).toMatchObject({ phase: 'done', rows: expect.any(Number) });
    expect(done.rowsPerSecond).toBeGreaterThan(0);
    const db = ledger.app.connection.sqlite;
    const figures = db
      .prepare(
        'SELECT count(*) AS invoices, sum(total_amount) AS total, sum(settled_amount) AS settled FROM invoices',
      )
      .get();
    // Totals: for i in 0..99,999, (i % 500) + 1 + (i % 100) / 100; paid 1.00 on every third.
    let total = 0;
    let paid = 0;
    for (let i = 0; i < 100_000; i += 1) {
      total += ((i % 500) + 1) * 100 + (i % 100);
      if (i % 3 === 0) paid += 100;
    }
    expect(figures).toEqual({ invoices: 100_000, total, settled: paid });
    await ledger.app.close();
  }, 300_000);
});
