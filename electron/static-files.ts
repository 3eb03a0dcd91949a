/** Finds the file of the built renderer to serve for a URL path, for both shells. */
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  path: string;
  contentType: string;
  /** Built assets carry a content hash in their name and never change. */
  immutable: boolean;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * The file under `root` for `urlPath`, or index.html for an app route (the renderer routes by
 * path). Null for anything that would leave `root`, and for missing files that look like files.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const candidate = resolve(base, `.${normalize(`/${decoded}`)}`);
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;

  if (await isFile(candidate)) {
    const type = contentTypes[extname(candidate).toLowerCase()];
    if (!type) return null;
    return {
      path: candidate,
      contentType: type,
      immutable: candidate.includes(`${sep}assets${sep}`),
    };
  }
  // A path with an extension is a missing file; anything else is a screen of the app.
  if (extname(decoded) !== '') return null;
  const index = join(base, 'index.html');
  return (await isFile(index))
    ? { path: index, contentType: contentTypes['.html']!, immutable: false }
    : null;
}
