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
}

/** A socket this far behind on events is stuck: close it (the page reconnects and reloads its lists). */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

const RequestSchema = z.strictObject({
  id: z.union([z.number().int().nonnegative(), z.string().min(1).max(64)]),
  channel: z.string().min(1).max(100),
  input: z.unknown(),
});

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

  const onConnection = (ws: WebSocket): void => {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(1003, 'Text frames only.');
        return;
      }
      void handleMessage(ws, rawText(data));
    });
    ws.on('error', (err) => opts.logger.log('debug', 'Browser host socket error', { err }));
  };

  const handleMessage = async (ws: WebSocket, text: string): Promise<void> => {
    let parsed: z.infer<typeof RequestSchema>;
    try {
      parsed = RequestSchema.parse(JSON.parse(text));
    } catch {
      // Without a valid id there is no one to answer: this is not our page talking.
      ws.close(1008, 'Malformed request.');
      return;
    }
    let reply: Reply<unknown>;
    try {
      reply = await opts.dispatch(parsed.channel, parsed.input, { trusted: true });
    } catch (err) {
      opts.logger.log('error', 'Dispatcher threw instead of replying', { channel: parsed.channel, err });
      reply = { ok: false, error: { code: 'internal', message: 'Something went wrong inside Keyframe; the log has details.' } };
    }
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ id: parsed.id, reply }));
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
      for (const ws of wss.clients) {
        if (ws.readyState !== WebSocket.OPEN) continue;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
          ws.close(1013, 'Too far behind on events; reconnect.');
          continue;
        }
        ws.send(frame);
      }
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

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
