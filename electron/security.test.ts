import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  blockRemoteRequests,
  denyAllPermissions,
  guardWebContents,
  isAppUrl,
  isExternalWebUrl,
  createSecureWindow,
} from './security';
import type { BrowserWindowConstructorOptions } from 'electron';

/** Stands in for Electron's BrowserWindow, keeping the options it was made with. */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('the window', () => {
  it('is isolated and sandboxed, with no Node and no webviews', () => {
    const { webPreferences } = createSecureWindow(RecordingWindow, '/app/preload.cjs').options;
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('the content security policy', () => {
  const directives = Object.fromEntries(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it('denies by default and allows only the app itself', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
  });

  it('allows no inline code, eval or remote hosts anywhere', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe|https?:|\*/);
  });
});

describe('app URLs', () => {
  it.each([
    ['goodwill://app/', true],
    ['goodwill://app/settings?x=1#y', true],
    ['goodwill://app.evil.example/', false],
    ['goodwill://evil/?next=goodwill://app/', false],
    ['https://app/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s is the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it.each([
    ['https://example.com/pay', true],
    ['http://example.com', true],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['smb://server/share', false],
    ['javascript:alert(1)', false],
    ['mailto:someone@example.com', false],
  ])('%s may open in the browser: %s', (url, expected) => {
    expect(isExternalWebUrl(url)).toBe(expected);
  });
});

type Handler = (event: { url: string; preventDefault(): void }) => void;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  return {
    handlers,
    open: (url: string) => windowOpen!({ url }),
    on(name: string, handler: Handler) {
      handlers.set(name, handler);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpen = handler;
    },
  };
}

function fire(contents: ReturnType<typeof fakeContents>, name: string, url: string) {
  let prevented = false;
  contents.handlers.get(name)!({ url, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('navigation guards', () => {
  it('keep the window on the app and send web links to the browser', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents as never, (url) => opened.push(url));

    expect(fire(contents, 'will-navigate', 'goodwill://app/settings')).toBe(false);
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(contents, 'will-redirect', 'https://evil.example/?next=goodwill://app')).toBe(true);
    expect(fire(contents, 'will-attach-webview', 'goodwill://app/')).toBe(true);
    expect(opened).toEqual(['https://evil.example/', 'https://evil.example/?next=goodwill://app']);
  });

  it('deny every new window, opening only web links outside the app', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents as never, (url) => opened.push(url));
    expect(contents.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(contents.open('goodwill://app/settings')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/help']);
  });
});

describe('permissions', () => {
  it('are all refused', () => {
    let requestHandler:
      ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    } as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      requestHandler!(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
  });
});

describe('remote content', () => {
  it('is cancelled for every web, socket and file URL', () => {
    let filter: { urls: string[] } | undefined;
    let listener:
      ((details: unknown, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    blockRemoteRequests({
      webRequest: {
        onBeforeRequest: (f: typeof filter, l: typeof listener) => {
          filter = f;
          listener = l;
        },
      },
    } as never);
    expect(filter!.urls).toEqual([
      'http://*/*',
      'https://*/*',
      'ws://*/*',
      'wss://*/*',
      'file://*/*',
    ]);
    let answer: { cancel: boolean } | undefined;
    listener!({ url: 'https://tracker.example/pixel.gif' }, (response) => (answer = response));
    expect(answer).toEqual({ cancel: true });
  });
});
