import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { AppFailure } from '../../../shared/errors.js';
import { OPS, type EventChannel } from '../../../shared/ipc/channels.js';
import { startHost, type HostHandle, type HostOptions } from '../../../electron/host/server.js';
import type { AppServices, Handlers, MediaFile } from '../../../electron/services/types.js';

/** A temp folder removed after the test. */
export function tempDir(prefix = 'kf-host-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
export const onCleanup = (fn: () => Promise<void>): void => void cleanups.push(fn);

/** A built-renderer stand-in: index.html and one asset. */
export function fakeRendererDir(): string {
  const dir = tempDir('kf-renderer-');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Keyframe</title><script type="module" src="./assets/app.js"></script>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(dir, '.secret'), 'dotfile');
  // A file beside the renderer folder that a path escape would reach.
  writeFileSync(join(dir, '..', `${dir.split('/').pop() ?? 'x'}-outside.txt`), 'outside');
  return dir;
}

export interface StubServices extends AppServices {
  emit(channel: EventChannel, payload: unknown): void;
  media: Map<string, MediaFile>;
  closed: boolean;
}

/**
 * Hand-written services: `app.version` answers, `jobs.list` is empty, every
 * other op fails with not_found. Enough to test the transport on its own.
 */
export function stubServices(): StubServices {
  const handlers: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const op of OPS) {
    (handlers[op.domain] ??= {})[op.op] = async () => {
      throw new AppFailure({ code: 'not_found', message: `${op.channel} is not in the stub.` });
    };
  }
  (handlers.app ??= {}).version = async () => ({ version: '9.9.9', platform: 'stub' });
  (handlers.jobs ??= {}).list = async () => [];
  const listeners = new Set<(channel: EventChannel, payload: unknown) => void>();
  const media = new Map<string, MediaFile>();
  const stub: StubServices = {
    // The stub builds one function per OPS entry, which is what Handlers describes.
    handlers: handlers as unknown as Handlers,
    onEvent(cb) {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
    async resolveMedia(kind, id) {
      return media.get(`${kind}/${id}`);
    },
    pollNow: () => undefined,
    setSuspended: () => undefined,
    async close() {
      stub.closed = true;
    },
    emit: (channel, payload) => listeners.forEach((cb) => cb(channel, payload)),
    media,
    closed: false,
  };
  return stub;
}

export async function startTestHost(opts: Partial<HostOptions> = {}): Promise<HostHandle> {
  const host = await startHost({ dataDir: tempDir(), rendererDir: fakeRendererDir(), services: stubServices(), ...opts });
  onCleanup(() => host.close());
  return host;
}

export type Handshake = { ok: true; ws: WebSocket } | { ok: false; status: number };

/** Where a host listens and the token it wants: a HostHandle, or a host in another process. */
export type HostAddress = Pick<HostHandle, 'port' | 'origin' | 'token'>;

/** Opens the IPC socket the way the page does, with each part overridable. */
export function openSocket(
  host: HostAddress,
  opts: { origin?: string | null; token?: string | null; protocols?: string[]; hostHeader?: string; path?: string; maxPayload?: number } = {},
): Promise<Handshake> {
  const token = opts.token === undefined ? host.token : opts.token;
  const protocols = opts.protocols ?? ['keyframe.ipc', ...(token === null ? [] : [`keyframe.auth.${token}`])];
  const origin = opts.origin === undefined ? host.origin : opts.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${opts.path ?? '/ipc'}`, protocols, {
    ...(origin === null ? {} : { origin }),
    ...(opts.hostHeader ? { headers: { Host: opts.hostHeader } } : {}),
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      onCleanup(async () => ws.terminate());
      resolve({ ok: true, ws });
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ok: false, status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Sends one request and waits for the reply with the same id. */
export function call(ws: WebSocket, channel: string, input: unknown, id = Math.floor(Math.random() * 1e9)): Promise<{ id: number; reply: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const msg = JSON.parse(String(data)) as { id?: number; reply?: { ok: boolean } };
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg as { id: number; reply: { ok: boolean } });
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, input }));
  });
}

export function nextClose(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** A raw HTTP request, so paths like `/../x` reach the server unnormalised. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
