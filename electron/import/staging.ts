/**
 * Files sent ahead in pieces (headless mode: one HTTP request is at most 1 MiB), kept in the
 * data folder until imported. Pieces must arrive in order: a piece whose offset is not the
 * file's current size is refused, so a lost or repeated piece is noticed, not glued in.
 */
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { maxImportBytes } from '../../shared/api/imports';

export function createStaging(folder: string) {
  const pathOf = (uploadId: string) => join(folder, `${uploadId}.csv`);
  const sizeOf = async (uploadId: string) => {
    try {
      return (await stat(pathOf(uploadId))).size;
    } catch {
      return null;
    }
  };

  return {
    async append(uploadId: string, offset: number, base64: string) {
      await mkdir(folder, { recursive: true });
      const size = (await sizeOf(uploadId)) ?? 0;
      if (offset === 0 && size > 0) await rm(pathOf(uploadId));
      else if (offset !== size) {
        throw new AppError(
          'conflict',
          `This piece starts at byte ${offset}, but ${size} bytes have arrived; please send the file again.`,
          'offset',
        );
      }
      const bytes = Buffer.from(base64, 'base64');
      if (offset + bytes.length > maxImportBytes) {
        throw new AppError('invalid_input', 'This file is too large to import.', 'base64');
      }
      const handle = await open(pathOf(uploadId), 'a');
      try {
        await handle.write(bytes);
      } finally {
        await handle.close();
      }
      return { uploadId, bytes: offset + bytes.length };
    },
    async path(uploadId: string): Promise<string> {
      if ((await sizeOf(uploadId)) === null) {
        throw new AppError(
          'not_found',
          'That upload is not here; please send the file again.',
          'uploadId',
        );
      }
      return pathOf(uploadId);
    },
    async remove(uploadId: string) {
      await rm(pathOf(uploadId), { force: true });
    },
  };
}

export type Staging = ReturnType<typeof createStaging>;
