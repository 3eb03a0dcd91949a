/**
 * Imports: a CSV export from another program read (streamed), matched against the ledger and
 * shown as a preview; then applied in one transaction, or not at all; recorded, and undoable
 * as one step. The preview and the commit read the file the same way, so what the owner saw
 * is what is written.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type {
  ImportCommitInput,
  ImportCounts,
  ImportFileInput,
  ImportPreview,
  ImportProgress,
  ImportRecord,
} from '../../shared/api/imports';
import { livePlanStates } from '../../shared/api/plans';
import { calendarDateIn, type Clock } from '../../shared/dates';
import {
  detectSource,
  findHeader,
  headerSearchRows,
  kindOfMapping,
  sourceMapping,
  suggestMapping,
} from '../../shared/import/detect';
import type { ColumnMapping, ImportKind } from '../../shared/import/fields';
import {
  ImportPlanner,
  mappingProblems,
  type CurrencyTotals,
  type ImportPlan,
} from '../../shared/import/plan';
import {
  findSource,
  headerKey,
  importSources,
  type ImportSource,
} from '../../shared/import/sources';
import {
  goodwillExportFileOf,
  goodwillExportFileNames,
  type GoodwillExportFile,
} from '../../shared/exports/goodwill-export';
import { GoodwillSetPlanner } from '../../shared/import/goodwill-set';
import type { BusinessSettings } from '../../shared/settings';
import { importReads } from '../db/imports.repository';
import type { DB, ImportsTable } from '../db/schema';
import { applyImport } from '../import/apply';
import {
  applyGoodwillSet,
  goodwillSetSource,
  matchGoodwillSet,
  type SetMatch,
} from '../import/goodwill-set';
import { createImportJobs, type ImportJob } from '../import/jobs';
import { matchPlan, type MatchedPlan } from '../import/match';
import {
  inspectFile,
  readRows,
  type CsvRow,
  type FileFacts,
  type FileInput,
} from '../import/read-csv';
import { createStaging } from '../import/staging';
import { undoImport } from '../import/undo';
import { settlePlans } from '../plans/settle';

export interface ImportsService {
  upload(input: { uploadId: string; offset: number; base64: string }): Promise<{
    uploadId: string;
    bytes: number;
  }>;
  preview(input: ImportFileInput): Promise<ImportPreview>;
  commit(input: ImportCommitInput): Promise<ImportRecord>;
  progress(jobId: string): Promise<ImportProgress | null>;
  cancel(jobId: string): Promise<{ cancelled: boolean }>;
  list(): Promise<ImportRecord[]>;
  undo(id: number): Promise<ImportRecord>;
  sources(): Promise<{ id: string; label: string; kind: ImportKind }[]>;
}

interface Prepared {
  facts: FileFacts;
  fileName: string;
  source: ImportSource | null;
  confidence: number;
  kind: ImportKind;
  header: string[];
  headerRow: number;
  headerSignature: string;
  mapping: ColumnMapping;
  remembered: boolean;
  /** Settled by the owner's answer for this layout last time. */
  answeredBefore: ('numberFormat' | 'dateOrder')[];
  problems: { field: string; message: string }[];
  plan: ImportPlan | null;
  matched: MatchedPlan | null;
}

const emptyCounts = (): ImportCounts => ({
  rows: { read: 0, used: 0, passedOver: 0, withErrors: 0 },
  customers: { created: 0, updated: 0, unchanged: 0 },
  invoices: { created: 0, updated: 0, unchanged: 0 },
  payments: { created: 0, unchanged: 0 },
});

function toRecord(row: {
  id: number;
  source: string;
  file_name: string;
  checksum: string;
  kind: ImportsTable['kind'];
  counts: string;
  created_at: string;
  undone_at: string | null;
}): ImportRecord {
  return {
    id: row.id,
    source: row.source,
    fileName: row.file_name,
    checksum: row.checksum,
    kind: row.kind,
    counts: JSON.parse(row.counts) as ImportCounts,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
  };
}

const progressEvery = 1000;

/** Per currency: what the set's new invoices and payments come to, to compare with the source. */
function setTotals(matched: SetMatch): CurrencyTotals[] {
  const totals = new Map<string, CurrencyTotals>();
  const of = (currency: string) => {
    let entry = totals.get(currency);
    if (!entry) {
      entry = { currency, invoices: 0, invoiced: 0, paid: 0, open: 0, payments: 0, received: 0 };
      totals.set(currency, entry);
    }
    return entry;
  };
  const settled = new Map<string, number>();
  const add = (number: string, amount: number) =>
    settled.set(number, (settled.get(number) ?? 0) + amount);
  for (const { planned } of matched.payments) {
    for (const a of planned.allocations) add(a.invoiceNumber, a.amount);
    const entry = of(planned.currency);
    entry.payments += 1;
    entry.received += planned.amount;
  }
  for (const { planned } of matched.adjustments) add(planned.invoiceNumber, planned.amount);
  for (const { planned } of matched.invoices) {
    const entry = of(planned.currency);
    entry.invoices += 1;
    if (planned.draft || planned.void) continue;
    const paid = settled.get(planned.number) ?? 0;
    entry.invoiced += planned.total;
    entry.paid += paid;
    entry.open += planned.total - paid;
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export function createImportsService(deps: {
  db: Kysely<DB>;
  sqlite: Database.Database;
  clock: Clock;
  settings: () => Promise<BusinessSettings>;
  /** Where pieces of uploaded files wait. */
  stagingFolder: string;
}): ImportsService {
  const { db, clock } = deps;
  const jobs = createImportJobs();
  const staging = createStaging(deps.stagingFolder);

  async function fileOf(
    input: Pick<ImportFileInput, 'text' | 'uploadId' | 'path' | 'fileName'>,
  ): Promise<{ file: FileInput; fileName: string }> {
    if (input.text !== undefined) {
      return { file: { text: input.text }, fileName: input.fileName ?? 'pasted text' };
    }
    if (input.uploadId !== undefined) {
      return {
        file: { path: await staging.path(input.uploadId) },
        fileName: input.fileName ?? 'uploaded file',
      };
    }
    const path = input.path!;
    const found = await stat(path).catch(() => null);
    if (!found?.isFile()) {
      throw new AppError('not_found', 'There is no file at that path.', 'path');
    }
    return { file: { path }, fileName: input.fileName ?? basename(path) };
  }

  async function rememberedAnswers(signature: string) {
    return db
      .selectFrom('import_answers')
      .select(['number_format', 'date_order'])
      .where('header_key', '=', signature)
      .executeTakeFirst();
  }

  async function rememberedMapping(signature: string) {
    return db
      .selectFrom('import_mappings')
      .select(['kind', 'mapping'])
      .where('header_key', '=', signature)
      .executeTakeFirst();
  }

  async function prepare(
    input: ImportFileInput,
    job: ImportJob | null,
    numberFormatAnsweredBefore = false,
  ): Promise<Prepared> {
    const { file, fileName } = await fileOf(input);
    const facts = await inspectFile(file);
    if (job) job.progress.bytes = facts.bytes;
    const { currency } = await deps.settings();
    const rows = readRows(file, facts, (read) => {
      if (job) job.progress.bytesRead = read;
    });
    // Read by hand: leaving a for-await loop early would close the file.
    const head: CsvRow[] = [];
    while (head.length < headerSearchRows) {
      const next = await rows.next();
      if (next.done) break;
      head.push(next.value);
    }
    const detection = findHeader(
      head.map((row) => row.cells),
      input.mapping,
    );
    const header = (head[detection.headerIndex]?.cells ?? []).map((cell) =>
      cell.replace(/^\uFEFF/, ''),
    );
    const headerSignature = header.map(headerKey).join('\u001f');
    let source: ImportSource | null = detection.source;
    let confidence = detection.confidence;
    if (input.source !== undefined && input.source !== 'spreadsheet') {
      source = findSource(input.source) ?? null;
      if (!source) {
        throw new AppError(
          'invalid_input',
          `There is no import source "${input.source}".`,
          'source',
        );
      }
      confidence = detectSource(header).source?.id === source.id ? confidence : 0;
    } else if (input.source === 'spreadsheet') {
      source = null;
      confidence = 0;
    }
    const remembered = input.mapping ? undefined : await rememberedMapping(headerSignature);
    const mapping: ColumnMapping =
      input.mapping ??
      (remembered
        ? (JSON.parse(remembered.mapping) as ColumnMapping)
        : source
          ? sourceMapping(header, source)
          : suggestMapping(header));
    const kind: ImportKind =
      input.kind ?? remembered?.kind ?? source?.kind ?? kindOfMapping(mapping);
    const problems = mappingProblems(kind, header, mapping);
    if (input.mapping && problems.length > 0) {
      throw new AppError('invalid_input', problems[0]!.message, problems[0]!.field);
    }
    const base = {
      facts,
      fileName,
      source,
      confidence,
      kind,
      header,
      headerRow: head[detection.headerIndex]?.row ?? 1,
      headerSignature,
      mapping,
      remembered: remembered !== undefined,
      answeredBefore: [],
      problems,
    };
    if (problems.length > 0) {
      await rows.return(undefined);
      return { ...base, plan: null, matched: null };
    }
    const numberFormat = input.numberFormat ?? source?.numberFormat;
    const planner = new ImportPlanner({
      kind,
      header,
      mapping,
      source,
      ...(numberFormat ? { numberFormat, numberFormatGiven: true } : {}),
      currency: input.currency ?? currency,
      ...(input.privateColumns ? { privateColumns: input.privateColumns } : {}),
    });
    let count = 0;
    // Not async: a promise per row is measurable at 100,000 rows, and nothing here waits.
    const take = (row: CsvRow) => {
      planner.add(row.cells, row.row);
      count += 1;
      if (job && count % progressEvery === 0) {
        jobs.update(job, { rows: count });
        if (job.cancelled) {
          throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
        }
      }
    };
    for (const row of head.slice(detection.headerIndex + 1)) take(row);
    for await (const row of rows) take(row);
    const answers = await rememberedAnswers(headerSignature);
    const plan = planner.finish(input.dateOrder, answers?.date_order ?? undefined);
    if (plan.readAgainAs) {
      // The amounts settled on the other decimal mark than they were read with (a decimal
      // comma, seen only further down): read the file once more, as it is written.
      return prepare({ ...input, numberFormat: plan.readAgainAs }, job);
    }
    let numberFormatAnswered = numberFormatAnsweredBefore;
    const numberAnswer = answers?.number_format;
    if (plan.numberQuestion && !plan.numberQuestion.mixed && numberAnswer) {
      // Every amount reads both ways, and the owner said how for this layout last time: read
      // that way (already done, when it is the way the file was read).
      if (numberAnswer !== plan.numberFormat) {
        return prepare({ ...input, numberFormat: numberAnswer }, job, true);
      }
      plan.numberQuestion = null;
      numberFormatAnswered = true;
    }
    const matched = matchPlan(
      plan,
      source?.id ?? 'spreadsheet',
      importReads(deps.sqlite),
      deps.sqlite,
    );
    if (job) jobs.update(job, { rows: count, bytesRead: facts.bytes });
    const answeredBefore: Prepared['answeredBefore'] = [
      ...(numberFormatAnswered ? (['numberFormat'] as const) : []),
      ...(plan.dateOrderRemembered ? (['dateOrder'] as const) : []),
    ];
    return { ...base, answeredBefore, plan, matched };
  }

  /**
   * Goodwill's own export, its files given together: each is known by its header (any
   * order), read streamed, and the whole set planned and matched as one ledger.
   */
  async function prepareSet(
    input: ImportFileInput,
    job: ImportJob | null,
    db: Kysely<DB>,
  ): Promise<{ preview: ImportPreview; matched: SetMatch; checksum: string; fileName: string }> {
    const given = input.files!;
    const planner = new GoodwillSetPlanner();
    const seen = new Map<GoodwillExportFile, string>();
    const opened = [];
    for (const [index, one] of given.entries()) {
      const { file, fileName } = await fileOf({
        ...one,
        fileName: one.fileName ?? `file ${index + 1}`,
      });
      const facts = await inspectFile(file);
      const rows = readRows(file, facts);
      const first = await rows.next();
      const kind = first.done ? null : goodwillExportFileOf(first.value.cells);
      if (!kind) {
        await rows.return(undefined);
        throw new AppError(
          'invalid_input',
          `${fileName} is not one of the files of a Goodwill export (${Object.values(goodwillExportFileNames).join(', ')}). Files from other programs are imported one at a time.`,
          `files.${index}`,
        );
      }
      const twin = seen.get(kind);
      if (twin !== undefined) {
        await rows.return(undefined);
        throw new AppError(
          'invalid_input',
          `${fileName} and ${twin} are both the ${kind} of a Goodwill export; please give each file once.`,
          `files.${index}`,
        );
      }
      seen.set(kind, fileName);
      planner.has(kind);
      opened.push({ kind, fileName, facts, rows });
    }
    if (job) job.progress.bytes = opened.reduce((sum, o) => sum + o.facts.bytes, 0);
    let count = 0;
    let bytesBefore = 0;
    for (const { kind, fileName, facts, rows } of opened) {
      for await (const row of rows) {
        planner.add(kind, fileName, row.cells, row.row);
        count += 1;
        if (job && count % progressEvery === 0) {
          jobs.update(job, { rows: count });
          if (job.cancelled) {
            throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
          }
        }
      }
      bytesBefore += facts.bytes;
      if (job) jobs.update(job, { rows: count, bytesRead: bytesBefore });
    }
    const plan = planner.finish();
    const matched = await matchGoodwillSet(db, plan);
    // In the order the export lists them, whatever order they were picked in.
    const order = Object.keys(goodwillExportFileNames) as GoodwillExportFile[];
    const sorted = [...opened].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    const fileName = sorted.map((o) => o.fileName).join(', ');
    const checksum = createHash('sha256')
      .update(sorted.map((o) => `${o.kind}:${o.facts.checksum}`).join('\n'))
      .digest('hex');
    const before = importReads(deps.sqlite).importByChecksum.get(checksum);
    const preview: ImportPreview = {
      fileName,
      checksum,
      encoding: sorted.every((o) => o.facts.encoding === 'utf-8') ? 'utf-8' : 'windows-1252',
      delimiter: ',',
      source: {
        ...goodwillSetSource,
        note: `Read together: ${sorted.map((o) => goodwillExportFileNames[o.kind]).join(', ')}.`,
      },
      confidence: 1,
      kind: 'invoices',
      header: [],
      headerRow: 1,
      mapping: {},
      mappingRemembered: false,
      mappingProblems: [],
      answeredBefore: [],
      question: null,
      dateOrder: null,
      numberFormat: 'dot',
      numberQuestion: null,
      counts: matched.counts,
      issues: plan.issues,
      errorCount: plan.errorCount,
      warningCount: plan.warningCount,
      totals: setTotals(matched),
      importedBefore: before ? { id: before.id, at: before.created_at } : null,
    };
    return { preview, matched, checksum, fileName };
  }

  async function commitSet(input: ImportCommitInput, job: ImportJob | null) {
    const now = clock.now().toISOString();
    // Read before the transaction: inside it, only `trx` may touch the database.
    const { timeZone, locale } = await deps.settings();
    const id = await db.transaction().execute(async (trx) => {
      // Matched inside the transaction: what is written is what the ledger holds now.
      const { preview, matched, checksum, fileName } = await prepareSet(input, job, trx);
      if (preview.errorCount > 0 && !input.skipErrors) {
        throw new AppError(
          'invalid_input',
          `${preview.errorCount} ${preview.errorCount === 1 ? 'row has a problem' : 'rows have problems'}: correct the file, or import the rest and leave ${preview.errorCount === 1 ? 'it' : 'them'} out.`,
          'skipErrors',
        );
      }
      if (job) jobs.update(job, { phase: 'writing', rows: 0 });
      const importId = await applyGoodwillSet({ trx, matched, fileName, checksum, now });
      // Its payments and credits may have paid off a plan: settled in the same transaction.
      for (const customerId of await customersWithLivePlansTouched(trx, importId)) {
        await settlePlans(trx, {
          customerId,
          now: new Date(now),
          today: calendarDateIn(new Date(now), timeZone),
          locale,
        });
      }
      return importId;
    });
    for (const one of input.files!) {
      if (one.uploadId) await staging.remove(one.uploadId);
    }
    return toRecord(await load(id));
  }

  function previewOf(prepared: Prepared): ImportPreview {
    const { plan, matched, source } = prepared;
    const before = importReads(deps.sqlite).importByChecksum.get(prepared.facts.checksum);
    return {
      fileName: prepared.fileName,
      checksum: prepared.facts.checksum,
      encoding: prepared.facts.encoding,
      delimiter: prepared.facts.delimiter,
      source: source
        ? { id: source.id, label: source.label, ...(source.note ? { note: source.note } : {}) }
        : null,
      confidence: Math.round(prepared.confidence * 100) / 100,
      kind: prepared.kind,
      header: prepared.header,
      headerRow: prepared.headerRow,
      mapping: prepared.mapping,
      mappingRemembered: prepared.remembered,
      mappingProblems: prepared.problems,
      question: plan?.question ?? null,
      dateOrder: plan?.dateOrder ?? null,
      numberFormat: plan?.numberFormat ?? null,
      numberQuestion: plan?.numberQuestion ?? null,
      answeredBefore: prepared.answeredBefore,
      counts: matched?.counts ?? emptyCounts(),
      issues: plan?.issues ?? [],
      errorCount: plan?.errorCount ?? 0,
      warningCount: plan?.warningCount ?? 0,
      totals: plan?.totals ?? [],
      importedBefore: before ? { id: before.id, at: before.created_at } : null,
    };
  }

  async function runJob<T>(jobId: string | undefined, work: (job: ImportJob | null) => Promise<T>) {
    const job = jobId ? jobs.start(jobId, 0) : null;
    try {
      const result = await work(job);
      if (job) jobs.update(job, { phase: 'done' });
      return result;
    } catch (error) {
      if (job) jobs.update(job, { phase: job.cancelled ? 'cancelled' : 'failed' });
      throw error;
    }
  }

  async function load(id: number, trxDb: Kysely<DB> = db) {
    const row = await trxDb
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `There is no import ${id}.`, 'id');
    return row;
  }

  /** Customers with a live plan over an invoice this import changed or paid. */
  async function customersWithLivePlansTouched(
    trx: Transaction<DB>,
    importId: number,
  ): Promise<number[]> {
    const rows = await trx
      .selectFrom('plans')
      .innerJoin('plan_invoices', 'plan_invoices.plan_id', 'plans.id')
      .select('plans.customer_id')
      .distinct()
      .where('plans.state', 'in', livePlanStates)
      .where((eb) =>
        eb.or([
          eb(
            'plan_invoices.invoice_id',
            'in',
            eb
              .selectFrom('allocations')
              .innerJoin('payments', 'payments.id', 'allocations.payment_id')
              .select('allocations.invoice_id')
              .where('payments.import_id', '=', importId),
          ),
          eb(
            'plan_invoices.invoice_id',
            'in',
            eb
              .selectFrom('import_changes')
              .select('entity_id')
              .where('import_id', '=', importId)
              .where('entity', '=', 'invoice'),
          ),
        ]),
      )
      .execute();
    return rows.map((row) => row.customer_id);
  }

  return {
    upload: ({ uploadId, offset, base64 }) => staging.append(uploadId, offset, base64),

    preview: (input) =>
      runJob(input.jobId, async (job) =>
        input.files
          ? (await prepareSet(input, job, db)).preview
          : previewOf(await prepare(input, job)),
      ),

    commit: (input) =>
      runJob(input.jobId, async (job) => {
        if (input.files) return commitSet(input, job);
        const prepared = await prepare(input, job);
        const { plan, matched } = prepared;
        if (!plan || !matched) {
          const problem = prepared.problems[0]!;
          throw new AppError('invalid_input', problem.message, problem.field);
        }
        if (plan.question) {
          throw new AppError(
            'invalid_input',
            `The dates in this file can be read two ways (${plan.question.examples.join(', ')}): please say whether the day or the month comes first.`,
            'dateOrder',
          );
        }
        if (plan.numberQuestion) {
          const { examples } = plan.numberQuestion;
          throw new AppError(
            'invalid_input',
            `The amounts in this file can be read two ways${examples.length > 0 ? ` (${examples.join(', ')})` : ''}: please say whether they are written like 1,234.56 or like 1.234,56.`,
            'numberFormat',
          );
        }
        if (plan.errorCount > 0 && !input.skipErrors) {
          throw new AppError(
            'invalid_input',
            `${plan.errorCount} ${plan.errorCount === 1 ? 'row has a problem' : 'rows have problems'}: correct the file, or import the rest and leave ${plan.errorCount === 1 ? 'it' : 'them'} out.`,
            'skipErrors',
          );
        }
        const now = clock.now().toISOString();
        const { timeZone, locale } = await deps.settings();
        const source = prepared.source;
        if (job) jobs.update(job, { phase: 'writing', rows: 0 });
        const id = await db.transaction().execute(async (trx) => {
          const importId = await applyImport({
            sqlite: deps.sqlite,
            trx,
            matched,
            source: source?.id ?? 'spreadsheet',
            label: source?.label ?? 'a spreadsheet',
            fileName: prepared.fileName,
            checksum: prepared.facts.checksum,
            kind: prepared.kind,
            now,
            onProgress: (written) => {
              if (job) jobs.update(job, { rows: written });
            },
            cancelled: () => job?.cancelled ?? false,
          });
          // Its payments may have paid off a plan: settle those plans in the same transaction.
          for (const customerId of await customersWithLivePlansTouched(trx, importId)) {
            await settlePlans(trx, {
              customerId,
              now: new Date(now),
              today: calendarDateIn(new Date(now), timeZone),
              locale,
            });
          }
          if (input.numberFormat !== undefined || input.dateOrder !== undefined) {
            // The owner's answers, for the next file of this layout; one not given now stays.
            const answers = {
              ...(input.numberFormat !== undefined ? { number_format: input.numberFormat } : {}),
              ...(input.dateOrder !== undefined ? { date_order: input.dateOrder } : {}),
            };
            await trx
              .insertInto('import_answers')
              .values({ header_key: prepared.headerSignature, ...answers, updated_at: now })
              .onConflict((oc) =>
                oc.column('header_key').doUpdateSet({ ...answers, updated_at: now }),
              )
              .execute();
          }
          if (input.mapping) {
            const mapping = JSON.stringify(input.mapping);
            await trx
              .insertInto('import_mappings')
              .values({
                header_key: prepared.headerSignature,
                kind: prepared.kind,
                mapping,
                updated_at: now,
              })
              .onConflict((oc) =>
                oc
                  .column('header_key')
                  .doUpdateSet({ kind: prepared.kind, mapping, updated_at: now }),
              )
              .execute();
          }
          return importId;
        });
        if (input.uploadId) await staging.remove(input.uploadId);
        return toRecord(await load(id));
      }),

    progress: async (jobId) => jobs.get(jobId),
    cancel: async (jobId) => ({ cancelled: jobs.cancel(jobId) }),

    async list() {
      const rows = await db.selectFrom('imports').selectAll().orderBy('id', 'desc').execute();
      return rows.map(toRecord);
    },

    async undo(id) {
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await load(id, trx);
        if (row.undone_at) {
          throw new AppError('conflict', `Import ${id} was already undone.`, 'id');
        }
        // Customers who stay but lose invoices or payments: their timeline says so.
        const kept = await trx
          .selectFrom('customers')
          .select('id as customer_id')
          .where('import_id', 'is not', id)
          .where((eb) =>
            eb.or([
              eb.exists(
                eb
                  .selectFrom('invoices')
                  .select('invoices.id')
                  .whereRef('invoices.customer_id', '=', 'customers.id')
                  .where('invoices.import_id', '=', id),
              ),
              eb.exists(
                eb
                  .selectFrom('payments')
                  .select('payments.id')
                  .whereRef('payments.customer_id', '=', 'customers.id')
                  .where('payments.import_id', '=', id),
              ),
            ]),
          )
          .execute();
        await undoImport(trx, id, row.created_at, now);
        await trx.updateTable('imports').set({ undone_at: now }).where('id', '=', id).execute();
        const summary = `The import of ${row.file_name} was undone.`;
        await trx
          .insertInto('events')
          .values(
            [...kept.map((k) => k.customer_id), null].map((customerId) => ({
              occurred_at: now,
              kind: 'import.undone',
              summary,
              details: JSON.stringify({ importId: id }),
              customer_id: customerId,
            })),
          )
          .execute();
      });
      return toRecord(await load(id));
    },

    sources: async () =>
      importSources.map((source) => ({ id: source.id, label: source.label, kind: source.kind })),
  };
}
