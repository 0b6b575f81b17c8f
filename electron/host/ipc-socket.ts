import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { z } from 'zod';
import type { Logger } from '../core/ports.js';
import type { Reply } from '../../shared/ipc/channels.js';
import { PROTOCOL, checkHost, tokenFromProtocols, tokenMatches } from './auth.js';

/**
 * The IPC contract over a WebSocket at `/ipc`. Requests are JSON
 * `{id, channel, input}` and get `{id, reply}`, where reply is the
 * dispatcher's Reply envelope; events are pushed as `{event, payload}`.
 * The handshake is refused (before any upgrade) unless Host, Origin and token
 * all check out, so every open socket is an authenticated, trusted sender.
 */

export type Dispatch = (channel: string, rawInput: unknown, sender: { trusted: boolean }) => Promise<Reply<unknown>>;

export interface IpcSocketOptions {
  port: () => number;
  token: string;
  dispatch: Dispatch;
  logger: Logger;
  /** Largest message accepted (frame imports are base64 images of up to 20 MB). */
  maxPayloadBytes: number;
  maxSockets?: number;
  /** Requests one socket may have waiting for their reply; more are answered `busy` at once. */
  maxInFlight?: number;
  /** Bytes sent to a socket but not yet taken by it beyond which the socket is dropped. */
  maxBufferedBytes?: number;
}

/**
 * The page has a handful of calls out at once (a start-up burst is about ten;
 * posters are made two at a time). Past this, further requests are answered
 * `busy` at once rather than held: each one held would keep its input and,
 * once answered, its reply in memory, and would delay every other window's
 * calls behind it. A client that then sends as many again without waiting is
 * flooding, not a page, and is dropped.
 */
export const DEFAULT_MAX_IN_FLIGHT = 16;

/**
 * A browser takes what it is sent almost at once (it reads its socket even
 * while the page is busy), and a reply is rarely over 1 MB (the page asks for
 * 100 videos at a time, about 80 kB of JSON). Only a client that stops
 * reading gets far behind, and without a bound the host would buffer for it
 * without limit: that is how one window could exhaust the host's memory.
 * Past this the socket is cut at once (not closed politely: a close frame
 * would queue behind the same backlog) and its buffers are freed; the page
 * reconnects and reloads its lists. The worst case is this per socket times
 * maxSockets, plus one reply each.
 */
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export const BUSY_MESSAGE = "Keyframe is busy with this window's earlier requests; try again.";

const RequestSchema = z.strictObject({
  id: z.union([z.number().int().nonnegative(), z.string().min(1).max(64)]),
  channel: z.string().min(1).max(100),
  input: z.unknown(),
});
type Request = z.infer<typeof RequestSchema>;

export interface IpcSocketServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast(event: string, payload: unknown): void;
  close(): Promise<void>;
}

export function createIpcSocketServer(opts: IpcSocketOptions): IpcSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxPayloadBytes,
    // The page offers both subprotocols; answer with the plain one so the token is never echoed.
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
    perMessageDeflate: false,
  });
  const maxSockets = opts.maxSockets ?? 32;
  const maxInFlight = opts.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const maxBuffered = opts.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;

  const refuse = (socket: Duplex, status: 400 | 401 | 403 | 404 | 421 | 503, reason: string): void => {
    opts.logger.log('warn', 'Browser host refused a WebSocket handshake', { status, reason });
    const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request', 503: 'Service Unavailable' }[status];
    // Destroyed once the answer is flushed (a destroy right after end() could drop it), or after 1 s at most.
    const timer = setTimeout(() => socket.destroy(), 1000);
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`, () => {
      clearTimeout(timer);
      socket.destroy();
    });
  };

  /** Cuts a socket at once: its buffers are freed and nothing more is read from it; the page reconnects. */
  const drop = (ws: WebSocket, why: string, fields: Record<string, unknown>): void => {
    opts.logger.log('warn', `Browser host dropped a socket that ${why}`, fields);
    ws.terminate();
  };

  /** Sends a frame, or drops a socket too far behind to be sent more. */
  const send = (ws: WebSocket, frame: string): void => {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > maxBuffered) return drop(ws, 'stopped reading', { bufferedBytes: ws.bufferedAmount });
    ws.send(frame);
  };

  const onConnection = (ws: WebSocket): void => {
    let inFlight = 0;
    let refusedInARow = 0;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // A dropped socket may still hand over messages it had already read: nothing more is done for it.
      if (ws.readyState !== WebSocket.OPEN) return;
      if (isBinary) {
        ws.close(1003, 'Text frames only.');
        return;
      }
      const request = parseRequest(rawText(data));
      if (!request) {
        // Without a valid id there is no one to answer: this is not our page talking.
        ws.close(1008, 'Malformed request.');
        return;
      }
      if (inFlight >= maxInFlight) {
        // Answering every request of a flood, even with `busy`, costs a write each: one
        // client sending thousands at once would stall every other window behind them.
        if (++refusedInARow > maxInFlight) return drop(ws, 'sent too many requests at once', { inFlight, refused: refusedInARow - 1 });
        send(ws, JSON.stringify({ id: request.id, reply: BUSY_REPLY }));
        return;
      }
      refusedInARow = 0;
      inFlight += 1;
      void answer(request).then((reply) => {
        inFlight -= 1;
        send(ws, JSON.stringify({ id: request.id, reply }));
      });
    });
    ws.on('error', (err) => opts.logger.log('debug', 'Browser host socket error', { err }));
  };

  const answer = async (request: Request): Promise<Reply<unknown>> => {
    try {
      return await opts.dispatch(request.channel, request.input, { trusted: true });
    } catch (err) {
      opts.logger.log('error', 'Dispatcher threw instead of replying', { channel: request.channel, err });
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Keyframe; the log has details.' } };
    }
  };

  return {
    handleUpgrade(req, socket, head) {
      const port = opts.port();
      const url = req.url ?? '';
      if (url.split('?')[0] !== '/ipc') return refuse(socket, 404, 'Not found.');
      if (checkHost(req.headers.host, port) !== 'ok') return refuse(socket, 421, 'Wrong host.');
      if (req.headers.origin !== `http://127.0.0.1:${port}`) return refuse(socket, 403, 'Foreign origin.');
      const offered = req.headers['sec-websocket-protocol'];
      if (!tokenMatches(opts.token, tokenFromProtocols(offered))) return refuse(socket, 401, 'Missing or wrong token.');
      if (!offered?.split(',').some((p) => p.trim() === PROTOCOL)) return refuse(socket, 400, `Offer the ${PROTOCOL} subprotocol.`);
      if (wss.clients.size >= maxSockets) return refuse(socket, 503, 'Too many connections.');
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws));
    },
    broadcast(event, payload) {
      if (wss.clients.size === 0) return;
      const frame = JSON.stringify({ event, payload });
      for (const ws of wss.clients) send(ws, frame);
    },
    async close() {
      for (const ws of wss.clients) ws.close(1001, 'Keyframe is shutting down.');
      // Give close frames a moment, then cut whatever did not answer.
      await new Promise((r) => setTimeout(r, 50));
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

const BUSY_REPLY: Reply<never> = { ok: false, error: { code: 'busy', message: BUSY_MESSAGE, retryable: true } };

function parseRequest(text: string): Request | undefined {
  try {
    return RequestSchema.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
