import { createHash, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pumpBodyToFile, type BodyHash } from '../../../electron/core/library/body-pump.js';
import type { PartFile } from '../../../electron/core/library/part-files.js';
import { ThreadHash } from '../../../electron/core/library/thread-hash.js';

/** The worker-thread sha256: the same digest as node's, and a backlog that pauses the socket instead of growing. */

describe('ThreadHash', () => {
  it('gives the sha256 node gives, for chunks of every size including empty ones', async () => {
    const chunks = [0, 1, 63, 64 * 1024, 1024 * 1024 + 7, 0, 3 * 1024 * 1024, 5].map((n) => randomBytes(n));
    const thread = new ThreadHash();
    const local = createHash('sha256');
    for (const c of chunks) {
      thread.update(c);
      local.update(c);
    }
    expect(await thread.digest()).toBe(local.digest('hex'));
  });

  it('says it is behind once 8 MiB wait in the worker, and calls back once it caught up', async () => {
    const thread = new ThreadHash();
    const block = randomBytes(1024 * 1024);
    let posted = 0;
    while (!thread.isBehind && posted < 64) {
      thread.update(block);
      posted += 1;
    }
    expect(thread.isBehind).toBe(true);
    expect(posted).toBeGreaterThanOrEqual(8);
    await new Promise<void>((resolve) => thread.onCaughtUp(resolve));
    expect(thread.isBehind).toBe(false);
    const local = createHash('sha256');
    for (let i = 0; i < posted; i += 1) local.update(block);
    expect(await thread.digest()).toBe(local.digest('hex'));
  });
});

describe('the pump and a hash that falls behind', () => {
  it('pauses the body while the hash is behind and resumes it when the hash catches up', async () => {
    let behind = false;
    let release: (() => void) | undefined;
    const hashed: number[] = [];
    const hash: BodyHash = {
      update: (c) => hashed.push(c.byteLength),
      get isBehind() {
        return behind;
      },
      onCaughtUp: (fn) => (release = fn),
    };
    const file: PartFile = { writev: async (bs) => ({ bytesWritten: bs.reduce((n, b) => n + b.byteLength, 0) }), sync: async () => {}, close: async () => {} };
    const body = new PassThrough();
    const pumped = pumpBodyToFile(body, file, hash);
    behind = true;
    body.write(Buffer.alloc(10));
    await new Promise((r) => setImmediate(r));
    expect(body.isPaused()).toBe(true);
    behind = false;
    release?.();
    expect(body.isPaused()).toBe(false);
    body.end(Buffer.alloc(5));
    expect(await pumped).toBe(15);
    expect(hashed).toEqual([10, 5]);
  });
});
