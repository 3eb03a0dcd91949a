import { copyFile, readdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir';
import { moveFile, newExportPath, sweepExportFolder } from './export-folder';

const tempDir = useTempDirs();

describe('the exports folder', () => {
  it('gives each export a path of its own, making the folder', async () => {
    const folder = join(await tempDir(), 'exports');
    const [a, b] = [await newExportPath(folder), await newExportPath(folder)];
    expect(a).not.toBe(b);
    expect(a.startsWith(folder)).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it('removes only what is older than the limit', async () => {
    const folder = await tempDir();
    const now = Date.now();
    await writeFile(join(folder, 'old.csv'), 'x');
    await writeFile(join(folder, 'new.csv'), 'x');
    const twoHoursAgo = new Date(now - 2 * 60 * 60 * 1000);
    await utimes(join(folder, 'old.csv'), twoHoursAgo, twoHoursAgo);
    expect(await sweepExportFolder(folder, 60 * 60 * 1000, now)).toBe(1);
    expect(await readdir(folder)).toEqual(['new.csv']);
    expect(await sweepExportFolder(join(folder, 'not-there'))).toBe(0);
  });

  it('moves a file where the owner chose', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'a.csv'), 'a,b\r\n');
    await moveFile(join(folder, 'a.csv'), join(folder, 'Goodwill customers.csv'));
    expect(await readdir(folder)).toEqual(['Goodwill customers.csv']);
    expect(await readFile(join(folder, 'Goodwill customers.csv'), 'utf8')).toBe('a,b\r\n');
  });

  it('to another disk, copies beside the target and renames it in; a copy that fails leaves the old file whole', async () => {
    const from = join(await tempDir(), 'export.csv');
    const target = join(await tempDir(), 'Goodwill invoices.csv');
    await writeFile(from, 'new,file\r\n');
    await writeFile(target, 'the file the owner agreed to replace\r\n');
    const acrossDisks = {
      // The first rename is the one across disks; the one beside the target is not.
      rename: async (a: string, b: string) => {
        if (a === from) throw Object.assign(new Error('cross-device link'), { code: 'EXDEV' });
        await rename(a, b);
      },
    };
    // The disk fills part way through the copy.
    const fullDisk = async (a: string, b: string) => {
      await writeFile(b, 'new,fi');
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    await expect(
      moveFile(from, target, { ...acrossDisks, copyFile: fullDisk }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('the file the owner agreed to replace\r\n');
    expect(await readdir(join(target, '..'))).toEqual(['Goodwill invoices.csv']);
    expect(await readFile(from, 'utf8')).toBe('new,file\r\n');

    await moveFile(from, target, { ...acrossDisks, copyFile });
    expect(await readFile(target, 'utf8')).toBe('new,file\r\n');
    expect(await readdir(join(target, '..'))).toEqual(['Goodwill invoices.csv']);
    expect(await readdir(join(from, '..'))).toEqual([]);
  });
});
