/**
 * The built headless app as a benchmark child: started on a data folder with a pinned clock,
 * awaited until it prints its address (never a fixed wait), and stopped with SIGTERM.
 * Also what a benchmark reads from the outside: a line in its log, its memory.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { ApiTarget } from './http-client';
import {
  childEnv,
  exited,
  firstLineMatching,
  keepTail,
  spawnTracked,
  stopChild,
  withTimeout,
} from './processes';

export const headlessEntry = fileURLToPath(
  new URL('../../dist/electron/headless.js', import.meta.url),
);

const urlLine = /^Goodwill is running at http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)$/;
const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;

export interface HeadlessServer extends ApiTarget {
  child: ChildProcess;
  pid: number;
  origin: string;
  stderrTail: () => string;
  /** Resolves with the first log line (stderr) matching `pattern` from now on. */
  nextLogLine(pattern: RegExp, ms: number): Promise<string>;
}

export async function startHeadlessServer(
  dataDir: string,
  token: string,
  env: Record<string, string>,
): Promise<HeadlessServer> {
  const child = spawnTracked(
    process.execPath,
    [headlessEntry, '--data-dir', dataDir, '--port', '0', '--token', token],
    { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(env) },
  );
  const stderrTail = keepTail(child.stderr);
  const logLines = createInterface({ input: child.stderr! });
  try {
    const match = await firstLineMatching(child, urlLine, startTimeoutMs, stderrTail);
    if (match[2] !== token) throw new Error(`Headless mode printed another token: ${match[0]}`);
    const port = Number(match[1]);
    return {
      child,
      pid: child.pid!,
      port,
      token,
      origin: `http://127.0.0.1:${port}`,
      stderrTail,
      nextLogLine(pattern, ms) {
        const found = new Promise<string>((resolve, reject) => {
          const onLine = (line: string) => {
            if (!pattern.test(line)) return;
            logLines.off('line', onLine);
            resolve(line);
          };
          logLines.on('line', onLine);
          child.once('exit', (code) =>
            reject(new Error(`Headless mode exited (${code}) before logging ${pattern}.`)),
          );
        });
        return withTimeout(found, ms, `headless mode to log ${pattern}`);
      },
    };
  } catch (error) {
    logLines.close();
    await stopChild(child);
    throw error;
  }
}

/** SIGTERM, and a clean exit within the time limit; a dirty exit is an error. */
export async function stopHeadlessServer(server: HeadlessServer): Promise<void> {
  const done = exited(server.child);
  server.child.kill('SIGTERM');
  const code = await withTimeout(done, stopTimeoutMs, 'headless mode to stop on SIGTERM');
  if (code !== 0) {
    throw new Error(`Headless mode exited with ${code} on SIGTERM.\n${server.stderrTail()}`);
  }
}

/** Resident and peak resident memory of a process, in MB (10^6 bytes), from /proc (Linux only). */
export async function memoryOf(pid: number): Promise<{ rssMB: number; peakMB: number } | null> {
  if (process.platform !== 'linux') return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  // The kernel's "kB" are KiB.
  const megabytes = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field} line.`);
    return (Number(match[1]) * 1024) / 1e6;
  };
  return { rssMB: megabytes('VmRSS'), peakMB: megabytes('VmHWM') };
}
