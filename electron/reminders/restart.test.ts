/**
 * The engine's crash promise, end to end: headless mode is killed (SIGKILL, no clean-up of any
 * kind) again and again while its start-up tick writes the queue of a seeded ledger; then it
 * runs once to the end. Afterwards no key (customer, step, episode, ref) is there twice, no
 * customer has two open episodes, and the queue, the stored items, the episodes and the
 * timeline are exactly those of one clean run on a copy of the same ledger at the same instant.
 *
 * Two days in turn: the first builds the queue from nothing (inserts only); a week later the
 * same ledger moves steps on (withdrawals and inserts), with the kills landing in that.
 *
 * The processes run the sources through tsx (`node --import tsx electron/headless.ts`), not
 * dist/: `npm run test:unit` and `npx vitest run` need no build, the code tested is the code in
 * the tree rather than whatever was last built, and a build running at the same time (it
 * empties dist/electron first) cannot pull the entry point away mid-test. The seed command runs
 * the same way. A SIGKILL ends the node process itself, with nothing between.
 *
 * No fixed waits: every kill is timed from something observed (the spawn, the address line,
 * a commit seen in the file), with offsets drawn at random within what a clean run measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueItem, ReminderQueue } from '../../shared/reminders/queue';
import { databaseFileName } from '../paths';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Large enough that the first tick takes about a second (several chunks of 250 customers). */
const scale = { customers: 2000, invoices: 60_000, payments: 40_000 };
/** Weekdays inside the default contact window; the second a week after the first. */
const days = ['2027-03-15T10:00:00Z', '2027-03-22T10:00:00Z'] as const;
/**
 * The kills of each day, in order. `commit`: on the first commit beyond what earlier runs left,
 * then a random moment within the next chunk or so (so always mid-tick, at varied points of a
 * chunk's transaction); `listening`: a random moment within one tick's length after the address
 * line; `starting`: a random moment in the later part of a start-up, timed from the spawn (the
 * database opened, the backup begun, the tick's first chunks under way). Once a run has gone
 * through the whole tick, later kills cut only re-runs that find their rows already there.
 */
const killPlan = ['commit', 'listening', 'commit', 'starting', 'commit'] as const;
/** A tick's chunk of 250 customers takes about this share of the whole tick here. */
const chunkShare = 1 / 8;

const processTimeoutMs = 60_000;
const pollMs = 2;

let root = '';
const running = new Set<ChildProcess>();

interface Headless {
  child: ChildProcess;
  spawnedAt: number;
  /** Resolves with the port once the address line is printed; rejects if it exits first. */
  listening: Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  token: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The environment for children: without a loader or flags this test runner put in NODE_OPTIONS. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

function runTs(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function exitOf(child: ChildProcess): Headless['exited'] {
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', reject);
  });
}

async function seed(dataDir: string): Promise<void> {
  const child = runTs([
    'scripts/seed.ts',
    '--customers',
    String(scale.customers),
    '--invoices',
    String(scale.invoices),
    '--payments',
    String(scale.payments),
    '--data-dir',
    dataDir,
  ]);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const { code } = await withTimeout(exitOf(child), processTimeoutMs, 'the seed command');
  if (code !== 0) throw new Error(`The seed command failed (${code}):\n${output}`);
}

function startHeadless(dataDir: string, now: string): Headless {
  const token = randomBytes(18).toString('base64url');
  const spawnedAt = performance.now();
  const child = runTs(
    ['electron/headless.ts', '--data-dir', dataDir, '--port', '0', `--token=${token}`],
    { GOODWILL_NOW: now },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8192)));
  const exited = exitOf(child);
  const listening = new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^Goodwill is running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`Headless mode exited (${code ?? signal}) before listening.\n${stderr}`)),
    );
  });
  // A kill before the address line is expected; nobody need hear of it.
  listening.catch(() => undefined);
  return { child, spawnedAt, listening, exited, stderr: () => stderr, token };
}

async function kill(headless: Headless): Promise<void> {
  if (headless.child.exitCode === null && headless.child.signalCode === null) {
    headless.child.kill('SIGKILL');
  }
  await withTimeout(headless.exited, processTimeoutMs, 'a killed process to exit');
}

async function queueOf(headless: Headless): Promise<ReminderQueue> {
  const port = await withTimeout(headless.listening, processTimeoutMs, 'the address line');
  const response = await fetch(`http://127.0.0.1:${port}/api/reminders.queue`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${headless.token}`, 'Content-Type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(processTimeoutMs),
  });
  const answer = (await response.json()) as { ok: boolean; value?: ReminderQueue; error?: unknown };
  if (!answer.ok || !answer.value) {
    throw new Error(`reminders.queue failed: ${JSON.stringify(answer.error)}`);
  }
  return answer.value;
}

/** Starts, waits for the queue (which waits for the start-up tick), and stops with SIGTERM. */
async function cleanRun(dataDir: string, now: string) {
  const headless = startHeadless(dataDir, now);
  await withTimeout(headless.listening, processTimeoutMs, 'the address line');
  const listenedAt = performance.now();
  const queue = await queueOf(headless);
  const answeredAt = performance.now();
  headless.child.kill('SIGTERM');
  const { code } = await withTimeout(headless.exited, processTimeoutMs, 'a clean stop');
  if (code !== 0) throw new Error(`Headless mode stopped with ${code}.\n${headless.stderr()}`);
  return {
    queue,
    startupMs: listenedAt - headless.spawnedAt,
    tickMs: answeredAt - listenedAt,
  };
}

/**
 * Read-only, so that this process never checkpoints or removes the WAL a killed process left:
 * recovering from it is the next headless process's job.
 */
function readDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const lastEventId = (db: Database.Database) =>
  db.prepare('SELECT coalesce(max(id), 0) FROM events').pluck().get() as number;

/** Resolves once the file holds an event past `since`, or `stop` settles, whichever is first. */
async function commitPast(dataDir: string, since: number, stop: Promise<unknown>) {
  let stopped = false;
  void stop.finally(() => (stopped = true)).catch(() => undefined);
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    while (!stopped) {
      if (lastEventId(db) > since) return 'commit';
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return 'stopped';
  } finally {
    db.close();
  }
}

const randomUpTo = (ms: number) => Math.random() * ms;

/** Everything the engine decides, without the row ids (which follow the order of inserts). */
function engineState(dataDir: string, seededEventId: number) {
  return readDatabase(dataDir, (db) => ({
    items: db
      .prepare(
        `SELECT customer_id, step, episode, ref, channel, autopilot, status, invoice_ids, summary,
           why, skipped_steps, proposed_on, proposed_at, snoozed_until, acted_at, send_after
         FROM reminder_items ORDER BY customer_id, step, episode, ref`,
      )
      .all(),
    episodes: db
      .prepare(
        `SELECT customer_id, number, started_on, ended_on FROM reminder_episodes
         ORDER BY customer_id, number`,
      )
      .all(),
    // The timeline the engine wrote: each thing it did, once.
    events: (
      db
        .prepare(`SELECT kind, customer_id, occurred_at, summary, details FROM events WHERE id > ?`)
        .all(seededEventId) as Record<string, unknown>[]
    )
      .map((row) => JSON.stringify(row))
      .sort(),
    duplicateKeys: db
      .prepare(
        `SELECT customer_id, step, episode, ref, count(*) AS n FROM reminder_items
         GROUP BY customer_id, step, episode, ref HAVING n > 1`,
      )
      .all(),
    twoOpenEpisodes: db
      .prepare(
        `SELECT customer_id, count(*) AS n FROM reminder_episodes WHERE ended_on IS NULL
         GROUP BY customer_id HAVING n > 1`,
      )
      .all(),
  }));
}

/** The queue without item ids, in a stable order. */
function normalised(queue: ReminderQueue) {
  const items = queue.items.map(({ id: _id, ...item }: QueueItem) => item);
  items.sort(
    (a, b) =>
      a.customerId - b.customerId ||
      String(a.step).localeCompare(String(b.step)) ||
      a.episode - b.episode,
  );
  return { ...queue, items };
}

describe('reminder engine under SIGKILL', () => {
  const dirs = { seeded: '', clean: '', killed: '' };
  let seededEventId = 0;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'goodwill-restart-'));
    for (const name of ['seeded', 'clean', 'killed'] as const) {
      dirs[name] = join(root, name);
      await mkdir(dirs[name]);
    }
    await seed(dirs.seeded);
    for (const name of ['clean', 'killed'] as const) {
      await copyFile(join(dirs.seeded, databaseFileName), join(dirs[name], databaseFileName));
    }
    seededEventId = readDatabase(dirs.seeded, lastEventId);
  }, 120_000);

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('leaves no duplicate and the same queue as a clean run', async () => {
    const log: string[] = [];
    for (const now of days) {
      // The clean run first: its timings scale the kill offsets to this machine, now.
      const clean = await cleanRun(dirs.clean, now);
      const dayStart = readDatabase(dirs.killed, lastEventId);
      const dayWork = readDatabase(dirs.clean, lastEventId) - dayStart;
      expect(dayWork, `the engine has work to do on ${now}`).toBeGreaterThan(0);
      let cut = 0;

      for (const kind of killPlan) {
        const before = readDatabase(dirs.killed, lastEventId);
        const headless = startHeadless(dirs.killed, now);
        let offset = 0;
        if (kind === 'starting') {
          // Late in start-up: the database open, the backup begun, the tick under way.
          offset = clean.startupMs * (0.4 + 0.6 * Math.random());
          await new Promise((resolve) => setTimeout(resolve, offset));
        } else {
          await withTimeout(headless.listening, processTimeoutMs, 'the address line');
          if (kind === 'listening') {
            offset = randomUpTo(clean.tickMs);
            await new Promise((resolve) => setTimeout(resolve, offset));
          } else {
            // From the first commit beyond what earlier runs left, or from the end of the tick
            // (the queue answers only then) if this run has nothing new to commit.
            const over = queueOf(headless);
            over.catch(() => undefined);
            const since = performance.now();
            await commitPast(dirs.killed, before, over);
            await new Promise((resolve) =>
              setTimeout(resolve, randomUpTo(clean.tickMs * chunkShare)),
            );
            offset = performance.now() - since;
          }
        }
        await kill(headless);
        const after = readDatabase(dirs.killed, lastEventId);
        const progress = after - dayStart;
        // Cut short: this run committed something, and the day's work is not all there.
        const cutShort = after > before && progress < dayWork;
        if (cutShort) cut += 1;
        log.push(
          `${now} ${kind.padEnd(9)} +${offset.toFixed(0).padStart(4)} ms → ${progress}/${dayWork} events` +
            (cutShort ? ' (cut mid-tick)' : ''),
        );
      }

      const killed = await cleanRun(dirs.killed, now);
      const after = engineState(dirs.killed, seededEventId);
      const expected = engineState(dirs.clean, seededEventId);
      const context = `${now}\n${log.join('\n')}`;

      expect(after.duplicateKeys, context).toEqual([]);
      expect(after.twoOpenEpisodes, context).toEqual([]);
      // A tick cut short between two of its commits is what this test is about.
      expect(cut, `kills that cut a tick short\n${context}`).toBeGreaterThan(0);
      expect(normalised(killed.queue), context).toEqual(normalised(clean.queue));
      expect(after.items, context).toEqual(expected.items);
      expect(after.episodes, context).toEqual(expected.episodes);
      expect(after.events, context).toEqual(expected.events);
      log.push(
        `${now}: ${killed.queue.items.length} queue items, ${after.items.length} stored, ` +
          `${cut} of ${killPlan.length} kills cut a tick short; clean start ${clean.startupMs.toFixed(0)} ms, tick ${clean.tickMs.toFixed(0)} ms`,
      );
    }
    console.info(`restart test:\n  ${log.join('\n  ')}`);
  }, 180_000);
});
