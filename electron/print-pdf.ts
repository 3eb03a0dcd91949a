/**
 * Electron only: prints a PDF the app wrote (an invoice, a payment plan's agreement) through
 * the system print dialog (electron/documents/print-document.ts writes the file). The PDF opens in a window of its own, in a session of its own (the app's
 * session may not read the disk at all), with Chromium's PDF viewer; the print dialog opens
 * over it, and the viewer stays for a second copy or for saving. Headless mode has no such
 * thing: there the document downloads (invoices.print and plans.print return the file).
 */
import { pathToFileURL } from 'node:url';
import type { BrowserWindow as BrowserWindowType } from 'electron';

type WindowClass = new (
  options: ConstructorParameters<typeof BrowserWindowType>[0],
) => BrowserWindowType;

export function pdfPrinter(
  BrowserWindow: WindowClass,
  parent: () => BrowserWindowType | undefined,
) {
  return async (path: string): Promise<void> => {
    const window = new BrowserWindow({
      width: 900,
      height: 1000,
      parent: parent(),
      title: 'Print',
      webPreferences: {
        // Chromium's PDF viewer is a plugin; nothing else runs in this window.
        plugins: true,
        partition: 'print-pdf',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: true,
        // A middle click on a link in the PDF must not open a window of its own.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    await window.loadURL(pathToFileURL(path).href);
    window.webContents.print({ silent: false, printBackground: true }, () => undefined);
  };
}
