/**
 * The signed agreement the owner scans back in: what it is is decided by its first bytes
 * (a PDF, JPEG or PNG), never by its name; it is kept in the data folder under its SHA-256,
 * and read back only if it still matches.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { maxSignedAgreementBytes, type SignedAgreement } from '../../shared/api/plans';

type MediaType = SignedAgreement['mediaType'];

const signatures: { type: MediaType; extension: string; bytes: number[] }[] = [
  { type: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  {
    type: 'image/png',
    extension: 'png',
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  { type: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

export function mediaTypeOf(content: Buffer): { type: MediaType; extension: string } | null {
  const found = signatures.find((s) => s.bytes.every((byte, i) => content[i] === byte));
  return found ? { type: found.type, extension: found.extension } : null;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks the upload; refuses with the field and a plain reason. */
export function checkSignedUpload(contentBase64: string): {
  content: Buffer;
  mediaType: MediaType;
  extension: string;
  sha256: string;
} {
  const compact = contentBase64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !base64Pattern.test(compact)) {
    throw new AppError(
      'invalid_input',
      'The file did not arrive whole (it is not base64).',
      'contentBase64',
    );
  }
  const content = Buffer.from(compact, 'base64');
  if (content.length === 0) {
    throw new AppError('invalid_input', 'The file is empty.', 'contentBase64');
  }
  if (content.length > maxSignedAgreementBytes) {
    throw new AppError(
      'invalid_input',
      `The file is larger than 20 MB (${(content.length / 1024 / 1024).toFixed(1)} MB). A scan at 200 dpi, or a PDF, is usually much smaller.`,
      'contentBase64',
    );
  }
  const kind = mediaTypeOf(content);
  if (!kind) {
    throw new AppError(
      'invalid_input',
      'This file is not a PDF, JPEG or PNG, whatever its name says. Please attach the scan or photo of the signed agreement.',
      'contentBase64',
    );
  }
  return {
    content,
    mediaType: kind.type,
    extension: kind.extension,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** Writes the file (named by its checksum, so writing it twice is harmless); returns where, relative to the data folder. */
export async function storeSignedAgreement(
  dataDir: string,
  planId: number,
  upload: { content: Buffer; extension: string; sha256: string },
): Promise<string> {
  const storedAs = join('plans', `plan-${planId}`, `signed-${upload.sha256}.${upload.extension}`);
  const path = join(dataDir, storedAs);
  await mkdir(dirname(path), { recursive: true });
  // Whole or not at all: a crash mid-write leaves only the temporary file.
  const temporary = `${path}.part`;
  await writeFile(temporary, upload.content);
  await rename(temporary, path);
  return storedAs;
}

export async function readSignedAgreement(
  dataDir: string,
  stored: { storedAs: string; sha256: string },
): Promise<Buffer> {
  let content: Buffer;
  try {
    content = await readFile(join(dataDir, stored.storedAs));
  } catch {
    throw new AppError(
      'not_found',
      'The signed agreement is no longer in the data folder; please attach it again.',
      'planId',
    );
  }
  if (createHash('sha256').update(content).digest('hex') !== stored.sha256) {
    throw new AppError(
      'conflict',
      'The signed agreement in the data folder has changed since it was attached; please attach it again.',
      'planId',
    );
  }
  return content;
}
