/**
 * Child processes and temporary folders of a benchmark run, tracked so that every one of them
 * is stopped and removed at the end, whether the run succeeded, failed or was interrupted.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const children = new Set<ChildProcess>();
const tempFolders = new Set<string>();

/** Starts a child that `cleanUp` will stop if it is still running then. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
}

/**
 * The environment for children: ours without NODE_OPTIONS, so that a loader the benchmark
 * itself runs under (tsx) does not slow down or change the processes being measured.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

export async function makeTempFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  tempFolders.add(folder);
  return folder;
}

export async function removeTempFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  tempFolders.delete(folder);
}

/** Rejects with a message naming what was awaited when it takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the child's exit code (or signal) once it has exited. */
export function exited(child: ChildProcess): Promise<number | NodeJS.Signals> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'SIGKILL'));
    child.once('error', reject);
  });
}

/**
 * Waits for the first stdout line that matches, and returns its match. Rejects if the child
 * exits first (with the end of its stderr, to say why), or after `ms`.
 */
export function firstLineMatching(
  child: ChildProcess,
  pattern: RegExp,
  ms: number,
  stderrTail: () => string,
): Promise<RegExpMatchArray> {
  if (!child.stdout) throw new Error('The child was started without a stdout pipe.');
  const lines = createInterface({ input: child.stdout });
  const found = new Promise<RegExpMatchArray>((resolve, reject) => {
    lines.on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolve(match);
    });
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `The process exited (${code ?? signal}) before printing a line matching ${pattern}.\n` +
            stderrTail(),
        ),
      ),
    );
    child.once('error', reject);
  });
  return withTimeout(found, ms, `a line matching ${pattern}`).finally(() => lines.close());
}

/** Keeps the last few kB of a stream, to explain failures without holding everything. */
export function keepTail(stream: NodeJS.ReadableStream | null, limit = 8192): () => string {
  let tail = '';
  stream?.on('data', (chunk: Buffer | string) => {
    tail = (tail + chunk.toString()).slice(-limit);
  });
  return () => tail;
}

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill('SIGTERM');
  try {
    await withTimeout(done, graceMs, `process ${child.pid} to stop`);
  } catch {
    child.kill('SIGKILL');
    await withTimeout(done, graceMs, `process ${child.pid} to be killed`).catch(() => undefined);
  }
}

/** Stops every child still running and removes every temporary folder. */
export async function cleanUp(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
  await Promise.all([...tempFolders].map((folder) => removeTempFolder(folder)));
}

// The last resort when the benchmark exits without reaching cleanUp (an uncaught error, or
// process.exit from a signal handler): nothing asynchronous can run here any more.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of tempFolders) rmSync(folder, { recursive: true, force: true });
});
