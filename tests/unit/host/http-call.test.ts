import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { HostHandle } from '../../../electron/host/server.js';
import { startTestHost, stubServices } from './helpers.js';

/**
 * `POST /ipc/call`: the page's first library page over plain HTTP. Guarded like
 * the socket's handshake, and only for calls that read: nothing that changes
 * anything may ever be reached this way.
 */

/** What the page asks for first: the default sort, first page. */
const FIRST_LIBRARY_QUERY = { sort: 'newest', offset: 0, limit: 100 };

interface Sent {
  method?: string;
  origin?: string | null;
  token?: string | null;
  contentType?: string | null;
  host?: string;
  body?: string;
}

function post(host: HostHandle, sent: Sent = {}): Promise<{ status: number; type: string; body: string }> {
  const headers: Record<string, string> = {};
  const origin = sent.origin === undefined ? host.origin : sent.origin;
  if (origin !== null) headers.Origin = origin;
  const token = sent.token === undefined ? host.token : sent.token;
  if (token !== null) headers['X-Keyframe-Token'] = token;
  const contentType = sent.contentType === undefined ? 'application/json' : sent.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  if (sent.host) headers.Host = sent.host;
  const body = sent.body ?? JSON.stringify({ channel: 'library:query', input: FIRST_LIBRARY_QUERY });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/ipc/call', method: sent.method ?? 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text }));
    });
    req.on('error', reject);
    req.end(sent.method === 'GET' ? undefined : body);
  });
}

/** A host whose library answers with the input it was given, counting its calls. */
async function libraryHost() {
  const services = stubServices();
  const seen: unknown[] = [];
  services.handlers.library.query = async (input) => {
    seen.push(input);
    return { total: 1, items: [] };
  };
  let changed = 0;
  services.handlers.library.trash = async () => {
    changed += 1;
    return {} as never;
  };
  services.handlers.settings.update = async () => {
    changed += 1;
    return {} as never;
  };
  const host = await startTestHost({ services });
  return { host, seen, changed: () => changed };
}

describe('browser host: the first library page over HTTP', () => {
  it('answers the page with the same reply envelope the socket would, never cached', async () => {
    const { host, seen } = await libraryHost();
    const res = await post(host);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { total: 1, items: [] } });
    // The input went through the contract's schema: defaults filled in, exactly what the page asked for otherwise.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject(FIRST_LIBRARY_QUERY);
  });

  it('checks the input against the contract like any call', async () => {
    const { host, seen } = await libraryHost();
    const res = await post(host, { body: JSON.stringify({ channel: 'library:query', input: { limit: -5 } }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(seen).toHaveLength(0);
  });

  it('refuses a missing or wrong token, a foreign or missing Origin, and a rebinding Host', async () => {
    const { host, seen } = await libraryHost();
    expect((await post(host, { token: null })).status).toBe(401);
    expect((await post(host, { token: `${host.token}x` })).status).toBe(401);
    expect((await post(host, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(host, { origin: `http://localhost:${host.port}` })).status).toBe(403);
    expect((await post(host, { origin: null })).status).toBe(403);
    expect((await post(host, { host: `evil.example:${host.port}` })).status).toBe(421);
    expect(seen).toHaveLength(0);
  });

  it('takes POSTed JSON only, and small', async () => {
    const { host, seen } = await libraryHost();
    expect((await post(host, { method: 'GET' })).status).toBe(405);
    expect((await post(host, { contentType: 'text/plain' })).status).toBe(415);
    // A form post (what a foreign page could send without a preflight) is not JSON.
    expect((await post(host, { contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post(host, { body: JSON.stringify({ channel: 'library:query', input: { text: 'x'.repeat(20_000) } }) })).status).toBe(413);
    expect((await post(host, { body: '{"channel":' })).status).toBe(400);
    expect((await post(host, { body: JSON.stringify({ channel: 'library:query', input: {}, extra: 1 }) })).status).toBe(400);
    expect(seen).toHaveLength(0);
  });

  it('reaches no channel but the ones that only read', async () => {
    const { host, changed } = await libraryHost();
    for (const channel of ['settings:update', 'settings:setApiKey', 'jobs:submit', 'library:trash', 'library:get', 'nope']) {
      const res = await post(host, { body: JSON.stringify({ channel, input: {} }) });
      expect(res.status, channel).toBe(403);
    }
    expect(changed()).toBe(0);
  });
});
