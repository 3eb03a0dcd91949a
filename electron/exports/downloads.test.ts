import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadTicketPattern } from '../../shared/api/downloads';
import { useTempDirs } from '../testing/temp-dir';
import { createDownloads } from './downloads';

const tempDir = useTempDirs();

async function someFile(folder: string, name: string) {
  const path = join(folder, name);
  await writeFile(path, 'a,b\r\n');
  return { path, fileName: `${name} export.csv`, contentType: 'text/csv; charset=utf-8' };
}

describe('one-time downloads', () => {
  it('serves a file once, by a fresh unguessable ticket, and removes it when told', async () => {
    const folder = await tempDir();
    const downloads = createDownloads();
    const one = downloads.offer(await someFile(folder, 'one'));
    const two = downloads.offer(await someFile(folder, 'two'));
    expect(one).toMatch(downloadTicketPattern);
    expect(two).not.toBe(one);

    const taken = downloads.take(one)!;
    expect(taken).toMatchObject({ fileName: 'one export.csv', path: join(folder, 'one') });
    expect(downloads.take(one)).toBeUndefined();
    await taken.remove();
    expect(await readdir(folder)).toEqual(['two']);
    expect(downloads.take('A'.repeat(43))).toBeUndefined();
    expect(downloads.take('../two')).toBeUndefined();
    await downloads.close();
  });

  it('drops a ticket not taken in time, with its file', async () => {
    const folder = await tempDir();
    let now = 1000;
    const downloads = createDownloads({ lifetimeMs: 60_000, now: () => now });
    const ticket = downloads.offer(await someFile(folder, 'late'));
    now += 60_000;
    expect(downloads.take(ticket)).toBeUndefined();
    await expect.poll(() => readdir(folder)).toEqual([]);
    await downloads.close();
  });

  it('removes every file still waiting when closed', async () => {
    const folder = await tempDir();
    const downloads = createDownloads();
    const ticket = downloads.offer(await someFile(folder, 'waiting'));
    await downloads.close();
    expect(await readdir(folder)).toEqual([]);
    expect(downloads.take(ticket)).toBeUndefined();
  });
});
