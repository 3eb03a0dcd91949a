/**
 * Headless mode's one-time downloads (see shared/api/downloads.ts for why tickets). A file
 * written for download is offered under a fresh random ticket; the HTTP server takes it once,
 * serves it and removes it. A ticket not taken within its lifetime is dropped with its file.
 *
 * Time here is the process's own monotonic clock, not the app's Clock: this is a security
 * timeout, and the app's clock may be pinned (GOODWILL_NOW), which would make tickets immortal.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { downloadTicketPattern } from '../../shared/api/downloads';

export interface DownloadFile {
  path: string;
  /** The name the browser saves it as. */
  fileName: string;
  contentType: string;
}

export interface TakenDownload extends DownloadFile {
  /** Deletes the file: call once it has been served (or failed to be). */
  remove(): Promise<void>;
}

export interface Downloads {
  /** Offers a file once; returns its ticket. The file now belongs to the downloads. */
  offer(file: DownloadFile): string;
  /** The file for a ticket, once; undefined for one unknown, taken or expired. */
  take(ticket: string): TakenDownload | undefined;
  /** Drops every ticket not taken, and its file. */
  close(): Promise<void>;
}

/** Long enough for a slow page to follow the link; short enough that a leaked one is useless. */
export const downloadLifetimeMs = 2 * 60 * 1000;

const removeFile = (path: string) => rm(path, { force: true }).catch(() => undefined);

export function createDownloads(
  options: { lifetimeMs?: number; now?: () => number } = {},
): Downloads {
  const lifetimeMs = options.lifetimeMs ?? downloadLifetimeMs;
  const now = options.now ?? (() => performance.now());
  const offered = new Map<string, DownloadFile & { expires: number; timer: NodeJS.Timeout }>();

  function drop(ticket: string) {
    const entry = offered.get(ticket);
    if (!entry) return undefined;
    offered.delete(ticket);
    clearTimeout(entry.timer);
    return entry;
  }

  return {
    offer(file) {
      const ticket = randomBytes(32).toString('base64url');
      const timer = setTimeout(() => {
        const entry = drop(ticket);
        if (entry) void removeFile(entry.path);
      }, lifetimeMs);
      // A ticket waiting must not keep the process alive.
      timer.unref();
      offered.set(ticket, { ...file, expires: now() + lifetimeMs, timer });
      return ticket;
    },

    take(ticket) {
      if (!downloadTicketPattern.test(ticket)) return undefined;
      const entry = drop(ticket);
      if (!entry) return undefined;
      if (now() >= entry.expires) {
        void removeFile(entry.path);
        return undefined;
      }
      return {
        path: entry.path,
        fileName: entry.fileName,
        contentType: entry.contentType,
        remove: () => removeFile(entry.path),
      };
    },

    async close() {
      const paths = [...offered.keys()].map((ticket) => drop(ticket)!.path);
      await Promise.all(paths.map(removeFile));
    },
  };
}
