/**
 * Headless mode as a child process for tests that kill it: run from the sources through tsx
 * (`node --import tsx electron/headless.ts`), so no build is needed and the code tested is the
 * code in the tree; its address line awaited, never a fixed wait; SIGKILL with nothing between.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface HeadlessChild {
  child: ChildProcess;
  spawnedAt: number;
  /** Resolves with the port once the address line is printed; rejects if it exits first. */
  listening: Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  token: string;
}

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

const running = new Set<ChildProcess>();

/** Kills every child still running (a failed test's leftovers). */
export function killAllHeadless(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function spawnHeadless(dataDir: string, env: Record<string, string>): HeadlessChild {
  const token = randomBytes(18).toString('base64url');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Without a loader or flags the test runner put in NODE_OPTIONS.
  delete childEnv.NODE_OPTIONS;
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/headless.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      `--token=${token}`,
    ],
    { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.once('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal });
      });
      child.once('error', reject);
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8192)));
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

/** SIGKILL (if still running) and wait until it has gone. */
export async function killHard(headless: HeadlessChild, ms = 30_000): Promise<void> {
  if (headless.child.exitCode === null && headless.child.signalCode === null) {
    headless.child.kill('SIGKILL');
  }
  await withTimeout(headless.exited, ms, 'a killed process to exit');
}

/** SIGTERM, and a clean exit; anything else is an error with the end of its log. */
export async function stopCleanly(headless: HeadlessChild, ms = 30_000): Promise<void> {
  headless.child.kill('SIGTERM');
  const { code } = await withTimeout(headless.exited, ms, 'a clean stop');
  if (code !== 0) throw new Error(`Headless mode stopped with ${code}.\n${headless.stderr()}`);
}
