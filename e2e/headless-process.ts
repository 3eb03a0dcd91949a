/**
 * Runs the built headless app as a real process, as `npm run headless` would: its own data
 * folder, a free port, its own token. Waits for the line with the URL, never a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const entry = join(import.meta.dirname, '..', 'dist', 'electron', 'headless.js');

export interface HeadlessProcess {
  dataDir: string;
  token: string;
  url: string;
  origin: string;
  port: number;
  /** Everything it wrote to stderr (its log). */
  log: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Calls an API method directly, with the token. */
  api<T = unknown>(method: string, input?: unknown): Promise<{ status: number; body: T }>;
}

export async function startHeadlessProcess(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<HeadlessProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'goodwill-e2e-')));
  const token = randomBytes(18).toString('base64url');
  const child: ChildProcess = spawn(
    process.execPath,
    // `--token=` form: a token may start with a dash, which would read as another option.
    [entry, '--data-dir', dataDir, '--port', '0', `--token=${token}`],
    {
      env: { ...process.env, GOODWILL_NOW: '2027-03-15T09:00:00Z', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`Headless did not start in time.\n${stderr}`)),
      20_000,
    );
    lines.on('line', (line) => {
      const match = /^Goodwill is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Headless exited with ${code} before starting.\n${stderr}`));
    });
  });
  const origin = new URL(url).origin;

  return {
    dataDir,
    token,
    url,
    origin,
    port: Number(new URL(url).port),
    log: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async api<T>(method: string, input: unknown = {}) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
  };
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}
