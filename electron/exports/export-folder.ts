/**
 * The data folder's `exports/`: where an export is written before it is downloaded (headless)
 * or moved to where the owner saves it (desktop). Files here live a few minutes at most; any
 * older one was left by a download never fetched or an app that stopped, and is removed.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const exportFolderName = 'exports';

/** Older than this, a file in the folder is nobody's. */
export const staleExportMs = 60 * 60 * 1000;

/** A fresh path in the folder (made if need be) for one export. */
export async function newExportPath(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  return join(folder, `${randomUUID()}.csv`);
}

/** Removes files older than `olderThanMs`; returns how many. The wall clock, as file times are. */
export async function sweepExportFolder(
  folder: string,
  olderThanMs = staleExportMs,
  now = Date.now(),
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * Moves a file. On another disk (a USB stick, a network share), where a rename cannot go, it
 * is copied beside the target under a name of its own and then renamed into place: a copy
 * that fails part way (a full disk) leaves neither a half file nor a lost one at the target.
 */
export async function moveFile(
  from: string,
  to: string,
  fs: {
    rename: (from: string, to: string) => Promise<void>;
    copyFile: (from: string, to: string) => Promise<void>;
  } = { rename, copyFile },
): Promise<void> {
  try {
    await fs.rename(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  const beside = join(dirname(to), `.${basename(to)}.${randomUUID()}.part`);
  try {
    await fs.copyFile(from, beside);
    await fs.rename(beside, to);
  } catch (error) {
    await rm(beside, { force: true });
    throw error;
  }
  await rm(from, { force: true });
}
