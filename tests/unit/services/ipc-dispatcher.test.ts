import { describe, expect, it, vi, type Mock } from 'vitest';
import { createIpcDispatcher, replyError, replyOk, isReplyOk } from '../../../electron/services/ipc-dispatcher.js';
import type { Handlers } from '../../../electron/services/types.js';
import { OPS } from '../../../shared/ipc/channels.js';
import { AppFailure } from '../../../shared/errors.js';
import { MemoryLogger } from './fakes.js';
import { VALID_INPUTS, VALID_OUTPUTS } from './samples.js';

type Impl = (input: unknown) => Promise<unknown>;

/** Handlers that answer their op's valid output sample, with `overrides` by channel. */
function handlers(overrides: Record<string, Impl> = {}): { handlers: Handlers; spies: Mock[] } {
  const spies: Mock[] = [];
  const table: Record<string, Record<string, Mock>> = {};
  for (const op of OPS) {
    const spy = vi.fn(overrides[op.channel] ?? (async () => (VALID_OUTPUTS as Record<string, unknown>)[op.channel]));
    spies.push(spy);
    (table[op.domain] ??= {})[op.op] = spy;
  }
  return { handlers: table as unknown as Handlers, spies };
}

const trusted = { trusted: true };

describe('createIpcDispatcher', () => {
  it('lists every contract channel', () => {
    expect([...createIpcDispatcher(handlers().handlers).channels].sort()).toEqual(OPS.map((o) => o.channel).sort());
  });

  it('refuses an untrusted sender without calling anything, known channel or not', async () => {
    const { handlers: h, spies } = handlers();
    const d = createIpcDispatcher(h);
    for (const sender of [{ trusted: false }, {} as { trusted: boolean }, { trusted: 'yes' } as unknown as { trusted: boolean }]) {
      expect(await d.dispatch('settings:setApiKey', { key: 'sk-abcdefgh1234' }, sender)).toEqual({
        ok: false,
        error: { code: 'permission', key: 'request.untrusted', message: expect.any(String) },
      });
      expect((await d.dispatch('nope:nope', {}, sender)).ok).toBe(false);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('answers unknown channels, prototype names included, with invalid_request', async () => {
    const d = createIpcDispatcher(handlers().handlers);
    for (const channel of ['jobs:nope', '__proto__', 'constructor', 'toString', 'jobs:__proto__', 'jobs', '', 42 as unknown as string]) {
      expect(await d.dispatch(channel, {}, trusted)).toEqual({ ok: false, error: { code: 'invalid_request', key: 'request.unknown_operation', message: 'Unknown operation.' } });
    }
  });

  it('names the field of the first input problem, an unknown key by its own name', async () => {
    const d = createIpcDispatcher(handlers().handlers);
    const bad = await d.dispatch('jobs:submit', { request: { prompt: 'x', duration: 5 } }, trusted);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'request.duration', message: 'Duration must be 4, 6 or 8 seconds.' } });
    const extra = await d.dispatch('library:get', { id: 'a', sneaky: 1 }, trusted);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'sneaky' } });
  });

  it('gives the handler the parsed copy, never the caller’s object', async () => {
    const { handlers: h, spies } = handlers();
    const raw = structuredClone(VALID_INPUTS['jobs:submit']);
    await createIpcDispatcher(h).dispatch('jobs:submit', raw, trusted);
    const received = spies[OPS.findIndex((o) => o.channel === 'jobs:submit')]?.mock.calls[0]?.[0] as typeof raw;
    expect(received).not.toBe(raw);
    expect(received.request).toMatchObject({ prompt: 'a paper boat', model: 'veo3.1-fast-official', sample_count: 1 });
  });

  it('keeps every AppFailure field a page may use', async () => {
    const failure = new AppFailure({ code: 'rate_limited', message: 'Slow down.', field: 'request.prompt', retryable: true, retryAfterMs: 30_000, requestId: 'req-1', detail: 'provider said 429', httpStatus: 429 });
    const d = createIpcDispatcher(handlers({ 'balance:get': async () => Promise.reject(failure) }).handlers);
    expect(await d.dispatch('balance:get', {}, trusted)).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'Slow down.', field: 'request.prompt', retryable: true, retryAfterMs: 30_000, requestId: 'req-1', detail: 'provider said 429' },
    });
  });

  it('turns any other error into a bare internal error and logs the real one', async () => {
    const logger = new MemoryLogger();
    const boom = new Error("ENOENT: no such file, open '/home/alice/Videos/secret.mp4'");
    const d = createIpcDispatcher(
      handlers({ 'library:get': async () => Promise.reject(boom), 'app:version': async () => Promise.reject('a string, not an Error') }).handlers,
      { logger },
    );
    for (const channel of ['library:get', 'app:version']) {
      const reply = await d.dispatch(channel, (VALID_INPUTS as Record<string, unknown>)[channel], trusted);
      expect(reply).toEqual({ ok: false, error: { code: 'internal', key: 'internal', message: 'Something went wrong in Keyframe.' } });
      expect(JSON.stringify(reply)).not.toMatch(/\/home|\.ts|\.js|at /);
    }
    expect(logger.text()).toContain('/home/alice/Videos/secret.mp4');
  });

  it('strips fields the output schema does not name, at every depth', async () => {
    const leaky = { ...VALID_OUTPUTS['jobs:submit'], journalPath: '/data/jobs/x.json', apiKey: 'sk-live', outputs: [{ ...VALID_OUTPUTS['jobs:submit'].outputs[0], url: 'https://cdn/x' }] };
    const d = createIpcDispatcher(
      handlers({
        'jobs:submit': async () => leaky,
        'app:version': async () => ({ version: '1', platform: 'x', execPath: '/usr/bin/keyframe' }),
        'settings:get': async () => ({ ...VALID_OUTPUTS['settings:get'], apiKey: 'sk-live-123456' }),
      }).handlers,
    );
    expect(await d.dispatch('app:version', {}, trusted)).toEqual({ ok: true, value: { version: '1', platform: 'x' } });
    expect(await d.dispatch('settings:get', {}, trusted)).toEqual({ ok: true, value: VALID_OUTPUTS['settings:get'] });
    const reply = await d.dispatch('jobs:submit', VALID_INPUTS['jobs:submit'], trusted);
    expect(reply).toEqual({ ok: true, value: VALID_OUTPUTS['jobs:submit'] });
  });

  it('answers internal when a handler returns something off-contract', async () => {
    const logger = new MemoryLogger();
    const d = createIpcDispatcher(handlers({ 'settings:hasApiKey': async () => ({ hasApiKey: 'yes' }) }).handlers, { logger });
    expect(await d.dispatch('settings:hasApiKey', {}, trusted)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logger.text()).toContain('does not match the contract');
  });

  it('never lets a payload touch Object.prototype', async () => {
    const { handlers: h, spies } = handlers();
    const d = createIpcDispatcher(h);
    const before = Object.getOwnPropertyNames(Object.prototype);
    const payloads = [
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"request":{"prompt":"x","__proto__":{"polluted":true}}}',
      '{"id":"a","__proto__":{"polluted":true}}',
      '{"request":{"prompt":"x","first_frame_image":{"kind":"url","url":"https://a.example/x.png","__proto__":{"polluted":true}}}}',
    ];
    for (const op of OPS) for (const p of payloads) expect((await d.dispatch(op.channel, JSON.parse(p), trusted)).ok).toBe(false);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws, even when reading the payload throws', async () => {
    const trap = Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new Error('trap'); } });
    const reply = await createIpcDispatcher(handlers().handlers).dispatch('library:get', trap, trusted);
    expect(reply.ok).toBe(false);
  });

  it('fails loudly at start when a handler is missing', () => {
    const { handlers: h } = handlers();
    const broken = { ...h, jobs: { ...h.jobs, submit: undefined } } as unknown as Handlers;
    expect(() => createIpcDispatcher(broken)).toThrow(/jobs:submit/);
  });

  it('exports reply helpers', () => {
    expect(replyOk(1)).toEqual({ ok: true, value: 1 });
    expect(isReplyOk(replyOk(1))).toBe(true);
    expect(isReplyOk(replyError({ code: 'io', message: 'x' }))).toBe(false);
  });
});
