/**
 * Reading a CSV file as its rows, streamed (a 100,000-invoice export is never held whole).
 * A first pass takes its checksum and finds its encoding: UTF-8 when every byte sequence is
 * valid UTF-8, else Windows-1252 (what Excel's "CSV" save writes on Windows); NUL bytes mean
 * it is not a text file at all. The separator (comma, semicolon or tab) is read from the
 * first lines. Parsing is csv-parse's: BOM, CRLF, quoted newlines; rows of any width are
 * handed on for the planner to judge.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/api/errors';

export type FileInput = { path: string } | { text: string };

export interface FileFacts {
  checksum: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  bytes: number;
}

const sniffBytes = 64 * 1024;

function bytesOf(input: FileInput): Readable {
  return 'path' in input
    ? createReadStream(input.path, { highWaterMark: 256 * 1024 })
    : Readable.from([Buffer.from(input.text, 'utf8')]);
}

/** The separator used most on the first lines, counting only outside quotes. */
export function sniffDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 10);
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  for (const line of lines) {
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    }
  }
  let best = ',';
  for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
  return best;
}

const notText = () =>
  new AppError(
    'invalid_input',
    'This file does not look like a CSV file (it holds binary data). Please export a CSV and try again.',
    'file',
  );

export async function inspectFile(input: FileInput): Promise<FileFacts> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let bytes = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  for await (const chunk of bytesOf(input)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    if (headBytes < sniffBytes) {
      head.push(buffer);
      headBytes += buffer.length;
    }
    if (valid) {
      try {
        utf8.decode(buffer, { stream: true });
      } catch {
        valid = false;
      }
    }
  }
  if (valid) {
    try {
      utf8.decode();
    } catch {
      valid = false;
    }
  }
  const start = Buffer.concat(head).subarray(0, sniffBytes);
  if (start.includes(0)) throw notText();
  const encoding = valid ? 'utf-8' : 'windows-1252';
  const text = valid ? start.toString('utf8') : iconv.decode(start, 'win1252');
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new AppError('invalid_input', 'This file is empty: there is nothing to import.', 'file');
  }
  // Control characters other than tab and line ends: another sign of a binary file.
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) controls += 1;
  }
  if (controls > text.length / 100) throw notText();
  return {
    checksum: hash.digest('hex'),
    encoding,
    delimiter: sniffDelimiter(text.replace(/^\uFEFF/, '')),
    bytes,
  };
}

export interface CsvRow {
  cells: string[];
  /** As a spreadsheet numbers it: 1 is the first row. */
  row: number;
}

/**
 * The file's rows in order. `onBytes` hears how far through the file the reading is.
 * Stops early (and closes the file) when the caller stops iterating.
 */
export async function* readRows(
  input: FileInput,
  facts: FileFacts,
  onBytes?: (read: number) => void,
): AsyncGenerator<CsvRow> {
  const source = bytesOf(input);
  let read = 0;
  source.on('data', (chunk: Buffer) => {
    read += chunk.length;
    onBytes?.(read);
  });
  const decoded = facts.encoding === 'utf-8' ? source : source.pipe(iconv.decodeStream('win1252'));
  const parser = decoded.pipe(
    parse({
      bom: true,
      delimiter: facts.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { cells, row };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new AppError(
      'invalid_input',
      `The file could not be read as CSV${line ? ` near line ${line}` : ''}: a quote may be missing.`,
      'file',
    );
  } finally {
    source.destroy();
    parser.destroy();
  }
}
