import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CSP } from '../../../electron/main/csp.js';
import { denyAllPermissions } from '../../../electron/main/guards.js';
import { createMainWindow } from '../../../electron/main/window.js';

/** A webContents stand-in: real EventEmitter listeners, a captured window-open handler. */
class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(h: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.openHandler = h;
  }
}
class FakeWindow extends EventEmitter {
  static last: FakeWindow | undefined;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async () => undefined);
  readonly show = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.last = this;
  }
}

function open(openExternal = vi.fn(async () => undefined)) {
  createMainWindow({
    preload: '/app/dist-electron/preload.cjs',
    devTools: false,
    openExternal,
    BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
  });
  const win = FakeWindow.last;
  if (!win) throw new Error('no window');
  return { win, openExternal };
}
const event = () => ({ preventDefault: vi.fn() });

describe('main window', () => {
  it('pins every security-relevant webPreference', () => {
    const { win } = open();
    // toStrictEqual: no flag may be added, dropped or left undefined without this test changing.
    expect(win.options.webPreferences).toStrictEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist-electron/preload.cjs',
      devTools: false,
    });
  });

  it('loads the UI from keyframe://app, never file://', () => {
    const { win } = open();
    expect(win.loadURL).toHaveBeenCalledWith('keyframe://app/index.html');
  });

  it('has the production CSP', () => {
    expect(CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: keyframe-media:; " +
        "media-src 'self' blob: keyframe-media:; connect-src 'self' keyframe-media:; font-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'none'",
    );
    expect(CSP).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  it('refuses every navigation, redirect and <webview>; allow-listed links go to the browser', () => {
    const { win, openExternal } = open();
    const wc = win.webContents;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'keyframe://app/other.html', 'https://docs.apimart.ai/']) {
      const e = event();
      wc.emit('will-navigate', e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
    expect(openExternal.mock.calls).toEqual([['https://docs.apimart.ai/']]);
    for (const name of ['will-redirect', 'will-frame-navigate', 'will-attach-webview']) {
      const e = event();
      wc.emit(name, e, 'https://evil.example/');
      expect(e.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies every new window and opens only https apimart links externally', () => {
    const { win, openExternal } = open();
    const handler = win.webContents.openHandler;
    if (!handler) throw new Error('no window-open handler');
    for (const url of [
      'https://apimart.ai/pricing',
      'http://apimart.ai/',
      'https://apimart.ai.evil.example/',
      'https://user@apimart.ai/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://host/share',
      'javascript:alert(1)',
    ]) {
      expect(handler({ url }), url).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://apimart.ai/pricing']]);
  });

  it('shows the window only once it has painted', () => {
    const { win } = open();
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    let device: ((...a: unknown[]) => boolean) | undefined;
    const fakeSession = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
    };
    denyAllPermissions(fakeSession as unknown as Session);
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'unknown']) {
      const cb = vi.fn();
      request?.({}, p, cb);
      expect(cb, p).toHaveBeenCalledWith(false);
      expect(check?.(null, p, 'keyframe://app', {}), p).toBe(false);
    }
    expect(device?.({ deviceType: 'usb' })).toBe(false);
  });
});
