import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestRecord } from './types.js';

/** Small node:http helpers shared by the API server and the file host. */

/** Lower-case header map with repeated values joined, as plain data for stats. */
export function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function requestRecord(req: IncomingMessage): RequestRecord {
  return { method: req.method ?? 'GET', path: req.url ?? '/', headers: headerRecord(req) };
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true; bytes: number };

/**
 * Reads a request body up to `limit` bytes. Past the limit the rest is read and
 * discarded (never kept) so the client can still receive a clean 413: replying
 * while it is mid-upload would make most clients report a reset instead.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      resolve(bytes <= limit ? { ok: true, body: Buffer.concat(chunks) } : { ok: false, tooLarge: true, bytes });
    });
    req.on('error', reject);
  });
}

/** Sends a body that is JSON, verbatim text, or nothing (`null`). */
export function sendBody(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  let payload = '';
  let type: string | undefined;
  if (typeof body === 'string') {
    payload = body;
    type = 'text/plain; charset=utf-8';
  } else if (body !== null && body !== undefined) {
    payload = JSON.stringify(body);
    type = 'application/json; charset=utf-8';
  }
  const lower = Object.keys(headers).map((h) => h.toLowerCase());
  if (type && !lower.includes('content-type')) res.setHeader('Content-Type', type);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.writeHead(status);
  res.end(payload);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  sendBody(res, status, body, headers);
}

/** An HTTP server that remembers its sockets so close() can cut even stalled ones. */
export interface TrackedServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export async function listenTracked(handler: RequestListener, port: number): Promise<TrackedServer> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake server has no TCP address');
  return {
    server,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
