import type { Reply } from '../../shared/ipc/channels.js';
import { ApiError } from './app-error';

/**
 * The page's side of the browser host's `/ipc` WebSocket: request/reply by id,
 * pushed events by channel, and reconnection with backoff. Calls made while
 * (re)connecting wait for the socket; calls in flight when it drops fail with
 * `unavailable` (the stores reload their lists once it is back).
 */

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface HostSocket {
  call(channel: string, input: unknown): Promise<unknown>;
  subscribe(channel: string, cb: (payload: unknown) => void): () => void;
  onState(cb: (state: ConnectionState, attempts: number) => void): () => void;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const MAX_BACKOFF_MS = 5000;

/**
 * Worded as 'connection.lost_call' in shared/error-messages.ts (a unit test keeps them equal; the page
 * words it by key anyway). That catalog is not imported: it brings zod, and this module runs before the
 * socket may open.
 */
export const LOST_CALL = {
  code: 'unavailable',
  key: 'connection.lost_call',
  message: 'Lost the connection to Keyframe before it answered. Check the queue before trying again.',
} as const;

export function connectHost(wsUrl: string, token: string): HostSocket {
  const pending = new Map<number, Pending>();
  const waiting: string[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState, attempts: number) => void>();
  let ws: WebSocket | undefined;
  let nextId = 1;
  let failures = 0;
  let state: ConnectionState = 'connecting';

  const setState = (s: ConnectionState): void => {
    state = s;
    for (const cb of stateListeners) cb(s, failures);
  };

  const open = (): void => {
    setState('connecting');
    // The token rides in a subprotocol: the one header a browser lets a page set on a WebSocket handshake.
    // Names as in electron/host/auth.ts (PROTOCOL, AUTH_PROTOCOL_PREFIX); the renderer may not import it.
    const sock = new WebSocket(wsUrl, ['keyframe.ipc', `keyframe.auth.${token}`]);
    ws = sock;
    sock.onopen = () => {
      failures = 0;
      setState('open');
      for (const frame of waiting.splice(0)) sock.send(frame);
    };
    sock.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return;
      let msg: unknown;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (typeof msg !== 'object' || msg === null) return;
      const m = msg as { id?: unknown; reply?: Reply<unknown>; event?: unknown; payload?: unknown };
      if (typeof m.id === 'number' && m.reply) {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.reply.ok) p.resolve(m.reply.value);
        else p.reject(new ApiError(m.reply.error));
      } else if (typeof m.event === 'string') {
        for (const cb of listeners.get(m.event) ?? []) cb(m.payload);
      }
    };
    sock.onclose = () => {
      if (ws !== sock) return;
      ws = undefined;
      failures += 1;
      const lost = new ApiError(LOST_CALL);
      for (const p of pending.values()) p.reject(lost);
      pending.clear();
      // Their callers were just told "failed": never send them later behind their back.
      waiting.length = 0;
      setState('closed');
      setTimeout(open, Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 5)));
    };
  };
  open();

  return {
    call(channel, input) {
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, input });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (ws && ws.readyState === WebSocket.OPEN) ws.send(frame);
        else waiting.push(frame);
      });
    },
    subscribe(channel, cb) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(cb);
      return () => void set.delete(cb);
    },
    onState(cb) {
      stateListeners.add(cb);
      cb(state, failures);
      return () => void stateListeners.delete(cb);
    },
  };
}
