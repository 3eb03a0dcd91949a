/**
 * Where the run-time assets (fonts for PDFs, default templates) are. The same code runs from
 * source under Vitest (electron/), bundled (dist/electron/ or dist/electron/chunks/) and
 * packaged (app.asar/dist/electron/, with assets/ beside dist/), so rather than hard-code a
 * depth we walk up from this module until an `assets/` folder holds the file asked for.
 * Only the main process reads these; the renderer never loads them.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const found = new Map<string, string>();

/** The absolute path of `assets/<relative>`, e.g. `assetPath('fonts/DejaVuSans.ttf')`. */
export function assetPath(relative: string, from: string = import.meta.url): string {
  const key = `${from}|${relative}`;
  const known = found.get(key);
  if (known) return known;
  const start = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'assets', relative);
    if (existsSync(candidate)) {
      found.set(key, candidate);
      return candidate;
    }
    if (dirname(dir) === dir) break;
  }
  throw new Error(`Goodwill's file assets/${relative} is missing (looked up from ${start}).`);
}
