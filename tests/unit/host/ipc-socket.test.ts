import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE, DEFAULT_MAX_IN_FLIGHT } from '../../../electron/host/ipc-socket.js';
import type { LogFields, Logger } from '../../../electron/core/ports.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { LibraryPage, VideoView } from '../../../shared/ipc/views.js';
import { call, nextClose, openSocket, startTestHost, stubServices } from './helpers.js';

describe('browser host: who may open the IPC socket', () => {
  it('listens on 127.0.0.1 only and prints a tokenised address', async () => {
    const host = await startTestHost();
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    // 32 random bytes, base64url.
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (other) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host: other.address, port: host.port });
        s.once('connect', () => (s.destroy(), resolve(false)));
        s.once('error', () => resolve(true));
      });
      expect(refused, `reachable on ${other.address}`).toBe(true);
    }
  });

  it('uses a fresh token every run', async () => {
    const a = await startTestHost();
    const b = await startTestHost();
    expect(a.token).not.toBe(b.token);
  });

  it('refuses a missing or wrong token before upgrading', async () => {
    const host = await startTestHost();
    expect(await openSocket(host, { token: null })).toEqual({ ok: false, status: 401 });
    expect(await openSocket(host, { token: 'x'.repeat(43) })).toEqual({ ok: false, status: 401 });
    expect(await openSocket(host, { token: `${host.token}x` })).toEqual({ ok: false, status: 401 });
  });

  it('refuses a foreign or missing Origin with 403, even with the right token', async () => {
    const host = await startTestHost();
    expect(await openSocket(host, { origin: 'http://evil.example' })).toEqual({ ok: false, status: 403 });
    expect(await openSocket(host, { origin: `http://localhost:${host.port}` })).toEqual({ ok: false, status: 403 });
    expect(await openSocket(host, { origin: 'http://127.0.0.1:1' })).toEqual({ ok: false, status: 403 });
    expect(await openSocket(host, { origin: null })).toEqual({ ok: false, status: 403 });
  });

  it('refuses a rebinding Host header and other paths', async () => {
    const host = await startTestHost();
    expect(await openSocket(host, { hostHeader: `evil.example:${host.port}` })).toEqual({ ok: false, status: 421 });
    expect(await openSocket(host, { path: '/other' })).toEqual({ ok: false, status: 404 });
  });

  it('requires the keyframe.ipc subprotocol and never echoes the token', async () => {
    const host = await startTestHost();
    expect(await openSocket(host, { protocols: [`keyframe.auth.${host.token}`] })).toEqual({ ok: false, status: 400 });
    const opened = await openSocket(host);
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
    expect(opened.ws.protocol).toBe('keyframe.ipc');
  });
});

describe('browser host: requests and events', () => {
  it('round-trips a request through the dispatcher as a trusted sender', async () => {
    const host = await startTestHost();
    const opened = await openSocket(host);
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
    const res = await call(opened.ws, 'app:version', {}, 7);
    expect(res).toEqual({ id: 7, reply: { ok: true, value: { version: '9.9.9', platform: 'stub' } } });
  });

  it('passes errors through as the Reply envelope', async () => {
    const host = await startTestHost();
    const opened = await openSocket(host);
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
    const unknown = await call(opened.ws, 'fs:readFile', { path: '/etc/passwd' });
    expect(unknown.reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const invalid = await call(opened.ws, 'app:version', { extra: 1 });
    expect(invalid.reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const failing = await call(opened.ws, 'library:get', { id: 'nope' });
    expect(failing.reply).toMatchObject({ ok: false, error: { code: 'not_found', message: 'library:get is not in the stub.' } });
  });

  it('pushes service events to every open socket', async () => {
    const services = stubServices();
    const host = await startTestHost({ services });
    const a = await openSocket(host);
    const b = await openSocket(host);
    if (!a.ok || !b.ok) throw new Error('refused');
    const got = (ws: typeof a.ws) => new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    const pa = got(a.ws);
    const pb = got(b.ws);
    services.emit('queue:changed', { paused: true, concurrency: 2, counts: {} });
    const expected = { event: 'queue:changed', payload: { paused: true, concurrency: 2, counts: {} } };
    expect(await pa).toEqual(expected);
    expect(await pb).toEqual(expected);
  });

  it('stops pushing events after close, and closes services only if it built them', async () => {
    const services = stubServices();
    const host = await startTestHost({ services });
    await host.close();
    expect(() => services.emit('queue:changed', {})).not.toThrow();
    expect(services.closed).toBe(false);
  });

  it('closes a socket that sends binary, malformed or oversized messages', async () => {
    const host = await startTestHost({ maxPayloadBytes: 1024 });
    const bin = await openSocket(host);
    if (!bin.ok) throw new Error('refused');
    const binClosed = nextClose(bin.ws);
    bin.ws.send(Buffer.from([1, 2, 3]));
    expect(await binClosed).toBe(1003);

    const bad = await openSocket(host);
    if (!bad.ok) throw new Error('refused');
    const badClosed = nextClose(bad.ws);
    bad.ws.send('{"channel": "app:version"}');
    expect(await badClosed).toBe(1008);

    const big = await openSocket(host);
    if (!big.ok) throw new Error('refused');
    const bigClosed = nextClose(big.ws);
    big.ws.send(JSON.stringify({ id: 1, channel: 'app:version', input: { pad: 'x'.repeat(2000) } }));
    expect(await bigClosed).toBe(1009);
  });
});

/** A library page of `count` videos with long prompts: about 4.3 kB of JSON each. */
function bigPage(count: number): LibraryPage {
  const item = (n: number): VideoView => ({
    id: `job${n}-0`,
    fileName: `clip-${n}.mp4`,
    bytes: 1000,
    videoMissing: false,
    provider: 'demo',
    model: 'veo3.1-fast-official',
    request: GenerationRequestSchema.parse({ prompt: `${n} ${'a long prompt '.repeat(280)}` }),
    taskId: `task_${n}`,
    requestIds: [],
    createdAt: n,
    favorite: false,
    tags: [],
    frames: [],
    mediaUrl: `/media/video/job${n}-0`,
  });
  return { total: count, items: Array.from({ length: count }, (_, n) => item(n)) };
}

/** A logger that resolves `seen` with the first line whose message contains `text`. */
function watchLog(text: string): { logger: Logger; seen: Promise<LogFields | undefined> } {
  let hit!: (f: LogFields | undefined) => void;
  const seen = new Promise<LogFields | undefined>((resolve) => (hit = resolve));
  return { logger: { log: (_level, message, fields) => void (message.includes(text) && hit(fields)) }, seen };
}

describe('browser host: one window cannot swamp it', () => {
  it('answers requests past the in-flight cap with busy at once, per socket, and serves again once earlier ones finish', async () => {
    const services = stubServices();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    services.handlers.library.query = async () => {
      await gate;
      return { total: 0, items: [] };
    };
    const host = await startTestHost({ services, maxInFlight: 2 });
    const a = await openSocket(host);
    const b = await openSocket(host);
    if (!a.ok || !b.ok) throw new Error('refused');

    const first = call(a.ws, 'library:query', {}, 1);
    const second = call(a.ws, 'library:query', {}, 2);
    // Answered while the first two are still held: nothing waits behind them.
    expect(await call(a.ws, 'library:query', {}, 3)).toEqual({
      id: 3,
      reply: { ok: false, error: { code: 'busy', message: "Keyframe is busy with this window's earlier requests; try again.", retryable: true } },
    });
    expect(BUSY_MESSAGE).toBe("Keyframe is busy with this window's earlier requests; try again.");
    // Another window has its own allowance.
    expect((await call(b.ws, 'app:version', {})).reply.ok).toBe(true);

    release();
    expect((await first).reply).toEqual({ ok: true, value: { total: 0, items: [] } });
    expect((await second).reply.ok).toBe(true);
    expect((await call(a.ws, 'library:query', {}, 4)).reply).toEqual({ ok: true, value: { total: 0, items: [] } });
  });

  it('drops a socket that keeps sending past its allowance without waiting', async () => {
    const services = stubServices();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    services.handlers.library.query = async () => {
      await gate;
      return { total: 0, items: [] };
    };
    const { logger, seen } = watchLog('sent too many requests at once');
    const host = await startTestHost({ services, logger, maxInFlight: 2 });
    const opened = await openSocket(host);
    if (!opened.ok) throw new Error('refused');
    const { ws } = opened;
    void call(ws, 'library:query', {}, 1);
    void call(ws, 'library:query', {}, 2);
    // As many again as the allowance are told to try later…
    expect((await call(ws, 'library:query', {}, 3)).reply).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect((await call(ws, 'library:query', {}, 4)).reply).toMatchObject({ ok: false, error: { code: 'busy' } });
    // …one more is a flood: the socket is cut without an answer.
    const closed = nextClose(ws);
    ws.send(JSON.stringify({ id: 5, channel: 'library:query', input: {} }));
    expect(await closed).toBe(1006);
    expect(await seen).toEqual({ inFlight: 2, refused: 2 });
    release();
    const again = await openSocket(host);
    if (!again.ok) throw new Error('refused');
    expect((await call(again.ws, 'library:query', {})).reply.ok).toBe(true);
  });

  it('uses a cap of 16 by default', async () => {
    const services = stubServices();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    services.handlers.library.query = async () => {
      await gate;
      return { total: 0, items: [] };
    };
    const host = await startTestHost({ services });
    const opened = await openSocket(host);
    if (!opened.ok) throw new Error('refused');
    // One reply listener per call below.
    opened.ws.setMaxListeners(DEFAULT_MAX_IN_FLIGHT + 2);
    const held = Array.from({ length: DEFAULT_MAX_IN_FLIGHT }, (_, i) => call(opened.ws, 'library:query', {}, i));
    expect((await call(opened.ws, 'library:query', {}, 100)).reply).toMatchObject({ ok: false, error: { code: 'busy' } });
    release();
    for (const r of await Promise.all(held)) expect(r.reply.ok).toBe(true);
  });

  it('drops a socket that stops reading its replies, and only that one', async () => {
    const services = stubServices();
    const page = bigPage(250);
    expect(JSON.stringify(page).length).toBeGreaterThan(1_000_000);
    services.handlers.library.query = async () => page;
    const { logger, seen } = watchLog('stopped reading');
    const host = await startTestHost({ services, logger, maxBufferedBytes: 1024 * 1024 });
    const slow = await openSocket(host);
    const other = await openSocket(host);
    if (!slow.ok || !other.ok) throw new Error('refused');

    // The slow client takes nothing off its socket and keeps asking. Each reply is
    // about 1 MB; the kernel's loopback buffers hold some megabytes, then the host's
    // own send buffer grows until it passes the 1 MiB bound and the socket is cut.
    slow.ws.pause();
    let dropped: LogFields | undefined | null = null;
    void seen.then((fields) => (dropped = fields));
    let sent = 0;
    while (dropped === null && sent < 100) {
      slow.ws.send(JSON.stringify({ id: sent, channel: 'library:query', input: {} }));
      sent += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(dropped, `not dropped after ${sent} requests of 1 MB each`).not.toBeNull();
    expect(Number((dropped as LogFields | null)?.bufferedBytes)).toBeGreaterThan(1024 * 1024);

    const closed = nextClose(slow.ws);
    slow.ws.resume();
    expect(await closed).toBe(1006);
    expect((await call(other.ws, 'app:version', {})).reply.ok).toBe(true);
  });
});
