/**
 * The layering rule, as ESLint config: which folder may import what.
 * - shared/   pure: no Node builtins, Electron, React, DOM libraries, database, nothing from
 *             electron/ or renderer/;
 * - renderer/ only shared/, itself and browser packages: no Node, Electron, database or
 *             main-process code;
 * - electron/ never the renderer.
 * eslint.layers.test.ts proves each boundary reports a violation.
 */
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const message = {
  shared:
    'shared/ stays pure (no Node, Electron, React, DOM or database code, nothing from electron/ or renderer/).',
  renderer:
    'renderer/ imports only shared/, itself and browser packages; the main process is reached through the API.',
  electron: 'electron/ never imports the renderer; they talk only through the API contract.',
};

const restrict = (files, paths, patterns, why, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message: why })),
        patterns: [{ group: patterns, message: why }],
      },
    ],
  },
});

export const layerRules = [
  restrict(
    ['shared/**/*.{ts,tsx}'],
    [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'kysely'],
    [
      'node:*',
      'react/*',
      'react-dom/*',
      '@mantine/*',
      '@tabler/*',
      '**/electron/**',
      '**/renderer/**',
      '**/scripts/**',
    ],
    message.shared,
  ),
  {
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({ name, message: message.shared })),
      ],
    },
  },
  restrict(
    ['renderer/**/*.{ts,tsx}'],
    [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely'],
    ['node:*', '**/electron/**', '**/scripts/**', '**/e2e/**'],
    message.renderer,
  ),
  restrict(['electron/**/*.ts'], [], ['**/renderer/**'], message.electron),
];
