import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './schemes.js';
import { guardWebContents, type OpenExternal } from './guards.js';

/**
 * The one application window. Its renderer is treated as untrusted: sandboxed,
 * context-isolated, no Node, no <webview>, and it only ever shows our UI from
 * `keyframe://app/index.html` (served by protocols.ts with a CSP header).
 */

export interface MainWindowOptions {
  preload: string;
  /** Only in development: production builds have no devtools at all. */
  devTools: boolean;
  openExternal: OpenExternal;
  /** Injected so tests can pass a fake; main passes Electron's BrowserWindow. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const { BrowserWindow } = opts;
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Keyframe',
    backgroundColor: '#111318',
    // Written out literally at the constructor (not spread from a constant) so electronegativity
    // can read every flag; window.test.ts pins this exact object.
    webPreferences: {
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
      // Middle-click would otherwise try to open links in new windows (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      preload: opts.preload,
      devTools: opts.devTools,
    },
  });
  guardWebContents(win.webContents, opts.openExternal);
  // Shown once painted, so the person never sees a white flash.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
