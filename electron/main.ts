/**
 * The desktop shell: one secure window over the same core as headless mode. Kept thin; the
 * settings it applies live in security.ts, where they are tested.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { safeStorageSecretStore } from './mail/secret-store';
import { ipcHost } from './api/ipc';
import { registerApi } from './api/register';
import { createApp, type AppCore } from './app';
import { clockFromEnv } from './clock';
import { createConsoleLogger } from './logger';
import {
  appOrigin,
  appScheme,
  blockRemoteRequests,
  denyAllPermissions,
  guardWebContents,
  isAppUrl,
  isTrustedSender,
  pageSecurityHeaders,
  createSecureWindow,
} from './security';
import { resolveStaticFile } from './static-files';
import { pdfPrinter } from './print-pdf';
import { saveDialog } from './save-dialog';

const log = createConsoleLogger();
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));

// Served from our own scheme, not file://, so a page can never read the disk.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: AppCore | undefined;
let mainWindow: BrowserWindow | undefined;

async function serveRenderer(request: Request): Promise<Response> {
  if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
  const file = await resolveStaticFile(rendererDir, new URL(request.url).pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(await readFile(file.path), {
    headers: { ...pageSecurityHeaders, 'Content-Type': file.contentType },
  });
}

function openWindow() {
  const window = createSecureWindow(BrowserWindow, preloadPath);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/`);
  mainWindow = window;
}

async function start() {
  core = await createApp({
    dataDir: app.getPath('userData'),
    clock: clockFromEnv(process.env),
    mode: 'electron',
    log,
    // The SMTP password is sealed by the OS key store; only the sealed bytes are saved.
    secrets: safeStorageSecretStore(safeStorage),
    // Saved .eml drafts open in the system's mail program (an empty string means it did).
    openFile: (path) => shell.openPath(path),
    // An invoice or a plan's agreement opens in the PDF viewer with the print dialog over it.
    printPdf: pdfPrinter(BrowserWindow, () => mainWindow),
    // A CSV export is saved where the owner picks, starting in their Downloads folder.
    saveFileAs: saveDialog(dialog, () => mainWindow, app.getPath('downloads')),
  });
  registerApi(ipcHost(ipcMain, isTrustedSender), core.services, log);
  protocol.handle(appScheme, serveRenderer);
  denyAllPermissions(session.defaultSession);
  blockRemoteRequests(session.defaultSession);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => void shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !core) return;
    closing = true;
    event.preventDefault();
    core.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Goodwill could not start', error);
      dialog.showErrorBox('Goodwill could not start', (error as Error).message);
      app.exit(1);
    });
}
