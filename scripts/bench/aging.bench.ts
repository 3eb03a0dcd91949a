/**
 * Aging at the scale of a busy business's whole history: 5,000 customers, 300,000 invoices,
 * 200,000 payments (scripts/seed.ts, seed 42).
 *
 * 1. Seeding: how long the generator takes, in rows per second.
 * 2. `ledger.aging` over HTTP from headless mode, against the floor: ONE SQL query that gives
 *    the same per customer and currency bucket sums, run with better-sqlite3 in this process
 *    on the same file. Both answers are compared row by row before anything is timed.
 * 3. Where the API's time goes, measured in this process with the app's own service.
 * 4. A historical aging (as of a past date; no target).
 * 5. Headless mode's memory after the aging runs.
 * 6. Time to the first rows of the Overdue screen in Chromium.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { bucketStartDates, daysOverdue, agingBuckets } from '../../shared/aging';
import { fromColumns } from '../../shared/columns';
import type { AgingReport } from '../../shared/ledger';
import { agingSums, unappliedCredit } from '../../electron/db/aging.repository';
import type { DB } from '../../electron/db/schema';
import { createLedgerService } from '../../electron/services/ledger.service';
import { seedLedger } from '../seed/seed-ledger';
import { callApi, keepAliveAgent, valueOf } from './http-client';
import {
  headlessEntry,
  memoryOf,
  startHeadlessServer,
  stopHeadlessServer,
  type HeadlessServer,
} from './headless-server';
import { measureOverdueScreen, overdueScreenRuns } from './overdue-screen';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize } from './stats';

const scale = { customers: 5000, invoices: 300_000, payments: 200_000 };
const seed = 42;
const today = '2027-03-15';
const pinnedNow = `${today}T09:00:00Z`;
const historicalAsOf = '2026-12-31';

const warmUps = 2;
const runs = 20;
/** The in-process breakdown of a historical aging costs a second or two a round. */
const historicalBreakdownRuns = 5;

const apiTargetMs = 100;
const ratioTarget = 1.5;
const rssTargetMB = 300;
const firstRowsTargetMs = 1500;
const backupTimeoutMs = 300_000;

/** The floor: every figure of the aging rows from the open-invoice index in one pass. */
const floorSql = `
  SELECT customer_id, currency,
    sum(CASE WHEN due_date >= @current THEN open ELSE 0 END) AS current,
    sum(CASE WHEN due_date < @current AND due_date >= @d1_30 THEN open ELSE 0 END) AS d1_30,
    sum(CASE WHEN due_date < @d1_30 AND due_date >= @d31_60 THEN open ELSE 0 END) AS d31_60,
    sum(CASE WHEN due_date < @d31_60 AND due_date >= @d61_90 THEN open ELSE 0 END) AS d61_90,
    sum(CASE WHEN due_date < @d61_90 THEN open ELSE 0 END) AS d90_plus,
    sum(open) AS total,
    min(due_date) AS oldest_due
  FROM (SELECT customer_id, currency, due_date, total_amount - settled_amount AS open
        FROM invoices
        WHERE settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0)
  GROUP BY customer_id, currency`;

interface FloorRow {
  customer_id: number;
  currency: string;
  current: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  d90_plus: number;
  total: number;
  oldest_due: string;
}

/** The API's answer must carry exactly the floor's figures, or the comparison means nothing. */
function checkSameFigures(report: AgingReport, floor: readonly FloorRow[]) {
  const fail = (why: string) => {
    throw new Error(`ledger.aging and the floor query disagree: ${why}`);
  };
  if (report.asOf !== today) fail(`the API aged as of ${report.asOf}, not ${today}`);
  const byKey = new Map(floor.map((row) => [`${row.customer_id}|${row.currency}`, row]));
  const totals = new Map<string, Record<string, number>>();
  const rows = fromColumns(report.rows);
  if (rows.length !== floor.length)
    fail(`${rows.length} rows from the API, ${floor.length} from SQL`);
  for (const row of rows) {
    const expected = byKey.get(`${row.customerId}|${row.currency}`);
    if (!expected) return fail(`customer ${row.customerId} ${row.currency} is not in the SQL`);
    for (const field of [...agingBuckets, 'total'] as const) {
      if (row[field] !== expected[field]) {
        fail(
          `customer ${row.customerId} ${row.currency} ${field}: ${row[field]} vs ${expected[field]}`,
        );
      }
    }
    if (row.oldestDaysOverdue !== daysOverdue(expected.oldest_due, today)) {
      fail(`customer ${row.customerId} ${row.currency}: oldest days overdue differ`);
    }
    const sums = totals.get(row.currency) ?? {};
    for (const field of [...agingBuckets, 'total'] as const) {
      sums[field] = (sums[field] ?? 0) + expected[field];
    }
    totals.set(row.currency, sums);
  }
  for (const total of report.totals) {
    for (const field of [...agingBuckets, 'total'] as const) {
      if (total[field] !== totals.get(total.currency)?.[field]) {
        fail(`the ${total.currency} total of ${field} differs`);
      }
    }
  }
}

function time<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/**
 * This process's own view of the same file: the floor query on one read-only connection, and
 * the app's ledger service (with its two queries) on another, as headless mode runs them.
 */
function openInProcess(file: string) {
  const floorDb = new Database(file, { readonly: true, fileMustExist: true });
  const serviceDb = new Database(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: serviceDb }) });
  const ledger = createLedgerService({
    db,
    sqlite: serviceDb,
    context: () => Promise.resolve({ today, locale: 'en-GB' }),
  });
  const floor = floorDb.prepare<Record<string, string>, FloorRow>(floorSql);
  return {
    floor: () => floor.all(bucketStartDates(today)),
    /** Where the time of one aging goes: the service, its two queries, JSON. */
    async breakdown(asOf: string) {
      const service = await timeAsync(() => ledger.aging({ asOf }));
      const json = time(() => JSON.stringify({ ok: true, value: service.value }));
      const current = asOf >= today;
      const open = await timeAsync(() => agingSums(db, serviceDb, { asOf, current }));
      const credit = await timeAsync(() => unappliedCredit(db, serviceDb, { asOf, current }));
      return { service: service.ms, stringify: json.ms, open: open.ms, credit: credit.ms };
    },
    async close() {
      floorDb.close();
      await db.destroy();
    },
  };
}

type InProcess = ReturnType<typeof openInProcess>;
type Breakdown = Awaited<ReturnType<InProcess['breakdown']>>;

function summarizeBreakdown(samples: readonly Breakdown[]) {
  const of = (key: keyof Breakdown) => summarize(samples.map((sample) => sample[key]));
  return {
    service: of('service'),
    stringify: of('stringify'),
    open: of('open'),
    credit: of('credit'),
  };
}

/**
 * `ledger.aging` over HTTP, the floor query and the in-process breakdown, one after the other
 * in every round, so that a busier stretch of the machine falls on all of them alike.
 */
async function measureCurrent(server: HeadlessServer, local: InProcess) {
  const agent = keepAliveAgent();
  try {
    const api: number[] = [];
    const floor: number[] = [];
    const breakdown: Breakdown[] = [];
    let bodyBytes = 0;
    let floorRows = 0;
    for (let run = 0; run < warmUps + runs; run++) {
      const call = await timeAsync(() => callApi(server, 'ledger.aging', {}, agent));
      const floorRun = time(local.floor);
      const report = valueOf('ledger.aging', call.value) as AgingReport;
      if (run === 0) checkSameFigures(report, floorRun.value);
      const parts = await local.breakdown(today);
      bodyBytes = Buffer.byteLength(call.value.body);
      floorRows = floorRun.value.length;
      if (run < warmUps) continue;
      api.push(call.ms);
      floor.push(floorRun.ms);
      breakdown.push(parts);
    }
    return { api, floor, breakdown, bodyBytes, floorRows };
  } finally {
    agent.destroy();
  }
}

/** The same as of a past date; the slower in-process breakdown on the first few rounds only. */
async function measureHistorical(server: HeadlessServer, local: InProcess) {
  const agent = keepAliveAgent();
  try {
    const api: number[] = [];
    const breakdown: Breakdown[] = [];
    let rows = 0;
    for (let run = 0; run < warmUps + runs; run++) {
      const call = await timeAsync(() =>
        callApi(server, 'ledger.aging', { asOf: historicalAsOf }, agent),
      );
      const report = valueOf('ledger.aging', call.value) as AgingReport;
      if (report.asOf !== historicalAsOf) throw new Error(`Aged as of ${report.asOf}.`);
      rows = report.rows.customerId.length;
      const withBreakdown = run < warmUps + historicalBreakdownRuns;
      const parts = withBreakdown ? await local.breakdown(historicalAsOf) : undefined;
      if (run < warmUps) continue;
      api.push(call.ms);
      if (parts) breakdown.push(parts);
    }
    return { api, breakdown, rows };
  } finally {
    agent.destroy();
  }
}

export async function runAgingBench(): Promise<BenchResult> {
  if (!existsSync(headlessEntry)) {
    throw new Error(`${headlessEntry} is missing: run \`npm run build\` first.`);
  }
  const notes: string[] = [];
  const dataDir = await makeTempFolder('goodwill-bench-aging-');
  try {
    process.stderr.write(
      `  seeding ${scale.customers} customers, ${scale.invoices} invoices, ${scale.payments} payments ...\n`,
    );
    const seeded = await seedLedger({ ...scale, seed, today, dataDir, force: false });
    const seedBuildMs = seeded.generateMs + seeded.writeMs;

    const token = `bench_${randomBytes(18).toString('base64url')}`;
    const server = await startHeadlessServer(dataDir, token, { GOODWILL_NOW: pinnedNow });
    const local = openInProcess(seeded.databaseFile);
    let measured;
    try {
      // The first start of the day copies the whole ledger (the daily backup, then a
      // quick_check of the copy). Measuring during it would measure the backup.
      process.stderr.write('  waiting for the start-up daily backup ...\n');
      const backup = await timeAsync(() =>
        server.nextLogLine(/Daily backup made|daily backup could not be made/, backupTimeoutMs),
      );
      if (/could not/.test(backup.value)) throw new Error(`The backup failed: ${backup.value}`);

      process.stderr.write('  ledger.aging against the floor ...\n');
      const current = await measureCurrent(server, local);
      process.stderr.write(`  ledger.aging as of ${historicalAsOf} ...\n`);
      const historical = await measureHistorical(server, local);
      const memory = await memoryOf(server.pid);
      process.stderr.write('  the Overdue screen in Chromium ...\n');
      const screen = await measureOverdueScreen(server);
      const memoryAfterScreen = await memoryOf(server.pid);
      await stopHeadlessServer(server);
      measured = { backupMs: backup.ms, current, historical, memory, screen, memoryAfterScreen };
    } finally {
      await local.close();
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }

    const { current, historical, memory, screen, memoryAfterScreen } = measured;
    const api = summarize(current.api);
    const floor = summarize(current.floor);
    const breakdown = summarizeBreakdown(current.breakdown);
    const past = summarize(historical.api);
    const pastBreakdown = summarizeBreakdown(historical.breakdown);
    // From the fastest runs: medians of separate measurements are moved about by whatever else
    // the machine is doing at the time, and their difference can come out below zero.
    const transport = api.min - breakdown.service.min - breakdown.stringify.min;

    const rows: Row[] = [
      {
        label: `seed: ${seeded.rows.toLocaleString('en-GB')} rows (generate + write)`,
        unit: 'rows/s',
        value: seeded.rows / (seedBuildMs / 1000),
      },
      { label: '  seed: time in all', unit: 's', value: seeded.totalMs / 1000 },
      { label: '  seed: database file', unit: 'MB', value: seeded.fileBytes / 1e6 },
      {
        label: `ledger.aging over HTTP, ${today}`,
        unit: 'ms',
        summary: api,
        target: { figure: 'median', below: apiTargetMs },
      },
      { label: '  floor: one SQL query, better-sqlite3', unit: 'ms', summary: floor },
      {
        label: '  ratio API / floor (medians)',
        unit: '×',
        value: api.median / floor.median,
        target: { figure: 'value', below: ratioTarget },
      },
      { label: '  answer size', unit: 'kB', value: current.bodyBytes / 1000 },
      { label: '  in-process: ledger service aging()', unit: 'ms', summary: breakdown.service },
      { label: '    of which: open amounts query', unit: 'ms', summary: breakdown.open },
      { label: '    of which: unapplied credit query', unit: 'ms', summary: breakdown.credit },
      {
        label: '    rest: folding, names, mapping (minima)',
        unit: 'ms',
        value: breakdown.service.min - breakdown.open.min - breakdown.credit.min,
      },
      { label: '  in-process: JSON.stringify', unit: 'ms', summary: breakdown.stringify },
      { label: '  left for HTTP and transport (minima)', unit: 'ms', value: transport },
      { label: `ledger.aging over HTTP, as of ${historicalAsOf}`, unit: 'ms', summary: past },
      { label: '  in-process: ledger service aging()', unit: 'ms', summary: pastBreakdown.service },
      { label: '    of which: open amounts query', unit: 'ms', summary: pastBreakdown.open },
      { label: '    of which: unapplied credit query', unit: 'ms', summary: pastBreakdown.credit },
      { label: 'start-up daily backup of the ledger', unit: 's', value: measured.backupMs / 1000 },
    ];
    if (memory) {
      rows.push(
        {
          label: 'headless RSS after the aging runs',
          unit: 'MB',
          value: memory.rssMB,
          target: { figure: 'value', below: rssTargetMB },
        },
        { label: '  peak RSS so far (VmHWM)', unit: 'MB', value: memory.peakMB },
      );
    } else {
      notes.push(`Memory not measured: /proc is Linux only (this is ${process.platform}).`);
    }
    if (screen.samples) {
      rows.push({
        label: 'Overdue screen: navigation → first row, Chromium',
        unit: 'ms',
        summary: summarize(screen.samples),
        target: { figure: 'median', below: firstRowsTargetMs },
      });
      if (memoryAfterScreen) {
        rows.push({
          label: '  headless RSS after the screen runs',
          unit: 'MB',
          value: memoryAfterScreen.rssMB,
        });
      }
    } else {
      notes.push(`Overdue screen not measured: ${screen.skipped}`);
    }

    notes.push(
      `Ledger: scripts/seed.ts --customers ${scale.customers} --invoices ${scale.invoices} --payments ${scale.payments} --seed ${seed} --today ${today}; ${seeded.openInvoices.toLocaleString('en-GB')} invoices open at ${today}, ${current.floorRows.toLocaleString('en-GB')} customer and currency rows. Seeding rows include invoice lines, allocations and timeline events.`,
      `Aging: headless mode with GOODWILL_NOW=${pinnedNow}, measured after its start-up daily backup finished. ${warmUps} warm-ups, then ${runs} runs alternating one HTTP call (keep-alive, request sent → last byte) with one floor query (statement prepared once; .all() timed). The first answer is checked against the floor row by row.`,
      `Breakdown: the app's ledger service and its two queries on the same file in this process (better-sqlite3 read-only + Kysely), in the same rounds as the HTTP calls (the first ${historicalBreakdownRuns} rounds only for the historical one); "rest" and "left for HTTP" are differences of the fastest runs (fastest service − fastest queries; fastest API call − fastest service − fastest stringify), since medians of separate measurements are moved about by whatever else the machine is doing.`,
      `Historical: ${warmUps} warm-ups, then ${runs} calls with { asOf: '${historicalAsOf}' }; no target.`,
      `Overdue screen: a new browser context per run (${overdueScreenRuns.warmUps} warm-up, ${overdueScreenRuns.runs} measured), ${'`'}/overdue#token=…${'`'}; from navigation start to the first body row of the "Overdue by customer" table in the DOM, at the next animation frame.`,
    );

    return {
      name: 'aging',
      title: `Aging at ${scale.customers.toLocaleString('en-GB')} customers, ${scale.invoices.toLocaleString('en-GB')} invoices, ${scale.payments.toLocaleString('en-GB')} payments`,
      notes,
      rows,
      details: {
        targets: {
          apiMedianMs: apiTargetMs,
          ratio: ratioTarget,
          rssMB: rssTargetMB,
          firstRowsMs: firstRowsTargetMs,
        },
        seed: { ...scale, seed, today, ...seeded },
        current: {
          api,
          floor,
          ratio: api.median / floor.median,
          bodyBytes: current.bodyBytes,
          floorRows: current.floorRows,
          samples: {
            api: current.api.map((ms) => round(ms)),
            floor: current.floor.map((ms) => round(ms)),
          },
          breakdown: { ...breakdown, transportMs: transport },
        },
        historical: {
          asOf: historicalAsOf,
          api: past,
          rows: historical.rows,
          samples: historical.api.map((ms) => round(ms)),
          breakdown: pastBreakdown,
        },
        backupMs: measured.backupMs,
        memory,
        memoryAfterScreen,
        overdueScreen: screen,
      },
    };
  } finally {
    await removeTempFolder(dataDir);
  }
}
