import Conf from 'conf';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OPS } from '../../../shared/ipc/channels.js';
import type { KeyValueStoreOptions } from '../../../electron/main/adapters/settings-store.js';
import * as fake from './fake-electron.js';

/**
 * Runs the real composition root (electron/main/index.ts) against a fake
 * Electron: the wiring order, the protocols, the IPC surface and a clean quit,
 * which no Electron binary on this machine could show us.
 */
vi.mock('electron', async () => await import('./fake-electron.js'));
// electron-store is conf plus Electron paths; conf runs under plain Node.
vi.mock('electron-store', () => ({
  default: class extends Conf<Record<string, unknown>> {
    constructor(o: KeyValueStoreOptions) {
      super({ configName: o.name, cwd: o.cwd, defaults: o.defaults, configFileMode: o.configFileMode, clearInvalidConfig: o.clearInvalidConfig, accessPropertiesByDotNotation: false });
    }
  },
}));

afterAll(() => {
  fake.app.emit('before-quit', { preventDefault: () => undefined });
});

describe('electron/main/index.ts', async () => {
  await import('../../../electron/main/index.js');
  await vi.waitFor(() => expect(fake.BrowserWindow.all).toHaveLength(1), { timeout: 10_000 });
  const win = fake.BrowserWindow.all[0];
  if (!win) throw new Error('no window');

  it('registers the schemes before ready, then wires services, protocols, IPC, menu and window', () => {
    expect(fake.calls.slice(0, 4)).toEqual(['schemes:keyframe,keyframe-media', 'enableSandbox', 'lock', 'whenReady']);
    expect(fake.calls).toContain('removeAllListeners:electron-store-get-data');
    expect(fake.calls).toContain('permissions');
    expect(fake.calls).toContain('menu');
    expect(fake.calls.some((c) => c.startsWith('error:'))).toBe(false);
    expect(win.loadedUrl).toBe('keyframe://app/index.html');
    expect([...fake.protocolHandlers.keys()].sort()).toEqual(['keyframe', 'keyframe-media']);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(OPS.map((o) => o.channel).sort());
  });

  it('serves the renderer through keyframe://app with the CSP', async () => {
    const res = await fake.protocolHandlers.get('keyframe')?.(new Request('keyframe://app/index.html'));
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect((await fake.protocolHandlers.get('keyframe-media')?.(new Request('keyframe-media://video/unknown')))?.status).toBe(404);
  });

  it('answers our main frame over IPC and refuses anyone else', async () => {
    const version = fake.ipcHandlers.get('app:version');
    await expect(version?.({ senderFrame: win.webContents.mainFrame }, {})).resolves.toEqual({ ok: true, value: { version: '9.8.7', platform: process.platform } });
    await expect(version?.({ senderFrame: { url: 'keyframe://app/index.html' } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'permission' } });
    const settings = await fake.ipcHandlers.get('settings:get')?.({ senderFrame: win.webContents.mainFrame }, {});
    expect(settings).toMatchObject({ ok: true, value: { hasApiKey: false, keyStorage: 'os-encrypted', concurrency: 3 } });
  });

  it('pushes service events to the window on contract channels', async () => {
    const pause = fake.ipcHandlers.get('jobs:pauseQueue');
    await expect(pause?.({ senderFrame: win.webContents.mainFrame }, {})).resolves.toMatchObject({ ok: true, value: { paused: true } });
    await vi.waitFor(() => expect(win.sent.some(([channel]) => channel === 'queue:changed')).toBe(true), { timeout: 5_000 });
  });

  it('polls on resume and closes the services before exiting', async () => {
    fake.powerMonitor.emit('suspend');
    fake.powerMonitor.emit('resume');
    let prevented = false;
    fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(0), { timeout: 10_000 });
    expect(fake.ipcHandlers.size).toBe(0);
  });
});
