/**
 * Takes an exported file where exports.csv left it. In a browser the file is fetched by the
 * browser itself, following a one-time link (shared/api/downloads.ts): it streams straight to
 * the downloads folder and never passes through this page's memory, and no token is in the
 * link. The desktop app has already saved it where the owner chose, or nothing (cancelled).
 */
import { downloadPath } from '../../shared/api/downloads';
import type { CsvExportResult } from '../../shared/api/exports';

/** Starts the download, if there is one; returns what to tell the owner, if anything. */
export function receiveExport(result: CsvExportResult): string | null {
  switch (result.via) {
    case 'download': {
      const link = document.createElement('a');
      link.href = downloadPath(result.ticket);
      link.download = result.fileName;
      link.click();
      return null;
    }
    case 'saved':
      return `Saved as ${result.path}`;
    case 'cancelled':
      return null;
  }
}
