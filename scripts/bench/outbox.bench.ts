/**
 * Draining the outbox: 1,000 queued messages (a real approved reminder, about 36 KB with its
 * invoice PDF, copied with a fresh Message-ID each) sent by the app's own worker to a local
 * smtp-server running in a process of its own (scripts/bench/smtp-sink-child.ts), on one
 * connection per round as the worker does. Each message costs a claim committed before the
 * SMTP conversation and an outcome committed after it (synchronous = FULL), plus RSET.
 *
 * The floor, measured in the same run against the same server: nodemailer's SMTPConnection
 * sending the same 1,000 raw messages on one connection (RSET between), no database.
 * Both include one connection's set-up (smtp-server waits 100 ms before its greeting to catch
 * early talkers). Median of 3 runs each, alternated; each app run drains a fresh copy of the
 * prepared ledger (its daily backup copied with it, so none is made during the drain).
 *
 * Memory: this process's RSS sampled every 10 ms during each drain (start, peak, end), to
 * show it stays flat: the worker holds one message at a time. Then once more in a process
 * that does nothing else: headless mode (the build: `npm run build` first) started on a copy
 * of the ledger drains it at start, its RSS read from /proc until the server has them all.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MethodName } from '../../shared/api/contract';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { createMethodTable, registerApi } from '../../electron/api/register';
import { createApp, type AppCore } from '../../electron/app';
import { fixedClock } from '../../electron/clock';
import { createMemoryLogger } from '../../electron/logger';
import { composeMessage, newMessageId } from '../../electron/mail/compose';
import { insertOutboxMessage, type NewOutboxMessage } from '../../electron/mail/outbox.repository';
import { sampleBusiness } from '../../electron/testing/business';
import { sinkAccount } from '../../electron/testing/mail-fixture';
import { memoryOf, startHeadlessServer, stopHeadlessServer } from './headless-server';
import {
  childEnv,
  firstLineMatching,
  keepTail,
  makeTempFolder,
  removeTempFolder,
  spawnTracked,
  stopChild,
  withTimeout,
} from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize } from './stats';

const messageCount = 1000;
const runs = 3;
const sampleEveryMs = 10;
/** A Monday, 10:00 in London: inside the contact window, so every message is due now. */
const pinnedNow = '2027-03-15T10:00:00Z';
const drainTargetPerSecond = 100;
const rssGrowthTargetMB = 64;

const sinkEntry = fileURLToPath(new URL('./smtp-sink-child.ts', import.meta.url));

interface SinkProcess {
  port: number;
  /** Arrivals since the last reset and how many distinct Message-IDs among them. */
  count(command?: 'count' | 'reset'): Promise<{ arrivals: number; distinct: number }>;
  stop(): Promise<void>;
}

async function startSinkProcess(): Promise<SinkProcess> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', sinkEntry], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: childEnv(),
  });
  const stderrTail = keepTail(child.stderr);
  const match = await firstLineMatching(child, /^listening (\d+)$/, 30_000, stderrTail);
  // One reader for the answers, which come in the order they were asked.
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(line));
  return {
    port: Number(match[1]),
    async count(command = 'count') {
      const answer = new Promise<string>((resolve) => waiting.push(resolve));
      child.stdin!.write(`${command}\n`);
      const line = await withTimeout(answer, 10_000, `the sink to answer ${command}`);
      const [, arrivals, distinct] = /^count (\d+) (\d+)$/.exec(line) ?? [];
      if (arrivals === undefined) throw new Error(`The sink answered "${line}".\n${stderrTail()}`);
      return { arrivals: Number(arrivals), distinct: Number(distinct) };
    },
    async stop() {
      child.stdin!.end();
      await stopChild(child);
    },
  };
}

/**
 * Headless mode (the build) started on a copy of the prepared ledger: its worker drains at
 * start. Its RSS, read from /proc every few ms from the address line until the server has
 * every message, shows the memory of a process that only does this.
 */
async function headlessRun(prepared: string, runDir: string, sink: SinkProcess) {
  await cp(prepared, runDir, { recursive: true });
  await sink.count('reset');
  const began = performance.now();
  const server = await startHeadlessServer(runDir, randomBytes(18).toString('base64url'), {
    GOODWILL_NOW: pinnedNow,
  });
  try {
    const listenedMs = performance.now() - began;
    const atListening = await memoryOf(server.pid);
    let peakMB = atListening?.rssMB ?? 0;
    let arrivals = 0;
    /** RSS when the server had a quarter, half, three quarters of them. */
    const byQuarter: number[] = [];
    const deadline = performance.now() + 300_000;
    while (arrivals < messageCount) {
      if (performance.now() > deadline) throw new Error(`Headless mode sent ${arrivals}.`);
      const memory = await memoryOf(server.pid);
      peakMB = Math.max(peakMB, memory?.rssMB ?? 0);
      arrivals = (await sink.count()).arrivals;
      while (
        memory &&
        byQuarter.length < 3 &&
        arrivals >= ((byQuarter.length + 1) * messageCount) / 4
      ) {
        byQuarter.push(round(memory.rssMB, 1));
      }
      await new Promise((resolve) => setTimeout(resolve, sampleEveryMs));
    }
    const doneMs = performance.now() - began;
    const atEnd = await memoryOf(server.pid);
    const { distinct } = await sink.count();
    if (distinct !== messageCount) throw new Error('A Message-ID reached the server twice.');
    return {
      listenedMs,
      doneMs,
      byQuarter,
      memory: atListening &&
        atEnd && {
          startMB: atListening.rssMB,
          peakMB: Math.max(peakMB, atEnd.rssMB),
          endMB: atEnd.rssMB,
          /** The kernel's high-water mark, start-up included. */
          highWaterMB: atEnd.peakMB,
        },
    };
  } finally {
    await stopHeadlessServer(server);
    await removeTempFolder(runDir).catch(() => undefined);
  }
}

function openApp(dataDir: string): Promise<AppCore> {
  return createApp({
    dataDir,
    clock: fixedClock(new Date(pinnedNow)),
    mode: 'headless',
    log: createMemoryLogger(),
    reminderSchedule: false,
    // The benchmark drains by hand, to time exactly that.
    mailer: false,
  });
}

/**
 * One reminder approved the way the owner does it (drafted, its invoice PDF attached,
 * composed, queued), then copied to `messageCount` with a new Message-ID each.
 * Returns the raw messages and their envelope, for the floor.
 */
async function prepareLedger(dataDir: string, sinkPort: number) {
  const app = await openApp(dataDir);
  try {
    await app.services.settings.completeOnboarding(sampleBusiness);
    const table = createMethodTable();
    registerApi(table, app.services, createMemoryLogger());
    const call = async <T>(method: MethodName, input: unknown): Promise<T> => {
      const answer = await table.get(method)!(input);
      if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    };
    await call('mail.updateAccount', sinkAccount(sinkPort));
    const customer = await call<{ id: number }>('customers.create', {
      name: 'Alder & Co',
      kind: 'company',
      email: 'accounts@alder.example',
    });
    await call('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-15',
      dueDate: '2027-03-01',
      currency: 'GBP',
      lines: [{ description: 'Shelving', quantity: '1', unitPrice: 50000 }],
    });
    const queue = await call<ReminderQueue>('reminders.queue', {});
    await call('reminders.act', { itemId: queue.items[0]!.id, action: 'approve' });

    const db = app.connection.db;
    const first = await db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    const attachments = (
      await db
        .selectFrom('outbox_attachments')
        .selectAll()
        .where('outbox_id', '=', first.id)
        .execute()
    ).map((a) => ({ fileName: a.file_name, contentType: a.content_type, content: a.content }));
    const from = { name: first.from_name, address: first.from_address };
    const now = new Date(pinnedNow);
    for (let start = 1; start < messageCount; start += 100) {
      const batch: NewOutboxMessage[] = [];
      for (let n = start; n < Math.min(start + 100, messageCount); n += 1) {
        const messageId = newMessageId(from.address, randomUUID());
        const parts = {
          from,
          to: first.to_address,
          cc: [],
          replyTo: first.reply_to,
          subject: first.subject,
          text: first.text_body,
          html: first.html_body,
          attachments,
        };
        batch.push({
          ...parts,
          customerId: first.customer_id,
          itemId: null,
          occasion: first.occasion,
          messageId,
          raw: await composeMessage({ ...parts, bcc: [], messageId, date: now }),
          state: 'queued' as const,
          notBefore: null,
        });
      }
      await db.transaction().execute(async (trx) => {
        for (const message of batch) await insertOutboxMessage(trx, message, now);
      });
    }
    const rows = await db
      .selectFrom('outbox')
      .select(['raw', 'to_address'])
      .orderBy('id')
      .execute();
    if (rows.length !== messageCount) throw new Error(`Prepared ${rows.length} messages.`);
    // The day's backup now, so that no run makes one while it drains.
    await app.backups.dailyIfDue();
    return {
      envelope: { from: from.address, to: [first.to_address] },
      raws: rows.map((row) => row.raw!),
    };
  } finally {
    await app.close();
  }
}

/** RSS in MB (10^6 bytes), sampled on a timer while `work` runs. */
async function sampled<T>(work: () => Promise<T>) {
  const rss = () => process.memoryUsage().rss / 1e6;
  const start = rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss());
  }, sampleEveryMs);
  const began = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - began;
    const end = rss();
    return { value, ms, memory: { startMB: start, peakMB: Math.max(peak, end), endMB: end } };
  } finally {
    clearInterval(timer);
  }
}

async function drainRun(prepared: string, runDir: string, sink: SinkProcess) {
  await cp(prepared, runDir, { recursive: true });
  const app = await openApp(runDir);
  try {
    await sink.count('reset');
    const { value, ms, memory } = await sampled(() => app.outbox.drain());
    const after = await sink.count();
    if (value.sent !== messageCount || value.other !== 0) {
      throw new Error(`The drain sent ${value.sent} and left ${value.other}.`);
    }
    if (after.arrivals !== messageCount || after.distinct !== messageCount) {
      throw new Error(
        `The server received ${after.arrivals} messages with ${after.distinct} Message-IDs.`,
      );
    }
    return { ms, perSecond: messageCount / (ms / 1000), memory };
  } finally {
    await app.close();
    await removeTempFolder(runDir).catch(() => undefined);
  }
}

/** The floor: the same raw messages over one SMTPConnection, RSET between, no database. */
async function floorRun(raws: Buffer[], envelope: { from: string; to: string[] }, port: number) {
  const began = performance.now();
  const connection = new SMTPConnection({ host: '127.0.0.1', port, ignoreTLS: true });
  await new Promise<void>((resolve, reject) => {
    connection.once('error', reject);
    connection.connect(() => {
      connection.off('error', reject);
      resolve();
    });
  });
  for (const [index, raw] of raws.entries()) {
    if (index > 0) {
      await new Promise<void>((resolve, reject) =>
        connection.reset((error) => (error ? reject(error) : resolve())),
      );
    }
    await new Promise<void>((resolve, reject) =>
      connection.send(envelope, raw, (error) => (error ? reject(error) : resolve())),
    );
  }
  connection.quit();
  const ms = performance.now() - began;
  return { ms, perSecond: raws.length / (ms / 1000) };
}

export async function runOutboxBench(): Promise<BenchResult> {
  const folder = await makeTempFolder('goodwill-bench-outbox-');
  const sink = await startSinkProcess();
  try {
    const prepared = join(folder, 'prepared');
    process.stderr.write(`  preparing ${messageCount} queued messages ...\n`);
    const { raws, envelope } = await prepareLedger(prepared, sink.port);
    const rawKB = raws.reduce((sum, raw) => sum + raw.length, 0) / raws.length / 1024;

    const drains: Awaited<ReturnType<typeof drainRun>>[] = [];
    const floors: Awaited<ReturnType<typeof floorRun>>[] = [];
    for (let run = 0; run < runs; run += 1) {
      await sink.count('reset');
      floors.push(
        await withTimeout(floorRun(raws, envelope, sink.port), 300_000, 'the SMTPConnection floor'),
      );
      const after = await sink.count();
      if (after.arrivals !== messageCount) {
        throw new Error('The floor run did not deliver every message.');
      }
      drains.push(
        await withTimeout(
          drainRun(prepared, join(folder, `run-${run}`), sink),
          300_000,
          'the outbox drain',
        ),
      );
      process.stderr.write(
        `  run ${run + 1}: drain ${drains[run]!.perSecond.toFixed(0)} msg/s, floor ${floors[run]!.perSecond.toFixed(0)} msg/s\n`,
      );
    }

    process.stderr.write('  headless mode draining the same ledger (RSS from /proc) ...\n');
    const headless = await headlessRun(prepared, join(folder, 'headless'), sink);

    const drainRate = summarize(drains.map((d) => d.perSecond));
    const floorRate = summarize(floors.map((f) => f.perSecond));
    const growth = summarize(drains.map((d) => d.memory.peakMB - d.memory.startMB));
    const rows: Row[] = [
      {
        label: `outbox drain, ${messageCount.toLocaleString('en-US')} messages`,
        unit: 'msg/s',
        value: round(drainRate.median, 1),
        target: { figure: 'value', atLeast: drainTargetPerSecond },
      },
      {
        label: 'floor: SMTPConnection, same bytes, no database',
        unit: 'msg/s',
        value: round(floorRate.median, 1),
      },
      {
        label: 'drain / floor',
        unit: 'ratio',
        value: round(drainRate.median / floorRate.median, 3),
      },
      {
        label: 'drain time',
        unit: 'ms',
        summary: summarize(drains.map((d) => d.ms)),
      },
      {
        label: 'floor time',
        unit: 'ms',
        summary: summarize(floors.map((f) => f.ms)),
      },
      {
        label: 'RSS at drain start',
        unit: 'MB',
        summary: summarize(drains.map((d) => d.memory.startMB)),
      },
      {
        label: 'RSS peak during drain',
        unit: 'MB',
        summary: summarize(drains.map((d) => d.memory.peakMB)),
      },
      {
        label: 'RSS at drain end',
        unit: 'MB',
        summary: summarize(drains.map((d) => d.memory.endMB)),
      },
      {
        label: 'RSS growth, peak − start',
        unit: 'MB',
        summary: growth,
        target: { figure: 'median', below: rssGrowthTargetMB },
      },
      ...(headless.memory
        ? [
            {
              label: 'headless: RSS at the address line',
              unit: 'MB',
              value: round(headless.memory.startMB, 1),
            },
            {
              label: 'headless: RSS peak until all arrived',
              unit: 'MB',
              value: round(headless.memory.peakMB, 1),
            },
            {
              label: 'headless: RSS at 1/4, 1/2, 3/4 arrived',
              unit: 'MB',
              summary: summarize(headless.byQuarter),
            },
            {
              label: 'headless: RSS when all arrived',
              unit: 'MB',
              value: round(headless.memory.endMB, 1),
            },
            {
              label: 'headless: RSS growth, peak − address line',
              unit: 'MB',
              value: round(headless.memory.peakMB - headless.memory.startMB, 1),
              target: { figure: 'value' as const, below: rssGrowthTargetMB },
            },
          ]
        : []),
      {
        label: 'headless: spawn → all 1,000 arrived',
        unit: 'ms',
        value: round(headless.doneMs, 0),
      },
    ];
    return {
      name: 'outbox',
      title: `Outbox: ${messageCount.toLocaleString('en-US')} queued messages (${rawKB.toFixed(1)} KB each) to a local smtp-server in its own process, median of ${runs}`,
      notes: [
        'Drain: the app’s worker (app.outbox.drain) on a fresh copy of the prepared ledger; each message is claimed (committed) before its SMTP conversation and its outcome committed after, with RSET between messages on one connection.',
        'Floor: nodemailer SMTPConnection sending the same raw messages on one connection (RSET between), no database; both include one connection set-up (smtp-server’s 100 ms greeting delay).',
        `RSS of this process sampled every ${sampleEveryMs} ms during each drain (its start includes the prepared messages kept for the floor); the server counted arrivals and distinct Message-IDs in each run (${messageCount} of each, every run).`,
        'Headless: the build (dist/electron/headless.js) on another copy, its worker draining at start; its RSS read from /proc from the address line until the server had all 1,000 (Linux only).',
      ],
      rows,
      details: {
        messageCount,
        rawBytesAverage: Math.round(rawKB * 1024),
        drains: drains.map((d) => ({
          ms: round(d.ms),
          perSecond: round(d.perSecond, 1),
          memory: {
            startMB: round(d.memory.startMB, 1),
            peakMB: round(d.memory.peakMB, 1),
            endMB: round(d.memory.endMB, 1),
          },
        })),
        floors: floors.map((f) => ({ ms: round(f.ms), perSecond: round(f.perSecond, 1) })),
        headless,
      },
    };
  } finally {
    await sink.stop();
    await removeTempFolder(folder);
  }
}
