/** A fresh folder under the system temp dir per test, removed afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    // Retried: a test that failed before closing its app may leave the daily backup still
    // writing into the folder (ENOTEMPTY), which would hide the real failure behind this one.
    await Promise.all(
      made
        .splice(0)
        .map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })),
    );
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'goodwill-test-'));
    made.push(dir);
    return dir;
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now.getTime()),
    set(instant: string) {
      now = new Date(instant);
    },
    advanceDays(days: number) {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
}
