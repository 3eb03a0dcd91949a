/**
 * Sends a picked file to Goodwill in pieces: one request may carry at most 1 MiB in headless
 * mode, and an export can be tens of megabytes. The bytes travel as they are (base64), so the
 * encoding is worked out on the other side, where Windows-1252 files are recognised.
 */
import { uploadChunkBytes } from '../../../shared/api/imports';
import { call } from '../../api';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

export function newJobId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export async function uploadFile(
  file: File,
  onProgress: (sent: number) => void,
  cancelled: () => boolean,
): Promise<string> {
  const uploadId = newJobId();
  for (let offset = 0; offset < file.size || offset === 0; offset += uploadChunkBytes) {
    if (cancelled()) throw new Error('cancelled');
    const piece = new Uint8Array(await file.slice(offset, offset + uploadChunkBytes).arrayBuffer());
    await call('import.upload', { uploadId, offset, base64: base64Of(piece) });
    onProgress(Math.min(file.size, offset + piece.length));
    if (file.size === 0) break;
  }
  return uploadId;
}
