import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PumpError, pumpBodyToFile } from '../../../electron/core/library/body-pump.js';
import type { PartFile } from '../../../electron/core/library/part-files.js';

/** The pump between a response body and the part file: bounded memory, and the failing side named. */

const CHUNK = 64 * 1024;
const MiB = 1024 * 1024;

/** A body that hands out `total` bytes in 64 KiB chunks as fast as it is read, counting what it produced. */
function fastBody(total: number): { body: Readable; produced: () => number; hash: () => string } {
  let produced = 0;
  const hash = createHash('sha256');
  const body = new Readable({
    read() {
      if (produced >= total) {
        this.push(null);
        return;
      }
      const chunk = Buffer.alloc(Math.min(CHUNK, total - produced), produced / CHUNK);
      produced += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { body, produced: () => produced, hash: () => hash.digest('hex') };
}

/** A part file whose writes wait until `release()`; it then stores everything. */
function stuckDisk(): { file: PartFile; release: () => void; stored: () => number } {
  let stored = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const file: PartFile = {
    async writev(buffers) {
      await gate;
      const n = buffers.reduce((sum, b) => sum + b.byteLength, 0);
      stored += n;
      return { bytesWritten: n };
    },
    sync: async () => undefined,
    close: async () => undefined,
  };
  return { file, release, stored: () => stored };
}

describe('pumpBodyToFile', () => {
  it('stops reading while the disk is behind: a stuck write holds the download to about 2 MiB of 64', async () => {
    const source = fastBody(64 * MiB);
    const disk = stuckDisk();
    const hash = createHash('sha256');
    const paused = once(source.body, 'pause');
    const pumping = pumpBodyToFile(source.body, disk.file, hash);
    await paused;
    // One more turn: anything the body would still hand out has been handed out.
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.produced()).toBeLessThanOrEqual(2 * MiB + 2 * CHUNK);
    expect(disk.stored()).toBe(0);

    disk.release();
    expect(await pumping).toBe(64 * MiB);
    expect(disk.stored()).toBe(64 * MiB);
    expect(hash.digest('hex')).toBe(source.hash());
  });

  it('a failed write stops the body and is reported as the write side, with what was stored', async () => {
    const source = fastBody(64 * MiB);
    let calls = 0;
    const file: PartFile = {
      async writev(buffers) {
        calls += 1;
        if (calls > 1) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
        return { bytesWritten: buffers.reduce((sum, b) => sum + b.byteLength, 0) };
      },
      sync: async () => undefined,
      close: async () => undefined,
    };
    const err = await pumpBodyToFile(source.body, file, createHash('sha256')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PumpError);
    expect(err).toMatchObject({ side: 'write', cause: { code: 'EIO' } });
    expect((err as PumpError).written).toBeGreaterThan(0);
    // Destroyed, not read to the end: the connection closes instead of downloading what cannot be stored.
    expect(source.body.destroyed).toBe(true);
    expect(source.produced()).toBeLessThan(8 * MiB);
  });

  it('a file that fails to open is the write side, and the body is not left flowing', async () => {
    const source = fastBody(4 * MiB);
    const opening = Promise.reject(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }));
    const err = await pumpBodyToFile(source.body, opening, createHash('sha256')).catch((e: unknown) => e);
    expect(err).toMatchObject({ side: 'write', written: 0, cause: { code: 'EACCES' } });
    expect(source.body.destroyed).toBe(true);
  });

  it('flushes the part while the download runs, one flush at a time, so the final fsync has little left to do', async () => {
    const source = fastBody(8 * MiB);
    let stored = 0;
    const storedAtFlush: number[] = [];
    let flushing = 0;
    let overlapping = 0;
    const file: PartFile = {
      async writev(buffers) {
        const n = buffers.reduce((sum, b) => sum + b.byteLength, 0);
        stored += n;
        return { bytesWritten: n };
      },
      async sync() {
        flushing += 1;
        if (flushing > 1) overlapping += 1;
        storedAtFlush.push(stored);
        await new Promise((resolve) => setImmediate(resolve));
        flushing -= 1;
      },
      close: async () => undefined,
    };
    expect(await pumpBodyToFile(source.body, file, createHash('sha256'), { flushEveryBytes: MiB })).toBe(8 * MiB);
    expect(storedAtFlush.length).toBeGreaterThanOrEqual(2);
    expect(storedAtFlush[0]).toBeLessThan(8 * MiB);
    expect(overlapping).toBe(0);
    // The pump returns only once its flushes have settled: none runs on into the final fsync or the close.
    expect(flushing).toBe(0);
  });

  it('a flush that fails mid-download (a full disk) stops the body and is the write side, with what was stored', async () => {
    const source = fastBody(64 * MiB);
    let stored = 0;
    const file: PartFile = {
      async writev(buffers) {
        const n = buffers.reduce((sum, b) => sum + b.byteLength, 0);
        stored += n;
        return { bytesWritten: n };
      },
      sync: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' });
      },
      close: async () => undefined,
    };
    const err = await pumpBodyToFile(source.body, file, createHash('sha256'), { flushEveryBytes: 2 * MiB }).catch((e: unknown) => e);
    expect(err).toMatchObject({ side: 'write', cause: { code: 'ENOSPC' } });
    expect((err as PumpError).written).toBe(stored);
    expect(source.body.destroyed).toBe(true);
    expect(source.produced()).toBeLessThan(16 * MiB);
  });

  it('a flush that fails while a write still runs is reported only once that write has settled: the part is never closed under it', async () => {
    const source = fastBody(8 * MiB);
    let stored = 0;
    let writes = 0;
    let secondWriteStarted!: () => void;
    const secondWrite = new Promise<void>((resolve) => (secondWriteStarted = resolve));
    let releaseWrite!: () => void;
    const writeGate = new Promise<void>((resolve) => (releaseWrite = resolve));
    let failFlush!: (err: Error) => void;
    const file: PartFile = {
      async writev(buffers) {
        writes += 1;
        if (writes === 2) {
          secondWriteStarted();
          await writeGate;
        }
        const n = buffers.reduce((sum, b) => sum + b.byteLength, 0);
        stored += n;
        return { bytesWritten: n };
      },
      sync: () => new Promise<void>((_resolve, reject) => (failFlush = reject)),
      close: async () => undefined,
    };
    let settled = false;
    const pumping = pumpBodyToFile(source.body, file, createHash('sha256'), { flushEveryBytes: 1 }).catch((e: unknown) => e);
    void pumping.then(() => (settled = true));
    await secondWrite;
    failFlush(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' }));
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);

    releaseWrite();
    const err = await pumping;
    expect(err).toMatchObject({ side: 'write', cause: { code: 'ENOSPC' } });
    // The write that was running counts: the part holds it, and a resume starts after it.
    expect((err as PumpError).written).toBe(stored);
    expect(writes).toBe(2);
  });
});
