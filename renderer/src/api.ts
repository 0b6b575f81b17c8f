import { EVENTS, OPS, type Api } from '../../shared/ipc/channels.js';
import { earlyHost } from './boot/early-host';
import type { ConnectionState } from './host-socket';

/**
 * THE one module that touches `window.api`. In the desktop app the preload
 * exposes it; in the browser host there is no preload, so the same `Api` is
 * built here over the host's WebSocket, generated from the contract's OPS and
 * EVENTS lists (no channel is typed by hand). Event payloads are validated
 * against their schemas before page code sees them, in both cases the same way.
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
  for (const op of OPS) {
    (api[op.domain] ??= {})[op.op] = (input: unknown) => call(op.channel, input ?? {});
  }
  for (const ev of EVENTS) {
    (api[ev.domain] ??= {})[ev.method] = (cb: (payload: unknown) => void) =>
      subscribe(ev.channel, (raw) => {
        const parsed = ev.payload.safeParse(raw);
        if (parsed.success) cb(parsed.data);
        else console.warn(`Keyframe: ignored a malformed ${ev.channel} event`);
      });
  }
  // The object above has exactly the shape Api describes: one function per OPS/EVENTS entry.
  return api as unknown as Api;
}

/** The preload's events, re-validated here so page code never sees an unchecked payload. */
function validatedPreload(preload: Api): Api {
  const raw = preload as unknown as Record<string, Record<string, (arg: unknown) => unknown>>;
  const call: Call = (channel, input) => {
    const op = OPS.find((o) => o.channel === channel);
    const fn = op ? raw[op.domain]?.[op.op] : undefined;
    if (!op || !fn) return Promise.reject(new Error(`Keyframe: the preload has no ${channel}`));
    return Promise.resolve(fn(input));
  };
  const subscribe: Subscribe = (channel, cb) => {
    const ev = EVENTS.find((e) => e.channel === channel);
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
export const api: Api = client.api;
export const connection: Connection = client.connection;
