import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: import.meta.dirname });

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layering rule', () => {
  it.each([
    ['shared/money.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['shared/money.ts', "import fs from 'fs';\nexport const x = fs;"],
    ['shared/money.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/money.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['shared/api/x.ts', "import { Button } from '@mantine/core';\nexport const x = Button;"],
    ['shared/api/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    [
      'shared/api/x.ts',
      "import { createApp } from '../../electron/app';\nexport const x = createApp;",
    ],
    ['shared/x.ts', "import { App } from '../renderer/App';\nexport const x = App;"],
    ['shared/x.ts', 'export const width = window.innerWidth;'],
    ['shared/x.ts', 'export const env = process.env;'],
    ['renderer/x.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    [
      'renderer/screens/x.tsx',
      "import { createApp } from '../../electron/app';\nexport const x = createApp;",
    ],
    ['renderer/x.ts', "import { sql } from 'kysely';\nexport const x = sql;"],
    ['electron/x.ts', "import { App } from '../renderer/App';\nexport const x = App;"],
  ])('reports %s importing what its layer may not: %s', async (file, code) => {
    expect(await layerMessages(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'shared/x.ts',
      "import { z } from 'zod';\nimport { isKnownCurrency } from './currencies';\nexport const x = [z, isKnownCurrency];",
    ],
    [
      'renderer/x.ts',
      "import { contract } from '../shared/api/contract';\nimport { Button } from '@mantine/core';\nexport const x = [contract, Button];",
    ],
    [
      'electron/x.ts',
      "import { readFile } from 'node:fs/promises';\nimport { contract } from '../shared/api/contract';\nexport const x = [readFile, contract];",
    ],
  ])('allows %s its own layer and those below it', async (file, code) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });
});
