import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENTS, OPS, type Api } from '../../../shared/ipc/channels.js';

type Listener = (event: unknown, payload: unknown) => void;

/** Fakes for the two Electron modules the preload touches. */
const fakes = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const exposed: { key: string; value: unknown }[] = [];
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, value: 'v' })),
    on: vi.fn((channel: string, l: (event: unknown, payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(l);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, l: (event: unknown, payload: unknown) => void) => listeners.get(channel)?.delete(l)),
    send: vi.fn(),
    sendSync: vi.fn(),
    postMessage: vi.fn(),
  };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.push({ key, value })) };
  return { listeners, exposed, ipcRenderer, contextBridge };
});
vi.mock('electron', () => ({ ipcRenderer: fakes.ipcRenderer, contextBridge: fakes.contextBridge }));

let api: Api;
beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  const only = fakes.exposed[0];
  if (!only) throw new Error('nothing exposed');
  api = only.value as Api;
});

const emit = (channel: string, payload: unknown): void => {
  const fakeEvent = { sender: fakes.ipcRenderer, senderId: 0, ports: [] };
  for (const l of fakes.listeners.get(channel) ?? []) (l as Listener)(fakeEvent, payload);
};

describe('preload bridge', () => {
  it('exposes one object, `api`, with exactly the contract methods', () => {
    expect(fakes.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(fakes.exposed.map((e) => e.key)).toEqual(['api']);
    const expected = new Map<string, Set<string>>();
    for (const o of OPS) expected.set(o.domain, (expected.get(o.domain) ?? new Set()).add(o.op));
    for (const e of EVENTS) expected.set(e.domain, (expected.get(e.domain) ?? new Set()).add(e.method));
    const actual = api as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(actual).sort()).toEqual([...expected.keys()].sort());
    for (const [domain, methods] of expected) {
      expect(Object.keys(actual[domain] ?? {}).sort(), domain).toEqual([...methods].sort());
      for (const m of methods) expect(typeof actual[domain]?.[m], `${domain}.${m}`).toBe('function');
    }
  });

  it('leaks no ipcRenderer, generic invoke/send or channel-taking function', () => {
    const seen: unknown[] = [];
    const walk = (v: unknown, path: string): void => {
      if (v === fakes.ipcRenderer || v === fakes.ipcRenderer.invoke || v === fakes.ipcRenderer.send || v === fakes.ipcRenderer.on) throw new Error(`leak at ${path}`);
      if (v && typeof v === 'object' && !seen.includes(v)) {
        seen.push(v);
        for (const [k, child] of Object.entries(v)) {
          expect(k, path).not.toMatch(/^(ipcRenderer|invoke|send|sendSync|on|removeListener|postMessage|require|process)$/);
          walk(child, `${path}.${k}`);
        }
      }
    };
    walk(api, 'api');
  });

  it('invokes the op channel and unwraps the reply', async () => {
    fakes.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { version: '0.1.0', platform: 'linux' } });
    await expect(api.app.version({})).resolves.toEqual({ version: '0.1.0', platform: 'linux' });
    expect(fakes.ipcRenderer.invoke).toHaveBeenLastCalledWith('app:version', {});
  });

  it('rejects with the error object (code kept) rather than an Error whose fields the bridge would drop', async () => {
    fakes.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'rate_limited', message: 'Slow down.', retryable: true, retryAfterMs: 3000 } });
    await expect(api.jobs.list({})).rejects.toMatchObject({ code: 'rate_limited', message: 'Slow down.', retryable: true, retryAfterMs: 3000 });
    fakes.ipcRenderer.invoke.mockResolvedValueOnce('nonsense');
    await expect(api.jobs.list({})).rejects.toMatchObject({ code: 'internal', key: 'reply.unreadable' });
  });

  it('keeps the catalog key, params and note, so the page can word the error in its language', async () => {
    const error = {
      code: 'network',
      key: 'apimart.network',
      params: { n: 1 },
      note: { key: 'job.upload_gave_up', params: { attempts: 4 } },
      message: 'Could not reach APIMart (network problem); Keyframe will retry.',
      stack: 'Error: at main.js:1',
    };
    fakes.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error });
    const rejected: unknown = await api.jobs.list({}).catch((e: unknown) => e);
    expect(rejected).toEqual({
      code: 'network',
      key: 'apimart.network',
      params: { n: 1 },
      note: { key: 'job.upload_gave_up', params: { attempts: 4 } },
      message: 'Could not reach APIMart (network problem); Keyframe will retry.',
    });
  });

  it('gives event callbacks the payload only, and unsubscribes', () => {
    const cb = vi.fn();
    const off = api.jobs.onUpdated(cb);
    emit('jobs:updated', []);
    expect(cb).toHaveBeenCalledOnce();
    expect(cb.mock.calls[0]).toEqual([[]]);
    off();
    emit('jobs:updated', []);
    expect(cb).toHaveBeenCalledOnce();
    expect(fakes.listeners.get('jobs:updated')?.size).toBe(0);
    expect(() => (api.queue.onChanged as unknown as (x: unknown) => void)('not a function')).toThrow(TypeError);
  });
});
