import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPS, type Reply } from '../../../shared/ipc/channels.js';
import { keyTraceIn } from '../../support/key-trace.js';
import type { Settings } from '../../../shared/ipc/views.js';
import { startDemoProvider } from '../../../electron/core/demo/fake-apimart.js';
import { createRedactingLogger, type LogLine } from '../../../electron/core/util/redact.js';
import { createSafeStorageSecretStore, KEY_FILE_NAME, type SafeStorageLike } from '../../../electron/main/adapters/secret-store.js';
import { registerIpc, type IpcMainLike } from '../../../electron/main/ipc/register.js';
import type { SenderEvent } from '../../../electron/main/ipc/sender.js';
import { mediaUrl } from '../../../electron/main/schemes.js';
import { createAppServices } from '../../../electron/services/app-services.js';
import { createIpcDispatcher } from '../../../electron/services/ipc-dispatcher.js';
import type { AppServices, SettingsStore } from '../../../electron/services/types.js';

/**
 * The main process's key path end to end, minus Electron: the safeStorage
 * store (fake OS crypto), the real services and dispatcher, and our IPC
 * registration. The key goes in once; it must come back in no reply and no
 * log line, even when the gateway echoes it in an error.
 */
const KEY = 'sk-live-9f8e7d6c5b4a3210zz';
const frame = { url: 'keyframe://app/index.html' };

const safeStorage: SafeStorageLike = {
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (s) => Buffer.from(Buffer.from(s).map((b) => b ^ 0x33)),
  decryptStringAsync: async (b) => ({ result: Buffer.from(b.map((v) => v ^ 0x33)).toString(), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

describe('the API key through main', () => {
  it('appears in no IPC reply and no log line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kf-keyleak-'));
    const lines: LogLine[] = [];
    const logger = createRedactingLogger((l) => lines.push(l), () => secrets.redactionList(), { now: () => Date.now() });
    const secrets = createSafeStorageSecretStore({ safeStorage, isReady: () => true, file: join(dataDir, KEY_FILE_NAME), platform: 'linux', allowPlaintextKeyStorage: () => false, logger });
    let current: Settings = { outputDir: join(dataDir, 'videos'), nameTemplate: '{date}-{prompt}', concurrency: 2, language: 'en', theme: 'system', demoMode: false };
    const settings: SettingsStore = { get: () => current, update: (p) => (current = { ...current, ...p }) };
    // The gateway (or a proxy in front of it) echoes the key back wherever a reply can hold text, as some do.
    const token = (auth: string) => auth.replace(/^Bearer\s+/i, '');
    const echoes: ((auth: string) => Response)[] = [
      (auth) => new Response(JSON.stringify({ error: { message: `Invalid token: ${auth}`, type: 'auth' } }), { status: 401, headers: { 'content-type': 'application/json' } }),
      (auth) => new Response(JSON.stringify({ echo: auth, success: token(auth) }), { status: 200, headers: { 'x-oneapi-request-id': token(auth) } }),
      (auth) => new Response(JSON.stringify({ success: false, message: `quota of ${token(auth)} exhausted` }), { status: 200 }),
      (auth) => new Response(`<html><body>Sign in first (${token(auth)})</body></html>`, { status: 200, headers: { 'content-type': 'text/html' } }),
      (auth) => new Response(`${'x'.repeat(480)} ${token(auth)}`, { status: 500, headers: { 'x-oneapi-request-id': `req_${token(auth)}` } }),
    ];
    let served = 0;
    const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      const echo = echoes[served % echoes.length] ?? echoes[0]!;
      served += 1;
      return echo(auth);
    };
    services = await createAppServices({
      dataDir,
      secrets,
      settings,
      shell: { reveal: async () => undefined, trash: async () => undefined, chooseFolder: async () => undefined },
      logger,
      appVersion: '0.0.0-test',
      platform: 'linux',
      locale: () => 'en-US',
      mediaUrl,
      fetch,
      apiBaseUrl: 'http://127.0.0.1:9/',
      startDemo: startDemoProvider,
    });
    const handlers = new Map<string, (e: SenderEvent, input: unknown) => Promise<Reply<unknown>>>();
    const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
    registerIpc(ipcMain, { mainFrame: () => frame, send: () => undefined }, createIpcDispatcher(services.handlers, { logger }), logger);
    expect([...handlers.keys()].sort()).toEqual(OPS.map((o) => o.channel).sort());

    const call = (channel: string, input: unknown, senderFrame: SenderEvent['senderFrame'] = frame) => {
      const h = handlers.get(channel);
      if (!h) throw new Error(channel);
      return h({ senderFrame }, input);
    };
    const replies: Reply<unknown>[] = [];
    replies.push(await call('settings:setApiKey', { key: KEY }));
    expect(replies[0]).toMatchObject({ ok: true, value: { hasApiKey: true, keyStorage: 'os-encrypted' } });
    replies.push(await call('settings:setApiKey', { key: KEY }, { url: 'https://evil.example/' }));
    replies.push(await call('settings:setApiKey', { key: KEY, extra: KEY }));
    for (const channel of ['settings:get', 'settings:hasApiKey', 'settings:testApiKey', 'balance:get', 'app:version', 'jobs:list', 'jobs:queueState']) {
      replies.push(await call(channel, {}));
    }
    for (let i = 0; i < echoes.length; i++) replies.push(await call(i % 2 ? 'balance:get' : 'settings:testApiKey', {}));
    // Every echo reached a caller (after the two in the first round), each failing with its echoing words replaced.
    expect(served).toBe(2 + echoes.length);
    const codes = new Set(replies.flatMap((r) => (r.ok ? [] : [r.error.code])));
    expect([...codes]).toEqual(expect.arrayContaining(['auth', 'bad_response', 'server_error']));
    expect(JSON.stringify(replies)).toContain('[redacted]');
    expect(keyTraceIn(JSON.stringify(replies), KEY)).toBeUndefined();
    expect(keyTraceIn(JSON.stringify(lines), KEY)).toBeUndefined();
    expect(await secrets.get()).toBe(KEY);
  });
});
