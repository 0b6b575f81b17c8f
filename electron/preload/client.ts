import { EVENTS, OPS, type Api, type Domain, type EventDomain, type EventName, type EventPayload, type OpInput, type OpName, type OpOutput, type Reply, type ReplyError } from '../../shared/ipc/channels.js';
import type { ErrorKey } from '../../shared/error-messages.js';

/**
 * The page's `window.api`, derived from the contract: one named function per
 * op and one `onX(cb) → unsubscribe` per event. Deliberately dumb: no generic
 * invoke, no channel argument, no ipcRenderer, and callbacks get the payload
 * only (the IpcRendererEvent would hand the page `sender`, i.e. ipcRenderer).
 * Main validates every input and sender; this file only carries messages.
 */

/** The two ipcRenderer methods used, so tests pass a fake and nothing else leaks in. */
export interface IpcRendererLike {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

type OpsOf<D extends Domain> = { [O in OpName<D>]: (input: OpInput<D, O>) => Promise<OpOutput<D, O>> };
type EventsOf<D extends EventDomain> = {
  [E in EventName<D> as `on${Capitalize<E>}`]: (cb: (payload: EventPayload<D, E>) => void) => () => void;
};

// A type-only import: the catalog itself stays out of the preload bundle.
const INTERNAL: ReplyError = { code: 'internal', key: 'reply.unreadable' satisfies ErrorKey, message: 'Keyframe sent a reply the window could not read.' };

/**
 * Rejects with the error object itself, not an Error: contextBridge copies only
 * an Error's message, so `code`, `field` and `retryable` would be lost.
 */
export function unwrapReply(reply: unknown): unknown {
  const r = reply as Partial<Reply<unknown>> | null;
  if (r && r.ok === true && 'value' in r) return r.value;
  if (r && r.ok === false && r.error && typeof r.error.code === 'string' && typeof r.error.message === 'string') {
    const { code, message, key, params, note, field, retryable, retryAfterMs, requestId, detail } = r.error;
    const error: ReplyError = { code, message, key, params, note, field, retryable, retryAfterMs, requestId, detail };
    // Only known fields, and none left undefined: whatever else main attached stays in main.
    throw Object.fromEntries(Object.entries(error).filter(([, v]) => v !== undefined)) as unknown as ReplyError;
  }
  throw INTERNAL;
}

export function createApi(ipc: IpcRendererLike): Api {
  // The only casts in the client: a runtime-built object typed as the contract's mapped types.
  const ops = <D extends Domain>(domain: D): OpsOf<D> =>
    Object.fromEntries(
      OPS.filter((o) => o.domain === domain).map(({ op, channel }) => [op, (input: unknown) => ipc.invoke(channel, input ?? {}).then(unwrapReply)]),
    ) as OpsOf<D>;
  const events = <D extends EventDomain>(domain: D): EventsOf<D> =>
    Object.fromEntries(
      EVENTS.filter((e) => e.domain === domain).map(({ method, channel }) => [
        method,
        (cb: (payload: unknown) => void) => {
          if (typeof cb !== 'function') throw new TypeError(`${method} needs a function`);
          const listener = (_event: unknown, payload: unknown): void => cb(payload);
          ipc.on(channel, listener);
          return () => void ipc.removeListener(channel, listener);
        },
      ]),
    ) as EventsOf<D>;

  // Listing the domains here is the compile-time check: `satisfies Api` fails on a missing or extra
  // domain or op; the preload unit test checks the runtime object against OPS/EVENTS exactly.
  return {
    jobs: { ...ops('jobs'), ...events('jobs') },
    library: { ...ops('library'), ...events('library') },
    frames: ops('frames'),
    settings: ops('settings'),
    app: { ...ops('app'), ...events('app') },
    cost: ops('cost'),
    balance: ops('balance'),
    batch: ops('batch'),
    history: ops('history'),
    spend: ops('spend'),
    sequence: { ...ops('sequence'), ...events('sequence') },
    queue: events('queue'),
    batches: events('batches'),
  } satisfies Api;
}
