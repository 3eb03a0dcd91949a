/**
 * Headless mode: how long it takes to start and answer, and what one API call costs.
 *
 * 1. Start: from spawning `node dist/electron/headless.js` to the first successful `app.info`
 *    answer, with a new data folder each time (the database is created and migrated) and
 *    with an existing one (the usual case), against a bare `node -e 0` measured alongside.
 * 2. One call: sequential keep-alive calls of `app.info` and `settings.get` against one
 *    running server, against a bare node:http server in its own process answering the same
 *    bytes, so the ratio is what our checks, validation and SQLite add.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callApi, keepAliveAgent, timeCalls, valueOf, type ApiTarget } from './http-client';
import {
  childEnv,
  exited,
  firstLineMatching,
  keepTail,
  makeTempFolder,
  removeTempFolder,
  spawnTracked,
  stopChild,
  withTimeout,
} from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize, type Summary } from './stats';

const headlessEntry = fileURLToPath(new URL('../../dist/electron/headless.js', import.meta.url));
const pinnedNow = '2027-03-15T09:00:00Z';

const startRuns = 10;
const startWarmUps = 1;
const apiWarmUpCalls = 200;
const apiCalls = 2000;
/** The measured calls alternate between our server and the bare one in blocks, so that a
 *  slower or faster stretch of the machine falls on both alike. */
const apiBlocks = 4;
const apiMethods = ['app.info', 'settings.get'] as const;

const startTargetMs = 1000;
const callTargetMs = 2;

const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;

const urlLine = /^Goodwill is running at http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)$/;

interface RunningHeadless extends ApiTarget {
  child: ChildProcess;
  stderrTail: () => string;
}

/** Spawns headless mode and waits for its address; returns when it is listening. */
async function spawnHeadless(dataDir: string, token: string): Promise<RunningHeadless> {
  const child = spawnTracked(
    process.execPath,
    [headlessEntry, '--data-dir', dataDir, '--port', '0', '--token', token],
    { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv({ GOODWILL_NOW: pinnedNow }) },
  );
  const stderrTail = keepTail(child.stderr);
  try {
    const match = await firstLineMatching(child, urlLine, startTimeoutMs, stderrTail);
    if (match[2] !== token) throw new Error(`Headless mode printed another token: ${match[0]}`);
    return { child, stderrTail, port: Number(match[1]), token };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** SIGTERM, and the time until the process has exited; a dirty exit is an error. */
async function stopHeadless(headless: RunningHeadless): Promise<number> {
  const start = performance.now();
  const done = exited(headless.child);
  headless.child.kill('SIGTERM');
  const code = await withTimeout(done, stopTimeoutMs, 'headless mode to stop on SIGTERM');
  const stopMs = performance.now() - start;
  if (code !== 0) {
    throw new Error(`Headless mode exited with ${code} on SIGTERM.\n${headless.stderrTail()}`);
  }
  return stopMs;
}

function checkAppInfo(value: unknown, dataDir: string) {
  const info = value as { mode?: unknown; now?: unknown; dataFolder?: unknown };
  if (info.mode !== 'headless' || info.dataFolder !== dataDir) {
    throw new Error(`app.info answered something unexpected: ${JSON.stringify(value)}`);
  }
  if (new Date(String(info.now)).getTime() !== new Date(pinnedNow).getTime()) {
    throw new Error(`GOODWILL_NOW was not applied: app.info says now is ${String(info.now)}.`);
  }
}

interface StartSample {
  /** Spawn to the first successful app.info answer: the figure with the target. */
  toFirstAnswerMs: number;
  /** Spawn to the address printed (the server listening). */
  toListeningMs: number;
  /** SIGTERM to exit. */
  stopMs: number;
}

async function timeHeadlessStart(dataDir: string, token: string): Promise<StartSample> {
  const spawnedAt = performance.now();
  const headless = await spawnHeadless(dataDir, token);
  try {
    const toListeningMs = performance.now() - spawnedAt;
    // A connection of its own, as a browser opening the printed address would.
    const answer = await callApi(headless, 'app.info', {}, false);
    const toFirstAnswerMs = performance.now() - spawnedAt;
    checkAppInfo(valueOf('app.info', answer), dataDir);
    return { toFirstAnswerMs, toListeningMs, stopMs: await stopHeadless(headless) };
  } finally {
    await stopChild(headless.child);
  }
}

/** Spawn to exit of `node -e 0`, the least any Node program can cost to start. */
async function timeBareNode(): Promise<number> {
  const spawnedAt = performance.now();
  const child = spawnTracked(process.execPath, ['-e', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(),
  });
  keepTail(child.stdout);
  const stderrTail = keepTail(child.stderr);
  const code = await withTimeout(exited(child), startTimeoutMs, 'node -e 0 to exit');
  const ms = performance.now() - spawnedAt;
  if (code !== 0) throw new Error(`node -e 0 exited with ${code}.\n${stderrTail()}`);
  return ms;
}

async function timeFreshStart(token: string): Promise<StartSample> {
  const dataDir = await makeTempFolder('goodwill-bench-fresh-');
  try {
    return await timeHeadlessStart(dataDir, token);
  } finally {
    await removeTempFolder(dataDir);
  }
}

async function measureStarts(token: string, warmDataDir: string) {
  // Creates the warm folder's database; neither measured nor counted as a warm-up.
  await timeHeadlessStart(warmDataDir, token);
  const bare: number[] = [];
  const fresh: StartSample[] = [];
  const warm: StartSample[] = [];
  // Interleaved, so that a busier stretch of the machine does not fall on one kind only.
  for (let run = 0; run < startWarmUps + startRuns; run++) {
    const measured = run >= startWarmUps;
    const bareMs = await timeBareNode();
    const freshSample = await timeFreshStart(token);
    const warmSample = await timeHeadlessStart(warmDataDir, token);
    if (measured) {
      bare.push(bareMs);
      fresh.push(freshSample);
      warm.push(warmSample);
    }
    process.stderr.write(
      `  start run ${run + 1}/${startWarmUps + startRuns}${measured ? '' : ' (warm-up)'}\r`,
    );
  }
  process.stderr.write('\n');
  return { bare, fresh, warm };
}

// The bare server: node:http answering fixed bytes, with the same headers our server sends.
// It reads the request body to the end first, as any JSON API must.
const bareServerScript = `
const http = require('node:http');
const bodies = JSON.parse(process.env.BENCH_BODIES);
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const body = bodies[req.url] ?? '{"ok":false}';
    res.writeHead(bodies[req.url] ? 200 : 404, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
`;

async function spawnBareServer(
  bodies: Record<string, string>,
): Promise<ApiTarget & { child: ChildProcess }> {
  const child = spawnTracked(process.execPath, ['-e', bareServerScript], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({ BENCH_BODIES: JSON.stringify(bodies) }),
  });
  const stderrTail = keepTail(child.stderr);
  const match = await firstLineMatching(child, /^listening on (\d+)$/, startTimeoutMs, stderrTail);
  return { child, port: Number(match[1]), token: 'not-checked' };
}

interface CallMeasure {
  summary: Summary;
  callsPerSecond: number;
  newConnections: number;
  samples: number[];
}

function callMeasure(samples: number[], elapsedMs: number, newConnections: number): CallMeasure {
  return {
    summary: summarize(samples),
    callsPerSecond: samples.length / (elapsedMs / 1000),
    newConnections,
    samples: samples.map((ms) => round(ms, 4)),
  };
}

async function measureCalls(warmDataDir: string, token: string) {
  const headless = await spawnHeadless(warmDataDir, token);
  let bare: (ApiTarget & { child: ChildProcess }) | undefined;
  try {
    // The bare server answers each method with the very bytes ours gives.
    const bodies: Record<string, string> = {};
    for (const method of apiMethods) {
      const answer = await callApi(headless, method, {}, false);
      valueOf(method, answer);
      bodies[`/api/${method}`] = answer.body;
    }
    bare = await spawnBareServer(bodies);
    const results: Record<string, { ours: CallMeasure; bare: CallMeasure; bodyBytes: number }> = {};
    for (const method of apiMethods) {
      // One keep-alive connection per server, kept for the warm-up and the measured calls.
      const ourAgent = keepAliveAgent();
      const bareAgent = keepAliveAgent();
      try {
        await timeCalls(headless, method, ourAgent, apiWarmUpCalls);
        await timeCalls(bare, method, bareAgent, apiWarmUpCalls);
        const ours = { samples: [] as number[], elapsedMs: 0, newConnections: 0 };
        const base = { samples: [] as number[], elapsedMs: 0, newConnections: 0 };
        for (let block = 0; block < apiBlocks; block++) {
          for (const [target, agent, into] of [
            [headless, ourAgent, ours],
            [bare, bareAgent, base],
          ] as const) {
            const timed = await timeCalls(target, method, agent, apiCalls / apiBlocks);
            into.samples.push(...timed.samples);
            into.elapsedMs += timed.elapsedMs;
            into.newConnections += timed.newConnections;
          }
        }
        results[method] = {
          ours: callMeasure(ours.samples, ours.elapsedMs, ours.newConnections),
          bare: callMeasure(base.samples, base.elapsedMs, base.newConnections),
          bodyBytes: Buffer.byteLength(bodies[`/api/${method}`]!),
        };
      } finally {
        ourAgent.destroy();
        bareAgent.destroy();
      }
    }
    await stopHeadless(headless);
    return results;
  } finally {
    await stopChild(headless.child);
    if (bare) await stopChild(bare.child);
  }
}

export async function runHeadlessBench(): Promise<BenchResult> {
  if (!existsSync(headlessEntry)) {
    throw new Error(`${headlessEntry} is missing: run \`npm run build\` first.`);
  }
  const token = `bench_${randomBytes(18).toString('base64url')}`;
  const warmDataDir = await makeTempFolder('goodwill-bench-warm-');

  const starts = await measureStarts(token, warmDataDir);
  const calls = await measureCalls(warmDataDir, token);

  const bare = summarize(starts.bare);
  const fresh = summarize(starts.fresh.map((s) => s.toFirstAnswerMs));
  const warm = summarize(starts.warm.map((s) => s.toFirstAnswerMs));
  const freshListening = summarize(starts.fresh.map((s) => s.toListeningMs));
  const warmListening = summarize(starts.warm.map((s) => s.toListeningMs));
  const warmStop = summarize(starts.warm.map((s) => s.stopMs));

  const rows: Row[] = [
    {
      label: 'start → first app.info, existing data folder',
      unit: 'ms',
      summary: warm,
      target: { figure: 'median', below: startTargetMs },
    },
    {
      label: 'start → first app.info, new data folder',
      unit: 'ms',
      summary: fresh,
      target: { figure: 'median', below: startTargetMs },
    },
    { label: '  of which: start → listening, existing', unit: 'ms', summary: warmListening },
    { label: '  of which: start → listening, new', unit: 'ms', summary: freshListening },
    { label: 'baseline: node -e 0, spawn → exit', unit: 'ms', summary: bare },
    { label: 'ratio existing / bare node (medians)', unit: '×', value: warm.median / bare.median },
    { label: 'ratio new / bare node (medians)', unit: '×', value: fresh.median / bare.median },
    { label: 'stop: SIGTERM → exit, existing', unit: 'ms', summary: warmStop },
  ];
  for (const method of apiMethods) {
    const { ours, bare: base } = calls[method]!;
    rows.push(
      {
        label: `${method}, one keep-alive call`,
        unit: 'ms',
        summary: ours.summary,
        target: { figure: 'median', below: callTargetMs },
      },
      { label: `${method}, sequential throughput`, unit: 'calls/s', value: ours.callsPerSecond },
      { label: `  baseline: bare node:http, same bytes`, unit: 'ms', summary: base.summary },
      { label: `  baseline: sequential throughput`, unit: 'calls/s', value: base.callsPerSecond },
      {
        label: `  ratio ${method} / bare (medians)`,
        unit: '×',
        value: ours.summary.median / base.summary.median,
      },
      {
        label: `  added per call (medians)`,
        unit: 'ms',
        value: ours.summary.median - base.summary.median,
      },
    );
  }

  const notes = [
    `Start: ${startRuns} runs of each kind after ${startWarmUps} warm-up, interleaved (bare node, new folder, existing folder); timed from spawn() to the end of the first app.info answer, over a connection of its own. GOODWILL_NOW=${pinnedNow}, so the existing folder already has today's daily backup; a new one makes it while answering.`,
    `Calls: client node:http with Agent({ keepAlive: true, maxSockets: 1 }), one connection per server; ${apiWarmUpCalls} warm-up calls, then ${apiCalls} sequential calls per method, alternating with the bare server in ${apiBlocks} blocks. Per call: request sent → last byte of the answer; calls/s over the whole loop, JSON parsing of each answer included.`,
    `Percentiles interpolate linearly between ranks. Children run with NODE_OPTIONS removed.`,
  ];
  for (const method of apiMethods) {
    const measure = calls[method]!;
    if (measure.ours.newConnections + measure.bare.newConnections > 0) {
      notes.push(
        `Keep-alive did not hold for ${method}: ${measure.ours.newConnections} new connections to ours, ${measure.bare.newConnections} to the bare server.`,
      );
    }
  }

  return {
    name: 'headless',
    title: 'Headless mode: start to first answer, and the cost of one API call',
    notes,
    rows,
    details: {
      targets: { startMedianMs: startTargetMs, callMedianMs: callTargetMs },
      start: {
        runs: startRuns,
        warmUps: startWarmUps,
        bareNode: { summary: bare, samples: starts.bare.map((ms) => round(ms, 3)) },
        existingFolder: {
          firstAnswer: warm,
          listening: warmListening,
          stop: warmStop,
          samples: starts.warm,
        },
        newFolder: {
          firstAnswer: fresh,
          listening: freshListening,
          stop: summarize(starts.fresh.map((s) => s.stopMs)),
          samples: starts.fresh,
        },
        ratioExistingToBare: warm.median / bare.median,
        ratioNewToBare: fresh.median / bare.median,
      },
      calls: {
        client: 'node:http, Agent({ keepAlive: true, maxSockets: 1 })',
        warmUpCalls: apiWarmUpCalls,
        calls: apiCalls,
        blocks: apiBlocks,
        methods: Object.fromEntries(
          apiMethods.map((method) => {
            const measure = calls[method]!;
            return [
              method,
              {
                ...measure,
                ratioToBare: measure.ours.summary.median / measure.bare.summary.median,
                addedPerCallMs: measure.ours.summary.median - measure.bare.summary.median,
              },
            ];
          }),
        ),
      },
    },
  };
}
