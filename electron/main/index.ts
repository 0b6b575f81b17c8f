import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import Store from 'electron-store';
import { EVENTS } from '../../shared/ipc/channels.js';
import type { EventChannel } from '../../shared/ipc/channels.js';
import { startDemoProvider } from '../core/demo/fake-apimart.js';
import { fullGarbageCollector } from '../core/util/full-gc.js';
import { systemClock } from '../core/ports.js';
import { fileLogSink } from '../core/util/file-log.js';
import { createRedactingLogger } from '../core/util/redact.js';
import { createAppServices } from '../services/app-services.js';
import { priceListUrlFrom } from '../services/price-list-url.js';
import { defaultSettings } from '../services/default-settings.js';
import { createIpcDispatcher } from '../services/ipc-dispatcher.js';
import { noticeText } from '../services/service-events.js';
import { createSafeStorageSecretStore } from './adapters/secret-store.js';
import { openSettingsStore } from './adapters/settings-store.js';
import { createElectronShell } from './adapters/shell.js';
import { denyAllPermissions, guardWebContents } from './guards.js';
import { forwardEvents, registerIpc, type IpcWindow } from './ipc/register.js';
import { isAllowedExternal } from './external-links.js';
import { buildMenuTemplate } from './menu.js';
import { appPaths } from './paths.js';
import { registerProtocols } from './protocols.js';
import { mediaUrl, PRIVILEGED_SCHEMES } from './schemes.js';
import { askBeforeUnload } from './unload-prompt.js';
import { createMainWindow } from './window.js';

/**
 * Composition root: the wiring diagram of the desktop app, and nothing else.
 *   schemes (before ready) → ready → logger → key store + settings → services
 *   → protocols → permissions → IPC → menu → window → power events → clean quit
 */

// Devtools only when running from a checkout (`electron .`), never in a packaged build.
const devTools = !app.isPackaged;
const openExternal = (url: string): Promise<void> => (isAllowedExternal(url) ? shell.openExternal(url) : Promise.resolve());

// A separate profile (e2e runs get a fresh one); before `ready` and before the single-instance lock, which is per profile.
if (process.env.KEYFRAME_USER_DATA_DIR) app.setPath('userData', process.env.KEYFRAME_USER_DATA_DIR);
// Electron ignores privileged-scheme registration after `ready`.
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
// Every renderer sandboxed, whatever webPreferences a future window forgets.
app.enableSandbox();
// Every webContents (window, devtools, anything future) gets the navigation and window-open guards.
app.on('web-contents-created', (_e, contents) => guardWebContents(contents, openExternal));

let win: BrowserWindow | undefined;
if (!app.requestSingleInstanceLock()) {
  // A second copy would fight the first over the job journal and the library index.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Keyframe could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const paths = appPaths(app);
  // The redactor learns the key from the store (the store itself never logs it).
  const logger = createRedactingLogger(fileLogSink(paths.logFile), () => secrets.redactionList(), systemClock);
  const secrets = createSafeStorageSecretStore({
    safeStorage,
    isReady: () => app.isReady(),
    file: paths.keyFile,
    platform: process.platform,
    // Proposed as a setting; until then an explicit launch flag is the person's consent.
    allowPlaintextKeyStorage: () => process.argv.includes('--allow-plaintext-key-storage'),
    logger,
  });
  const hasKey = (await secrets.get()) !== undefined;
  const defaults = { ...defaultSettings({ hasKey }), outputDir: join(app.getPath('videos'), 'Keyframe') };
  const settings = openSettingsStore({ Store, cwd: paths.userData, defaults, logger });
  // electron-store registers a sync IPC channel of its own that the page has no business with.
  ipcMain.removeAllListeners('electron-store-get-data');

  const priceListUrl = priceListUrlFrom(process.env);
  const services = await createAppServices({
    dataDir: paths.userData,
    secrets,
    settings: settings.store,
    shell: createElectronShell({ shell, dialog, Notification, window: () => win, dragIcon: () => nativeImage.createFromPath(paths.dragIcon) }),
    logger,
    appVersion: app.getVersion(),
    platform: process.platform,
    locale: () => app.getLocale(),
    mediaUrl,
    startDemo: startDemoProvider,
    releaseMemory: fullGarbageCollector(),
    ...(priceListUrl ? { priceListUrl } : {}),
  });

  registerProtocols(protocol, paths.rendererDir, services.resolveMedia);
  denyAllPermissions(session.defaultSession);

  const ipcWindow: IpcWindow = {
    mainFrame: () => (win && !win.isDestroyed() ? win.webContents.mainFrame : undefined),
    send: (channel, payload) => {
      if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
    },
  };
  const unregisterIpc = registerIpc(ipcMain, ipcWindow, createIpcDispatcher(services.handlers, { logger }), logger);
  const stopEvents = forwardEvents((cb) => services.onEvent(cb), ipcWindow);

  const commandChannel = EVENTS.find((e) => e.channel === 'app:command')?.channel as EventChannel | undefined;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.name,
        devTools,
        sendCommand: commandChannel ? (command) => ipcWindow.send(commandChannel, { command }) : undefined,
        openDocs: (url) => void openExternal(url),
      }),
    ),
  );

  // Told once, to the first page that loads (a damaged settings file was set aside).
  let startupNotice = settings.notice;
  const openWindow = (): void => {
    const opened = createMainWindow({ preload: paths.preload, devTools, openExternal, BrowserWindow });
    win = opened;
    askBeforeUnload(opened.webContents, (o) => dialog.showMessageBoxSync(opened, o), () => settings.store.get().language);
    win.webContents.once('did-finish-load', () => {
      if (startupNotice) ipcWindow.send('app:notice', { kind: 'warning', ...noticeText(startupNotice) });
      startupNotice = undefined;
    });
  };
  openWindow();
  app.on('activate', () => {
    if (!win || win.isDestroyed()) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // No requests while the machine sleeps; on wake every waiting job is looked at at once
  // instead of when its backoff timer happens to fire.
  powerMonitor.on('suspend', () => services.setSuspended(true));
  powerMonitor.on('resume', () => services.setSuspended(false));

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    stopEvents();
    unregisterIpc();
    // Flush the journal and index before exiting; never hang the quit on a stuck close.
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
    void Promise.race([services.close(), timeout])
      .catch((err: unknown) => logger.log('error', 'Closing services failed', { error: err }))
      .finally(() => app.exit(0));
  });
}
