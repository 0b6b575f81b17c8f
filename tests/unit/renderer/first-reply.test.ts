import { beforeEach, describe, expect, it } from 'vitest';
import { errorMessage } from '../../../shared/error-messages.js';
import { EVENTS, OPS } from '../../../shared/ipc/channels.js';
import { FIRST_LIBRARY_QUERY, LIBRARY_CHANGED, LIBRARY_QUERY } from '../../../renderer/src/boot/first-library-query.js';
import { askFirst } from '../../../renderer/src/boot/first-reply.js';
import { LOST_CALL, type ConnectionState, type HostSocket } from '../../../renderer/src/host-socket.js';

/**
 * The library's first page, asked for before the app loads and handed to the
 * first identical call: never twice, never for another question, and never
 * once main said the library changed or the connection dropped (a kept reply
 * must not be older than what main would answer now).
 */

/** A socket whose replies and pushes the test drives by hand. */
function fakeSocket() {
  const calls: { channel: string; input: unknown; resolve(v: unknown): void; reject(e: unknown): void }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState, attempts: number) => void>();
  const socket: HostSocket = {
    call: (channel, input) => new Promise((resolve, reject) => calls.push({ channel, input, resolve, reject })),
    subscribe(channel, cb) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(cb));
      return () => void set.delete(cb);
    },
    onState(cb) {
      stateListeners.add(cb);
      cb('connecting', 0);
      return () => void stateListeners.delete(cb);
    },
  };
  return {
    socket,
    calls,
    push: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((cb) => cb(payload)),
    setState: (s: ConnectionState) => stateListeners.forEach((cb) => cb(s, 0)),
    /** Subscriptions still held: a dropped reply lets go of them. */
    held: () => [...listeners.values()].reduce((n, set) => n + set.size, 0) + stateListeners.size,
  };
}

const PAGE_ONE = { total: 2, items: [] };
let main: ReturnType<typeof fakeSocket>;
beforeEach(() => {
  main = fakeSocket();
});

describe('askFirst', () => {
  it('sends the call at once and hands its reply to the first identical call, once', async () => {
    const first = askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]);
    expect(main.calls.map((c) => [c.channel, c.input])).toEqual([[LIBRARY_QUERY, FIRST_LIBRARY_QUERY]]);
    main.calls[0]?.resolve(PAGE_ONE);
    const taken = first.take(LIBRARY_QUERY, { ...FIRST_LIBRARY_QUERY });
    await expect(taken).resolves.toBe(PAGE_ONE);
    expect(first.take(LIBRARY_QUERY, FIRST_LIBRARY_QUERY)).toBeUndefined();
    expect(main.held()).toBe(0);
  });

  it('hands over a reply still on the way (the caller waits for it rather than asking again)', async () => {
    const first = askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]);
    const taken = first.take(LIBRARY_QUERY, FIRST_LIBRARY_QUERY);
    expect(taken).toBeDefined();
    main.calls[0]?.resolve(PAGE_ONE);
    await expect(taken).resolves.toBe(PAGE_ONE);
    expect(main.calls).toHaveLength(1);
  });

  it('is not handed to a different question', () => {
    const first = askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]);
    expect(first.take(LIBRARY_QUERY, { ...FIRST_LIBRARY_QUERY, text: 'fox' })).toBeUndefined();
    expect(first.take(LIBRARY_QUERY, { ...FIRST_LIBRARY_QUERY, offset: 100 })).toBeUndefined();
    expect(first.take('library:get', FIRST_LIBRARY_QUERY)).toBeUndefined();
    // Still there for the call it was asked for.
    expect(first.take(LIBRARY_QUERY, FIRST_LIBRARY_QUERY)).toBeDefined();
  });

  it('is dropped once main says the library changed', () => {
    const first = askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]);
    main.calls[0]?.resolve(PAGE_ONE);
    main.push(LIBRARY_CHANGED, {});
    expect(first.take(LIBRARY_QUERY, FIRST_LIBRARY_QUERY)).toBeUndefined();
    expect(main.held()).toBe(0);
  });

  it('is dropped when the connection drops (changes made meanwhile were never announced)', () => {
    const first = askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]);
    main.setState('open');
    main.calls[0]?.resolve(PAGE_ONE);
    expect(main.held()).toBe(2);
    main.setState('closed');
    main.setState('open');
    expect(first.take(LIBRARY_QUERY, FIRST_LIBRARY_QUERY)).toBeUndefined();
  });

  it('a failure nobody takes is not an unhandled rejection; one that is taken reaches its caller', async () => {
    askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]);
    main.calls[0]?.reject(new Error('gone'));
    const second = askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]);
    main.calls[1]?.reject(new Error('busy'));
    await expect(second.take(LIBRARY_QUERY, FIRST_LIBRARY_QUERY)).rejects.toThrow('busy');
    // fail-on-unhandled.ts fails this test if the first rejection escaped.
    await new Promise((r) => setTimeout(r, 0));
  });
});

describe('the names spelled out before the contract loads', () => {
  it('are the contract’s own channel names', () => {
    expect(OPS.some((op) => op.channel === LIBRARY_QUERY && op.domain === 'library' && op.op === 'query')).toBe(true);
    expect(EVENTS.some((ev) => ev.channel === LIBRARY_CHANGED && ev.domain === 'library')).toBe(true);
  });

  it('the first library query is one main accepts', () => {
    const op = OPS.find((o) => o.channel === LIBRARY_QUERY);
    expect(op?.input.safeParse(FIRST_LIBRARY_QUERY).success).toBe(true);
  });

  it('the lost-call error is worded as the catalog words it', () => {
    expect(LOST_CALL).toEqual({ code: 'unavailable', ...errorMessage('connection.lost_call') });
  });

  it('asks the way it is told (HTTP), while the socket still says when the reply goes stale', async () => {
    let asked = 0;
    const first = askFirst(main.socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED], async () => {
      asked += 1;
      return PAGE_ONE;
    });
    expect(asked).toBe(1);
    expect(main.calls).toHaveLength(0);
    main.push(LIBRARY_CHANGED, {});
    expect(first.take(LIBRARY_QUERY, FIRST_LIBRARY_QUERY)).toBeUndefined();
  });

});
