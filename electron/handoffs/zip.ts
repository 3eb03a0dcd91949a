/** A zip made in memory with yazl: the dossier is a few files of a few hundred KB at most. */
import { ZipFile } from 'yazl';

export function zipFiles(
  files: readonly { name: string; content: Buffer | string }[],
  modified: Date,
): Promise<Buffer> {
  const zip = new ZipFile();
  for (const file of files) {
    const content =
      typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    zip.addBuffer(content, file.name, { mtime: modified });
  }
  zip.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
