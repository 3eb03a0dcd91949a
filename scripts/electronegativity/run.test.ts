import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'run.mjs');
const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

async function scan(code: string) {
  const dir = await mkdtemp(join(tmpdir(), 'goodwill-scan-'));
  folders.push(dir);
  await writeFile(join(dir, 'main.ts'), code);
  const allowlist = join(dir, 'allowlist.json');
  await writeFile(allowlist, '[]');
  return spawnSync(process.execPath, [script], {
    env: { ...process.env, ELECTRONEGATIVITY_TARGET: dir, ELECTRONEGATIVITY_ALLOWLIST: allowlist },
    encoding: 'utf8',
    timeout: 180_000,
  });
}

describe('the Electronegativity scan', () => {
  it('fails on a window that gives the page Node', { timeout: 200_000 }, async () => {
    const result = await scan(`import { BrowserWindow } from 'electron';
export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
`);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/CONTEXT_ISOLATION_JS_CHECK/);
  });

  it(
    'fails, rather than passing quietly, on code it cannot read',
    { timeout: 200_000 },
    async () => {
      const result = await scan('export const = ;');
      expect(result.status).toBe(2);
    },
  );
});
