/**
 * Electron only: where the desktop app saves an exported file. The save dialog opens over the
 * window in the Downloads folder with the export's own name; the owner may pick any other place
 * or cancel. Injected from main.ts, so the services never import Electron; typed against the
 * parts of Electron's dialog it uses, so it is tested without Electron.
 */
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';

/** Asks where to save a file; the path chosen, or null when the owner cancelled. */
export type SaveFileAs = (fileName: string) => Promise<string | null>;

export function saveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  parent: () => BrowserWindow | undefined,
  downloadsFolder: string,
): SaveFileAs {
  return async (fileName) => {
    const options = {
      title: 'Save the export',
      defaultPath: join(downloadsFolder, fileName),
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
    const window = parent();
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
