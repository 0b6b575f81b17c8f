import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Reply } from '../../shared/ipc/channels.js';
import { HTTP_CALL_CHANNELS, TOKEN_HEADER } from '../../shared/ipc/http-call.js';
import { tokenMatches } from './auth.js';
import { plainText } from './plain-text.js';

/**
 * `POST /ipc/call` (HTTP_CALL_PATH): one read-only call of the IPC contract over plain HTTP,
 * for the page's first library page. The socket cannot carry it as early: a
 * WebSocket's first reply reaches a loading page only after its `open` event
 * has been handled and the browser has asked for data, two more hops through
 * a main thread that is busy evaluating the app. A fetch's response is
 * delivered like the page's own files.
 *
 * Guarded like the socket's handshake: the page's exact Origin, the token in
 * a header (a custom header cannot be sent cross-origin without a preflight,
 * which is never granted), JSON only, a small body, and only the channels
 * listed here, which read and never change anything.
 */

const MAX_BODY_BYTES = 16 * 1024;

const CallSchema = z.strictObject({ channel: z.string().min(1).max(100), input: z.unknown() });

export interface HttpCallOptions {
  port: number;
  token: string;
  dispatch(channel: string, input: unknown, sender: { trusted: boolean }): Promise<Reply<unknown>>;
}

export async function serveHttpCall(opts: HttpCallOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return plainText(res, 405, 'POST only.', { Allow: 'POST' });
  if (req.headers.origin !== `http://127.0.0.1:${opts.port}`) return plainText(res, 403, 'Foreign origin.');
  const given = req.headers[TOKEN_HEADER];
  if (!tokenMatches(opts.token, typeof given === 'string' ? given : undefined)) return plainText(res, 401, 'Missing or wrong token.');
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return plainText(res, 415, 'JSON only.');
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === undefined) {
    // Answered, then cut: the rest of an oversized body is never read.
    plainText(res, 413, 'Too large.', { Connection: 'close' });
    res.once('finish', () => req.destroy());
    return;
  }
  let call: z.infer<typeof CallSchema>;
  try {
    call = CallSchema.parse(JSON.parse(body));
  } catch {
    return plainText(res, 400, 'Malformed call.');
  }
  if (!HTTP_CALL_CHANNELS.has(call.channel)) return plainText(res, 403, 'Not callable over HTTP.');
  const reply = await opts.dispatch(call.channel, call.input, { trusted: true });
  const text = JSON.stringify(reply);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The body as text, or undefined once it passes `max` bytes (reading stops there). */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

