import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { ServerResponse } from 'node:http';

/**
 * Body writers for the file host. Everything streams from disk with
 * backpressure: a 1 GB benchmark file must never sit in memory.
 */

/** Streams bytes [start, end] and ends the response. Client aborts are not errors. */
export async function streamRange(res: ServerResponse, path: string, start: number, end: number): Promise<void> {
  if (end < start) {
    res.end();
    return;
  }
  await pipeline(createReadStream(path, { start, end }), res).catch(() => undefined);
}

/**
 * Writes at most `count` bytes starting at `start` without ending the response,
 * and resolves once they have been handed to the socket (so a following destroy
 * cannot discard them). Returns the bytes written.
 */
export async function writePrefix(res: ServerResponse, path: string, start: number, count: number): Promise<number> {
  if (count <= 0) {
    res.flushHeaders();
    return 0;
  }
  let written = 0;
  let lastFlush: Promise<void> = Promise.resolve();
  const closed = once(res, 'close').then(
    () => 'closed' as const,
    () => 'closed' as const,
  );
  for await (const chunk of createReadStream(path, { start, end: start + count - 1 })) {
    const buf = chunk as Buffer;
    let ok = true;
    lastFlush = new Promise<void>((resolve) => {
      ok = res.write(buf, () => resolve());
    });
    written += buf.length;
    if (!ok && (await Promise.race([once(res, 'drain'), closed])) === 'closed') return written;
  }
  await Promise.race([lastFlush, closed]);
  return written;
}
