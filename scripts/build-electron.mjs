// Compiles the main process, the headless entry point and the preload for Node/Electron.
// Everything is bundled except native and Electron modules, and pdfkit, which finds its own
// data files (font metrics, ICC profile) beside its code through import.meta.url and a
// package `imports` map, so it must stay in node_modules. The preload becomes CommonJS,
// which Electron requires of a sandboxed preload.
import { readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'pdfkit', 'nodemailer'],
  define: { __GOODWILL_VERSION__: JSON.stringify(pkg.version) },
};

// Start clean: code splitting leaves hashed chunks that an old build would otherwise keep.
await rm(new URL('../dist/electron', import.meta.url), { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main.ts', headless: 'electron/headless.ts' },
    outdir: 'dist/electron',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS dependencies may call require(); give ESM output one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    platform: 'node',
  }),
]);
