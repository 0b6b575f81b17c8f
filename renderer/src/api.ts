import { EVENT_LIST, OP_LIST } from '../../shared/ipc/channel-names.js';
import type { Api } from '../../shared/ipc/channels.js';
import { earlyHost } from './boot/early-host';
import { deliverChecked, loadEventSchemasWhenIdle } from './event-checks';
import type { ConnectionState } from './host-socket';

/**
 * THE one module that touches `window.api`. In the desktop app the preload
 * exposes it; in the browser host there is no preload, so the same `Api` is
 * built here over the host's WebSocket, generated from the contract's OPS and
 * EVENTS names (shared/ipc/channel-names.ts). Event payloads are validated
 * against their schemas before page code sees them, in both cases the same way
 * (event-checks.ts: the schemas load once the page is idle; events wait until then).
 */

declare global {
  interface Window {
    api?: Api;
  }
}

export type { ConnectionState };

export interface Connection {
  /** How the page reaches main: Electron's preload, or the browser host's socket. */
  readonly kind: 'preload' | 'socket' | 'none';
  onState(cb: (state: ConnectionState, attempts: number) => void): () => void;
}

type Call = (channel: string, input: unknown) => Promise<unknown>;
type Subscribe = (channel: string, cb: (payload: unknown) => void) => () => void;

function buildApi(call: Call, subscribe: Subscribe): Api {
  const api: Record<string, Record<string, unknown>> = {};
  for (const op of OP_LIST) {
    (api[op.domain] ??= {})[op.op] = (input: unknown) => call(op.channel, input ?? {});
  }
  for (const ev of EVENT_LIST) {
    (api[ev.domain] ??= {})[ev.method] = (cb: (payload: unknown) => void) => {
      let live = true;
      const off = subscribe(ev.channel, (raw) => deliverChecked(ev.channel, raw, cb, () => live));
      return () => {
        live = false;
        off();
      };
    };
  }
  // The object above has exactly the shape Api describes: one function per operation and event name.
  return api as unknown as Api;
}

/** The preload's events, re-validated here so page code never sees an unchecked payload. */
function validatedPreload(preload: Api): Api {
  const raw = preload as unknown as Record<string, Record<string, (arg: unknown) => unknown>>;
  const call: Call = (channel, input) => {
    const op = OP_LIST.find((o) => o.channel === channel);
    const fn = op ? raw[op.domain]?.[op.op] : undefined;
    if (!op || !fn) return Promise.reject(new Error(`Keyframe: the preload has no ${channel}`));
    return Promise.resolve(fn(input));
  };
  const subscribe: Subscribe = (channel, cb) => {
    const ev = EVENT_LIST.find((e) => e.channel === channel);
    const fn = ev ? raw[ev.domain]?.[ev.method] : undefined;
    if (!fn) return () => undefined;
    return fn(cb) as () => void;
  };
  return buildApi(call, subscribe);
}

function createClient(): { api: Api; connection: Connection } {
  if (window.api) {
    return { api: validatedPreload(window.api), connection: { kind: 'preload', onState: (cb) => (cb('open', 0), () => undefined) } };
  }
  // Opened before this module loaded (boot/early-host.ts), when the address carried a token.
  if (!earlyHost) {
    const missing: Call = () => Promise.reject(new Error('No access token.'));
    return { api: buildApi(missing, () => () => undefined), connection: { kind: 'none', onState: (cb) => (cb('closed', 0), () => undefined) } };
  }
  const { socket, first } = earlyHost;
  const call: Call = (channel, input) => first.take(channel, input) ?? socket.call(channel, input);
  return { api: buildApi(call, socket.subscribe), connection: { kind: 'socket', onState: socket.onState } };
}

const client = createClient();
loadEventSchemasWhenIdle();
export const api: Api = client.api;
export const connection: Connection = client.connection;
