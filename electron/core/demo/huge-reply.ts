import type { ServerResponse } from 'node:http';
import type { TypedEmitter } from './emitter.js';
import type { ApiRoute, FakeEvents } from './types.js';

/**
 * The 'huge-reply' fault: a reply far larger than any real one, streamed with
 * backpressure so the server only sends what the client takes. Whether the
 * client read it all or hung up part way is what the tests look at.
 */

const PREFIX = '{"object":"list","data":[{"id":"padded-model"}],"pad":"';
const SUFFIX = '"}';
const CHUNK = Buffer.alloc(64 * 1024, 'x');

export async function sendHugeReply(
  res: ServerResponse,
  route: ApiRoute,
  fault: { bytes: number; status?: number; declareLength?: boolean },
  events: TypedEmitter<FakeEvents>,
): Promise<void> {
  const filler = fault.bytes - PREFIX.length - SUFFIX.length;
  if (!Number.isSafeInteger(fault.bytes) || filler < 0) throw new Error(`a huge reply needs at least ${PREFIX.length + SUFFIX.length} bytes`);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (fault.declareLength) res.setHeader('Content-Length', fault.bytes);
  res.writeHead(fault.status ?? 200);
  let sent = 0;
  let closed = false;
  let finished = false;
  res.on('finish', () => (finished = true));
  // 'close' comes last either way: after 'finish' when the body went out whole, alone when the client hung up.
  res.on('close', () => {
    closed = true;
    events.emit('huge-reply-ended', { route, bytesSent: sent, complete: finished });
  });
  const write = async (chunk: Buffer | string): Promise<void> => {
    sent += Buffer.byteLength(chunk);
    if (res.write(chunk) || closed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  await write(PREFIX);
  for (let left = filler; left > 0 && !closed; left -= CHUNK.length) await write(left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left));
  if (closed) return;
  await write(SUFFIX);
  res.end();
}
