import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Just enough of Electron's main-process API to run electron/main/index.ts
 * under vitest (`vi.mock('electron', …)`), recording what the composition
 * root does: the order of calls, protocol handlers, IPC handlers, windows.
 */
export const calls: string[] = [];
const root = mkdtempSync(join(tmpdir(), 'kf-fake-electron-'));
export const appDir = join(root, 'app');
mkdirSync(join(appDir, 'renderer', 'dist'), { recursive: true });
writeFileSync(join(appDir, 'renderer', 'dist', 'index.html'), '<!doctype html><title>Keyframe</title>');

type Handler = (event: unknown, input: unknown) => Promise<unknown>;
export const ipcHandlers = new Map<string, Handler>();
export const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();

class App extends EventEmitter {
  readonly isPackaged = true;
  readonly name = 'Keyframe';
  exitCode: number | undefined;
  private readonly paths = new Map<string, string>([
    ['userData', join(root, 'userData')],
    ['videos', join(root, 'Videos')],
  ]);
  requestSingleInstanceLock = () => (calls.push('lock'), true);
  whenReady = () => (calls.push('whenReady'), Promise.resolve());
  isReady = () => true;
  enableSandbox = () => void calls.push('enableSandbox');
  getPath = (name: string) => this.paths.get(name) ?? join(root, name);
  setPath = (name: string, value: string) => void this.paths.set(name, value);
  getAppPath = () => appDir;
  getVersion = () => '9.8.7';
  getLocale = () => 'en-US';
  quit = () => void calls.push('quit');
  exit = (code: number) => void (this.exitCode = code);
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => void calls.push(`schemes:${schemes.map((s) => s.scheme).join(',')}`),
  handle: (scheme: string, h: (req: Request) => Promise<Response>) => void protocolHandlers.set(scheme, h),
};
export const ipcMain = {
  handle: (channel: string, h: Handler) => void ipcHandlers.set(channel, h),
  removeHandler: (channel: string) => void ipcHandlers.delete(channel),
  removeAllListeners: (channel: string) => void calls.push(`removeAllListeners:${channel}`),
};

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  readonly sent: [string, unknown][] = [];
  readonly webContents = Object.assign(new EventEmitter(), {
    mainFrame: { url: 'keyframe://app/index.html', processId: 1, routingId: 1 },
    send: (channel: string, payload: unknown) => void this.sent.push([channel, payload]),
    setWindowOpenHandler: () => undefined,
  });
  loadedUrl: string | undefined;
  constructor(readonly options: unknown) {
    super();
    BrowserWindow.all.push(this);
  }
  loadURL = async (url: string) => void (this.loadedUrl = url);
  isDestroyed = () => false;
  show = () => undefined;
  setProgressBar = () => undefined;
}

export const Menu = { buildFromTemplate: (t: unknown[]) => ({ items: t }), setApplicationMenu: () => void calls.push('menu') };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => void calls.push('permissions'),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
  },
};
export const powerMonitor = new EventEmitter();
export const shell = { openExternal: async () => undefined, showItemInFolder: () => undefined, trashItem: async () => undefined };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showErrorBox: (t: string, m: string) => void calls.push(`error:${t}:${m}`) };
export class Notification {
  static isSupported = () => false;
  show = () => undefined;
}
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (s: string) => Buffer.from(s).reverse(),
  decryptStringAsync: async (b: Buffer) => ({ result: Buffer.from(b).reverse().toString(), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};
