/**
 * Every security setting of the desktop shell in one place, with tests over it
 * (security.test.ts). Only `import type` from Electron, so it runs under plain Node too.
 */
import type {
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  Session,
  WebContents,
} from 'electron';

export const appScheme = 'goodwill';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * Scripts, styles and connections from the app itself only: no inline script or style, no
 * eval, no plugins, no frames, no form posts, no remote content of any kind.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every page of the app is served with, in Electron and headless mode alike. */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Makes the app's window. The options are written out inside `new BrowserWindow(...)` on
 * purpose: that is where Electronegativity looks, so a weakened setting here fails its scan
 * as well as security.test.ts. The class is passed in so the test can run without Electron.
 */
export function createSecureWindow<Window>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => Window,
  preloadPath: string,
): Window {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Goodwill',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click must not open a link in a new window of its own.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** True only for the app's own pages; parsed, never compared by prefix. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** Web links (and only those) may go to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.host !== '';
  } catch {
    return false;
  }
}

/** IPC is answered only for the app's own top-level frame, never an iframe or other page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * The window may not navigate away from the app, open windows or attach webviews. A web
 * link the owner clicks opens in their browser instead.
 */
export function guardWebContents(
  contents: GuardedContents,
  openExternal: (url: string) => void,
): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * No remote content: the window's session may not reach the network or the disk at all.
 * Pages come from the app's own scheme; mail and everything else go through the main process.
 */
export const blockedRequestUrls = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'file://*/*',
];

export function blockRemoteRequests(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onBeforeRequest({ urls: blockedRequestUrls }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

/** Camera, microphone, notifications, geolocation...: the app needs none, so none is granted. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
