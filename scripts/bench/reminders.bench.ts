/**
 * The reminder engine and the Today queue at the scale of a busy business's whole history:
 * 5,000 customers, 300,000 invoices, 200,000 payments (scripts/seed.ts, seed 42), with "now"
 * pinned on a weekday inside the contact window.
 *
 * 1. The first full tick on a ledger that has never been ticked (every episode and item
 *    written), in this process with the app's own engine; then a full tick over a queue that
 *    is already up to date, which is what every start of the app costs.
 * 2. Headless mode started on a copy of the same ledger: spawn → address line → first
 *    `reminders.queue` answer, which waits for the start-up tick (and runs beside the day's
 *    first backup, as on a real first start of the day).
 * 3. `reminders.queue` over HTTP (each call ticks first, with nothing to do, then reads the
 *    queue), against `app.info` over HTTP (the transport's floor) and the raw SQL read of the
 *    open items with better-sqlite3 (the storage's floor); the app's service in this process
 *    beside them. The first HTTP answer is checked against the in-process one, item by item.
 * 4. A tick with nothing new to do, against the two numbers it reads (its floor).
 * 5. A tick after one payment is recorded: one customer reconciled (no target).
 */
import { randomBytes } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { createApp, type AppCore } from '../../electron/app';
import { fixedClock } from '../../electron/clock';
import { createMemoryLogger } from '../../electron/logger';
import { databaseFileName } from '../../electron/paths';
import type { TickResult } from '../../electron/reminders/engine';
import { seedLedger } from '../seed/seed-ledger';
import { callApi, keepAliveAgent, valueOf } from './http-client';
import {
  headlessEntry,
  memoryOf,
  startHeadlessServer,
  stopHeadlessServer,
  type HeadlessServer,
} from './headless-server';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize } from './stats';

const scale = { customers: 5000, invoices: 300_000, payments: 200_000 };
const seed = 42;
const today = '2027-03-15';
/** A Monday, 10:00 in London (GMT): inside the default contact window. */
const pinnedNow = `${today}T10:00:00Z`;

const warmUps = 2;
const runs = 20;
const fullTickRuns = 3;
const paymentWarmUps = 1;
const paymentRuns = 10;

const queueTargetMs = 200;
const idleTickTargetMs = 100;
const backupTimeoutMs = 300_000;

/** The floor of reading the stored queue: the same rows as the app's read, nothing else. */
const openItemsSql = `
  SELECT ri.id, ri.customer_id, ri.step, ri.episode, ri.ref, ri.channel, ri.status,
    ri.invoice_ids, ri.why, ri.summary, ri.skipped_steps, ri.autopilot, ri.snoozed_until,
    ri.acted_at, c.name AS customer_name, c.kind, c.time_zone
  FROM reminder_items ri JOIN customers c ON c.id = ri.customer_id
  WHERE ri.status = 'open'`;

/** What an idle tick reads: the last event. (Settings, the other read, is one row.) */
const lastEventSql = 'SELECT max(id) FROM events';

/** For the incremental ticks: each customer's most overdue invoice, among those in the queue. */
const payableSql = `
  SELECT i.customer_id AS customerId, i.id AS invoiceId, i.currency,
    i.total_amount - i.settled_amount AS open, min(i.due_date) AS dueDate
  FROM invoices i
  WHERE i.settled_amount < i.total_amount AND i.voided_at IS NULL AND i.is_draft = 0
    AND i.due_date < @today
    AND i.customer_id IN (SELECT customer_id FROM reminder_items WHERE status = 'open')
  GROUP BY i.customer_id
  ORDER BY i.customer_id
  LIMIT @count`;

interface Payable {
  customerId: number;
  invoiceId: number;
  currency: string;
  open: number;
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

/** The app in this process, as headless mode builds it, without the timed ticks. */
async function openApp(dataDir: string) {
  const log = createMemoryLogger();
  const app = await createApp({
    dataDir,
    clock: fixedClock(new Date(pinnedNow)),
    mode: 'headless',
    log,
    reminderSchedule: false,
  });
  return { app, log };
}

/**
 * The in-process side: the first start of the day makes the daily backup (a copy of the whole
 * ledger and a check of it) beside everything else; opening and closing once first gets that
 * done, so that the ticks measured here run alone.
 */
async function openInProcess(dataDir: string): Promise<AppCore> {
  process.stderr.write('  in-process: the daily backup first ...\n');
  const first = await openApp(dataDir);
  await first.app.close();
  const failed = first.log.lines.find((line) => line.startsWith('error'));
  if (failed) throw new Error(`The in-process app logged an error: ${failed}`);
  return (await openApp(dataDir)).app;
}

function checkTick(what: string, result: TickResult, expect: Partial<TickResult>) {
  for (const [key, value] of Object.entries(expect)) {
    if (result[key as keyof TickResult] !== value) {
      throw new Error(`${what}: expected ${key} ${String(value)}, got ${JSON.stringify(result)}.`);
    }
  }
}

/** The HTTP answer must be the in-process queue, or the comparison means nothing. */
function checkSameQueue(http: ReminderQueue, local: ReminderQueue) {
  const strip = (queue: ReminderQueue) =>
    queue.items
      .map(({ id: _id, ...item }) => JSON.stringify(item))
      .sort()
      .join('\n');
  if (http.date !== today || http.preview) {
    throw new Error(`reminders.queue answered for ${http.date} (preview ${http.preview}).`);
  }
  if (http.items.length !== local.items.length) {
    throw new Error(
      `reminders.queue over HTTP has ${http.items.length} items, in process ${local.items.length}.`,
    );
  }
  if (strip(http) !== strip(local)) {
    throw new Error('reminders.queue over HTTP and in process disagree on an item.');
  }
}

/**
 * `reminders.queue` over HTTP, `app.info` over HTTP, the raw read of the open items and the
 * in-process service, one after the other in every round, so that a busier stretch of the
 * machine falls on all of them alike.
 */
async function measureQueue(server: HeadlessServer, app: AppCore, headlessFile: string) {
  const floorDb = new Database(headlessFile, { readonly: true, fileMustExist: true });
  const agent = keepAliveAgent();
  try {
    const floorRead = floorDb.prepare(openItemsSql);
    const samples = { api: [] as number[], info: [] as number[], floor: [] as number[] };
    const local = { service: [] as number[], stringify: [] as number[] };
    let bodyBytes = 0;
    let items = 0;
    let stored = 0;
    const statuses: Record<string, number> = {};
    for (let run = 0; run < warmUps + runs; run++) {
      const call = await timeAsync(() => callApi(server, 'reminders.queue', {}, agent));
      const info = await timeAsync(() => callApi(server, 'app.info', {}, agent));
      valueOf('app.info', info.value);
      const floor = time(() => floorRead.all());
      const service = await timeAsync(() => app.services.reminders.queue({}));
      const json = time(() => JSON.stringify({ ok: true, value: service.value }));
      const queue = valueOf('reminders.queue', call.value) as ReminderQueue;
      if (run === 0) {
        checkSameQueue(queue, service.value);
        for (const item of queue.items) statuses[item.status] = (statuses[item.status] ?? 0) + 1;
      }
      bodyBytes = Buffer.byteLength(call.value.body);
      items = queue.items.length;
      stored = floor.value.length;
      if (run < warmUps) continue;
      samples.api.push(call.ms);
      samples.info.push(info.ms);
      samples.floor.push(floor.ms);
      local.service.push(service.ms);
      local.stringify.push(json.ms);
    }
    return { samples, local, bodyBytes, items, stored, statuses };
  } finally {
    agent.destroy();
    floorDb.close();
  }
}

/** A tick with nothing to do, alternating with the floor: the read of the last event. */
async function measureIdleTicks(app: AppCore) {
  const lastEvent = app.connection.sqlite.prepare(lastEventSql).pluck();
  const ticks: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < warmUps + runs; run++) {
    const tick = await timeAsync(() => app.reminders.tick());
    checkTick('An idle tick', tick.value, { customers: 0, inserted: 0, withdrawn: 0 });
    const read = time(() => lastEvent.get());
    if (run < warmUps) continue;
    ticks.push(tick.ms);
    floor.push(read.ms);
  }
  return { ticks, floor };
}

/** One payment settling a queued customer's most overdue invoice, then the tick that follows. */
async function measurePaymentTicks(app: AppCore) {
  const payable = app.connection.sqlite
    .prepare<{ today: string; count: number }, Payable>(payableSql)
    .all({ today, count: paymentWarmUps + paymentRuns });
  if (payable.length < paymentWarmUps + paymentRuns) {
    throw new Error(`Only ${payable.length} queued customers have an overdue invoice to pay.`);
  }
  const ticks: number[] = [];
  const records: number[] = [];
  const changes = { inserted: 0, withdrawn: 0 };
  for (const [run, target] of payable.entries()) {
    const record = await timeAsync(() =>
      app.services.payments.record({
        customerId: target.customerId,
        date: today,
        amount: target.open,
        currency: target.currency,
        reference: 'reminders bench',
        allocations: [{ invoiceId: target.invoiceId, amount: target.open }],
      }),
    );
    const tick = await timeAsync(() => app.reminders.tick());
    checkTick('The tick after a payment', tick.value, { customers: 1, full: false });
    if (run < paymentWarmUps) continue;
    records.push(record.ms);
    ticks.push(tick.ms);
    changes.inserted += tick.value.inserted;
    changes.withdrawn += tick.value.withdrawn;
  }
  return { ticks, records, changes };
}

export async function runRemindersBench(): Promise<BenchResult> {
  if (!existsSync(headlessEntry)) {
    throw new Error(`${headlessEntry} is missing: run \`npm run build\` first.`);
  }
  const notes: string[] = [];
  const localDir = await makeTempFolder('goodwill-bench-reminders-');
  const headlessDir = await makeTempFolder('goodwill-bench-reminders-http-');
  try {
    process.stderr.write(
      `  seeding ${scale.customers} customers, ${scale.invoices} invoices, ${scale.payments} payments ...\n`,
    );
    const seeded = await seedLedger({ ...scale, seed, today, dataDir: localDir, force: false });
    const headlessFile = join(headlessDir, databaseFileName);
    await copyFile(seeded.databaseFile, headlessFile);

    const app = await openInProcess(localDir);
    let measured;
    try {
      process.stderr.write('  in-process: the first full tick ...\n');
      const first = await timeAsync(() => app.reminders.tick());
      checkTick('The first tick', first.value, { full: true, withdrawn: 0 });
      if (first.value.inserted === 0) throw new Error('The first tick proposed nothing.');
      const fullAgain: number[] = [];
      for (let run = 0; run < fullTickRuns; run++) {
        const tick = await timeAsync(() => app.reminders.tick({ full: true }));
        checkTick('A full tick over an up-to-date queue', tick.value, {
          inserted: 0,
          withdrawn: 0,
        });
        fullAgain.push(tick.ms);
      }

      process.stderr.write('  headless mode: start-up and the first queue ...\n');
      const token = `bench_${randomBytes(18).toString('base64url')}`;
      const spawnedAt = performance.now();
      const server = await startHeadlessServer(headlessDir, token, { GOODWILL_NOW: pinnedNow });
      const listenedAt = performance.now();
      // Listened for from the start: the backup may well finish before the first queue does.
      const backupLine = server.nextLogLine(
        /Daily backup made|daily backup could not be made/,
        backupTimeoutMs,
      );
      backupLine.catch(() => undefined);
      try {
        const agent = keepAliveAgent();
        const firstQueue = await callApi(server, 'reminders.queue', {}, agent);
        agent.destroy();
        valueOf('reminders.queue', firstQueue);
        const answeredAt = performance.now();
        const backup = await backupLine;
        if (/could not/.test(backup)) throw new Error(`The backup failed: ${backup}`);

        process.stderr.write('  reminders.queue against app.info and the raw read ...\n');
        const queue = await measureQueue(server, app, headlessFile);
        const memory = await memoryOf(server.pid);
        await stopHeadlessServer(server);

        process.stderr.write('  in-process: idle ticks, ticks after a payment ...\n');
        const idle = await measureIdleTicks(app);
        const payments = await measurePaymentTicks(app);
        measured = {
          first,
          fullAgain,
          start: {
            toListeningMs: listenedAt - spawnedAt,
            toFirstQueueMs: answeredAt - spawnedAt,
            listeningToFirstQueueMs: answeredAt - listenedAt,
          },
          queue,
          memory,
          idle,
          payments,
        };
      } finally {
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
      }
    } finally {
      await app.close();
    }

    const { first, start, queue, memory, idle, payments } = measured;
    const api = summarize(queue.samples.api);
    const info = summarize(queue.samples.info);
    const floor = summarize(queue.samples.floor);
    const service = summarize(queue.local.service);
    const stringify = summarize(queue.local.stringify);
    const fullAgain = summarize(measured.fullAgain);
    const idleTick = summarize(idle.ticks);
    const idleFloor = summarize(idle.floor);
    const paymentTick = summarize(payments.ticks);
    const paymentRecord = summarize(payments.records);
    const n = (value: number) => value.toLocaleString('en-GB');

    const rows: Row[] = [
      {
        label: `first full tick: ${n(first.value.customers)} customers, ${n(first.value.inserted)} items`,
        unit: 'ms',
        value: first.ms,
      },
      { label: '  full tick, queue already up to date', unit: 'ms', summary: fullAgain },
      { label: 'headless: spawn → address line', unit: 'ms', value: start.toListeningMs },
      {
        label: '  spawn → first reminders.queue (start-up tick)',
        unit: 'ms',
        value: start.toFirstQueueMs,
      },
      {
        label: 'reminders.queue over HTTP',
        unit: 'ms',
        summary: api,
        target: { figure: 'median', below: queueTargetMs },
      },
      { label: '  app.info over HTTP (transport floor)', unit: 'ms', summary: info },
      { label: '  ratio queue / app.info (medians)', unit: '×', value: api.median / info.median },
      { label: '  raw SQL read of the open items (floor)', unit: 'ms', summary: floor },
      { label: '  ratio queue / raw read (medians)', unit: '×', value: api.median / floor.median },
      { label: '  in-process: reminders service queue()', unit: 'ms', summary: service },
      { label: '  in-process: JSON.stringify', unit: 'ms', summary: stringify },
      { label: '  answer size', unit: 'kB', value: queue.bodyBytes / 1000 },
      { label: '  answer items', unit: 'items', value: queue.items },
      {
        label: 'tick with nothing new to do',
        unit: 'ms',
        summary: idleTick,
        target: { figure: 'median', below: idleTickTargetMs },
      },
      { label: '  read of the last event (floor)', unit: 'ms', summary: idleFloor },
      {
        label: '  ratio idle tick / floor (medians)',
        unit: '×',
        value: idleTick.median / idleFloor.median,
      },
      { label: 'tick after one payment (1 customer)', unit: 'ms', summary: paymentTick },
      { label: '  payments.record itself, in-process', unit: 'ms', summary: paymentRecord },
    ];
    if (memory) {
      rows.push({ label: 'headless RSS after the queue runs', unit: 'MB', value: memory.rssMB });
    } else {
      notes.push(`Memory not measured: /proc is Linux only (this is ${process.platform}).`);
    }

    const statusText = Object.entries(queue.statuses)
      .map(([status, count]) => `${n(count)} ${status}`)
      .join(', ');
    notes.push(
      `Ledger: scripts/seed.ts --customers ${scale.customers} --invoices ${scale.invoices} --payments ${scale.payments} --seed ${seed} --today ${today}; ${n(seeded.openInvoices)} invoices open. Now pinned at ${pinnedNow} (GOODWILL_NOW in headless mode, a fixed clock in process).`,
      `Ticks: the app's engine in this process (createApp without the timed ticks, after its daily backup was made). The first tick on the never-ticked ledger once; then ${fullTickRuns} full ticks over the up-to-date queue (what each start costs); ${warmUps} warm-ups and ${runs} idle ticks, each followed by the floor (one prepared "${lastEventSql}"); ${paymentWarmUps} warm-up and ${paymentRuns} rounds of one payment settling a queued customer's most overdue invoice, then one tick (${payments.changes.inserted} items inserted, ${payments.changes.withdrawn} withdrawn over the rounds).`,
      `Start: headless mode on a copy of the never-ticked ledger; its start-up tick runs beside the day's first backup, as on a real first start of the day. The measurements below were taken after that backup.`,
      `Queue: ${warmUps} warm-ups, then ${runs} rounds of one reminders.queue call and one app.info call over HTTP (keep-alive, request sent → last byte), the raw read of the open items (${n(queue.stored)} rows; better-sqlite3, read-only, statement prepared once; .all() timed) and the in-process service on its own copy. The first HTTP answer is checked against the in-process one. The answer: ${n(queue.items)} items (${statusText}), blocked customers included.`,
    );

    return {
      name: 'reminders',
      title: `Reminders at ${n(scale.customers)} customers, ${n(scale.invoices)} invoices, ${n(scale.payments)} payments`,
      notes,
      rows,
      details: {
        targets: { queueMedianMs: queueTargetMs, idleTickMedianMs: idleTickTargetMs },
        seed: { ...scale, seed, today, pinnedNow, ...seeded },
        firstTick: { ms: first.ms, result: first.value },
        fullTickUpToDate: fullAgain,
        start,
        queue: {
          api,
          appInfo: info,
          rawRead: floor,
          service,
          stringify,
          ratioToAppInfo: api.median / info.median,
          ratioToRawRead: api.median / floor.median,
          bodyBytes: queue.bodyBytes,
          items: queue.items,
          storedOpenItems: queue.stored,
          statuses: queue.statuses,
          samples: {
            api: queue.samples.api.map((ms) => round(ms)),
            appInfo: queue.samples.info.map((ms) => round(ms)),
            rawRead: queue.samples.floor.map((ms) => round(ms)),
          },
        },
        idleTick: {
          tick: idleTick,
          floor: idleFloor,
          ratio: idleTick.median / idleFloor.median,
          samples: idle.ticks.map((ms) => round(ms)),
        },
        paymentTick: {
          tick: paymentTick,
          record: paymentRecord,
          changes: payments.changes,
          samples: payments.ticks.map((ms) => round(ms)),
        },
        memory,
      },
    };
  } finally {
    await removeTempFolder(localDir);
    await removeTempFolder(headlessDir);
  }
}
