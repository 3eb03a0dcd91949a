/**
 * Reads a PDF back the way a person (or an accounts clerk's tools) would, with poppler's
 * pdftotext and pdfinfo: tests assume poppler-utils is installed (CI installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'goodwill-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The text of each page, laid out as printed. No-break spaces (Intl puts them in "KWD 1.235")
 * become plain spaces, so expectations can be written plainly.
 */
export function pdfPages(pdf: Buffer): Promise<string[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    return stdout
      .replace(/[\u00a0\u202f]/g, ' ')
      .split('\f')
      .slice(0, -1);
  });
}

/** The fields pdfinfo reports ("Pages", "Page size", "Title", ...). */
export function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file], { encoding: 'utf8' });
    return Object.fromEntries(
      stdout
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1]!, match[2]!.trim()]),
    );
  });
}
