/**
 * import.*: bringing customers, invoices and payments in from another program's CSV export.
 * A file is named by its path (Electron, tests), given as text (small files), or sent ahead
 * in pieces with `import.upload` (headless mode, where one request is limited to 1 MiB).
 */
import { z } from 'zod';
import type { DateOrder } from '../import/dates';
import { importFields, importKinds, type ColumnMapping, type ImportKind } from '../import/fields';
import { numberFormats, type NumberFormat } from '../import/numbers';
import type { CurrencyTotals, DateQuestion, NumberQuestion, RowIssue } from '../import/plan';
import { currencyCode, id, text } from './fields';
import { emptyInput, method } from './method';

/** One upload piece: well under the HTTP adapter's 1 MiB body once base64-encoded. */
export const uploadChunkBytes = 512 * 1024;
/** Files larger than this are refused: far beyond any sole trader's export. */
export const maxImportBytes = 512 * 1024 * 1024;

const mappingSchema = z.partialRecord(
  z.enum(importFields, 'Please use one of the fields an import reads.'),
  text(200, 'column name').min(1, 'Please name the column.'),
);

const jobId = z
  .string('Please give the job id as text.')
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A job id is 8 to 64 letters, digits, - or _.');

const fileFields = {
  path: text(4096, 'path').min(1).optional(),
  text: z
    .string('Please give the file as text.')
    .max(1024 * 1024)
    .optional(),
  uploadId: jobId.optional(),
  fileName: text(255, 'file name').optional(),
  source: text(64, 'source').optional(),
  kind: z.enum(importKinds).optional(),
  mapping: mappingSchema.optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** How the file writes amounts: `dot` 1,234.56 or `comma` 1.234,56 (left out: detected). */
  numberFormat: z
    .enum(numberFormats, 'The number format is dot (1,234.56) or comma (1.234,56).')
    .optional(),
  /** For files that do not say: the currency of every row. */
  currency: currencyCode.optional(),
  /** Columns whose values must never be shown back in an error. */
  privateColumns: z.array(text(200, 'column name')).max(200).optional(),
  /** Progress and cancelling: a name the caller picks for this run. */
  jobId: jobId.optional(),
};

function oneFile(input: {
  path?: string | undefined;
  text?: string | undefined;
  uploadId?: string | undefined;
  files?: unknown;
}) {
  return (
    [input.path, input.text, input.uploadId, input.files].filter((v) => v !== undefined).length ===
    1
  );
}
const oneFileMessage = {
  message: 'Please give the file as one of path, text or uploadId (or several as files).',
  path: ['path'],
};

/**
 * Goodwill's own export is four files (customers, invoices, payments, and credits, write-offs
 * and refunds): given together they are read as one ledger, in one import.
 */
const setFile = z
  .object({
    path: fileFields.path,
    text: fileFields.text,
    uploadId: fileFields.uploadId,
    fileName: fileFields.fileName,
  })
  .strict()
  .refine(oneFile, oneFileMessage);
const files = z
  .array(setFile)
  .min(1, 'Please give at least one file.')
  .max(4, 'A Goodwill export is at most four files.');

export const importFileSchema = z
  .object({ ...fileFields, files: files.optional() })
  .strict()
  .refine(oneFile, oneFileMessage);

export type ImportFileInput = z.output<typeof importFileSchema>;

export const importCommitSchema = z
  .object({
    ...fileFields,
    files: files.optional(),
    /** Import the good rows and leave out the ones with errors. */
    skipErrors: z.boolean().optional(),
  })
  .strict()
  .refine(oneFile, oneFileMessage);

export type ImportCommitInput = z.output<typeof importCommitSchema>;

export interface ImportCounts {
  rows: { read: number; used: number; passedOver: number; withErrors: number };
  customers: { created: number; updated: number; unchanged: number };
  invoices: { created: number; updated: number; unchanged: number };
  payments: { created: number; unchanged: number };
  /** Credit notes, write-offs and refunds: only Goodwill's own export brings them. */
  adjustments?: { created: number; unchanged: number };
}

export interface ImportPreview {
  fileName: string;
  checksum: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  source: { id: string; label: string; note?: string } | null;
  /** 0 to 1: how sure the detection is. */
  confidence: number;
  kind: ImportKind;
  header: string[];
  /** Which row holds the header (1 is the first). */
  headerRow: number;
  mapping: ColumnMapping;
  /** True when the mapping came from the owner's earlier choice for this layout. */
  mappingRemembered: boolean;
  /** What is wrong with the mapping; rows are read only once it is right. */
  mappingProblems: { field: string; message: string }[];
  /** The dates read both ways: pass `dateOrder` to say which. */
  question: DateQuestion | null;
  dateOrder: DateOrder | null;
  /** How the amounts were read; pass `numberFormat` to change it. */
  numberFormat: NumberFormat | null;
  /** The amounts read both ways: pass `numberFormat` to say which. */
  numberQuestion: NumberQuestion | null;
  /**
   * What read two ways and was settled by the owner's answer for this layout last time
   * (kept when an import is made with `numberFormat` or `dateOrder`), not asked again.
   */
  answeredBefore: ('numberFormat' | 'dateOrder')[];
  counts: ImportCounts;
  issues: RowIssue[];
  errorCount: number;
  warningCount: number;
  totals: CurrencyTotals[];
  /** An earlier import of exactly this file. */
  importedBefore: { id: number; at: string } | null;
}

export interface ImportRecord {
  id: number;
  source: string;
  fileName: string;
  checksum: string;
  kind: ImportKind;
  counts: ImportCounts;
  createdAt: string;
  undoneAt: string | null;
}

export interface ImportProgress {
  jobId: string;
  phase: 'reading' | 'writing' | 'done' | 'cancelled' | 'failed';
  rows: number;
  /** The file's size and how much of it was read, for a bar. */
  bytes: number;
  bytesRead: number;
  rowsPerSecond: number;
}

export const importMethods = {
  'import.upload': method(
    z
      .object({
        uploadId: jobId,
        /** Where this piece goes in the file: pieces arrive in order. */
        offset: z.number().int().min(0).max(maxImportBytes),
        base64: z
          .string()
          .max(Math.ceil(uploadChunkBytes / 3) * 4 + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Please send the piece as base64.'),
      })
      .strict(),
  ).returns<{ uploadId: string; bytes: number }>(),
  'import.preview': method(importFileSchema).returns<ImportPreview>(),
  'import.commit': method(importCommitSchema).returns<ImportRecord>(),
  'import.progress': method(z.object({ jobId }).strict()).returns<ImportProgress | null>(),
  'import.cancel': method(z.object({ jobId }).strict()).returns<{ cancelled: boolean }>(),
  'import.list': method(emptyInput).returns<ImportRecord[]>(),
  'import.undo': method(z.object({ id }).strict()).returns<ImportRecord>(),
  'import.sources': method(emptyInput).returns<{ id: string; label: string; kind: ImportKind }[]>(),
};
