import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
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
