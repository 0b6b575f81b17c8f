import type { Hash } from 'node:crypto';
import { finished, type Readable } from 'node:stream';
import type { PartFile } from './part-files.js';
import type { WriteCheck } from './write-check.js';

/**
 * Copies a response body to an open file while hashing it, in constant memory.
 *
 * The body flows ('data' events: each socket read arrives as it is, never
 * copied into a larger buffer). Chunks are gathered and written with one
 * writev at the end of the event-loop turn they arrived in, or, while a write
 * runs, as soon as it ends: network and disk overlap and a fast network
 * yields large writes (few syscalls). Chunks read one after the other into
 * the same block of memory (the socket transport's) are written as one
 * buffer, and the block is handed back for the next reads once its bytes are
 * stored and read back. When the disk falls behind, the body is paused once
 * 1 MiB waits, which stops reading the socket: what the download holds stays
 * near 2 MiB whatever the file size. (On a 1 GiB loopback download 1 MiB
 * took less CPU than 4 MiB, and no smaller batch did better.)
 *
 * Counts are of bytes the file accepted, never of bytes received: a nearly
 * full disk stores part of a write and says so, and the rest is written again
 * (or the write fails) rather than being counted as saved.
 */

const BATCH_BYTES = 1024 * 1024;
/**
 * How much is stored between two early flushes (see WriteBehind.flushEarly).
 * On a 1 GiB loopback download 16 MiB left the final fsync 1-4 ms of work
 * instead of 0.5-0.65 s, with no cost to the download; 64 MiB left 20-30 ms.
 */
export const FLUSH_EVERY_BYTES = 16 * 1024 * 1024;
/** A writer that keeps storing nothing without an error would otherwise be retried forever. */
const MAX_EMPTY_WRITES = 3;

/** Which side failed, and how many bytes reached the file before it did. */
export class PumpError extends Error {
  constructor(
    readonly side: 'read' | 'write',
    readonly written: number,
    override readonly cause: unknown,
  ) {
    super(`body ${side} failed after ${written} bytes`);
    this.name = 'PumpError';
  }
}

export interface PumpEvents {
  /** A chunk arrived from the network (the stall timer's heartbeat). */
  onReceived?: () => void;
  /** The file accepted more bytes; `written` is the running total stored. */
  onWritten?: (written: number) => void;
  /** Reads every write back and compares it before the next one starts; its failure is a 'write' PumpError. */
  check?: WriteCheck;
  /** Bytes stored between early flushes; 0 turns them off. Default FLUSH_EVERY_BYTES. */
  flushEveryBytes?: number;
}

/**
 * Returns the number of body bytes written.
 *
 * `file` may still be opening: reading starts at once and the first write
 * waits for it. When the body fails (connection reset, abort) every byte that
 * did arrive is still written, so a Range resume continues from all of them;
 * a failed write instead destroys the body, which closes the connection. A
 * failed open surfaces as a 'write' PumpError.
 */
export async function pumpBodyToFile(body: Readable, file: PartFile | Promise<PartFile>, hash: Hash, events: PumpEvents = {}): Promise<number> {
  const writer = new WriteBehind(Promise.resolve(file), events.onWritten, () => body.destroy(), events.check, recyclerOf(body), events.flushEveryBytes ?? FLUSH_EVERY_BYTES);
  const readError = await new Promise<unknown>((resolve) => {
    body.on('data', (chunk: Buffer) => {
      events.onReceived?.();
      hash.update(chunk);
      writer.push(chunk);
      if (writer.isFull) {
        body.pause();
        writer.onRoom(() => body.resume());
      }
    });
    // writable: false: a duplex test body counts as done when its readable side is.
    finished(body, { writable: false }, (err) => resolve(err ?? undefined));
  });
  // A failed write destroyed the body: its error, not the premature close it
  // caused, is the story. It is thrown once no write or flush still runs, so
  // the caller never closes or deletes the part under one.
  await writer.drain();
  if (readError !== undefined) throw new PumpError('read', writer.written, readError);
  return writer.written;
}

/** A body that reuses its chunks' memory once told they are done with (see SocketResponse). */
interface RecyclingBody {
  recycleChunks(): (chunk: Uint8Array) => void;
}

function recyclerOf(body: Readable): ((chunk: Uint8Array) => void) | undefined {
  const candidate = body as Readable & Partial<RecyclingBody>;
  return typeof candidate.recycleChunks === 'function' ? candidate.recycleChunks() : undefined;
}

/** Chunks queued behind at most one running (or scheduled) write; a finished write schedules the next. */
class WriteBehind {
  written = 0;
  private queued: Uint8Array[] = [];
  private queuedBytes = 0;
  private running: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;
  private roomWaiters: (() => void)[] = [];
  private flushing: Promise<void> | undefined;
  private flushedUpTo = 0;

  constructor(
    private readonly file: Promise<PartFile>,
    private readonly onWritten: ((written: number) => void) | undefined,
    private readonly onFailure: () => void,
    private readonly check: WriteCheck | undefined,
    /** Hands a chunk's memory back to the body once its bytes are on disk and checked. */
    private readonly recycle: ((chunk: Uint8Array) => void) | undefined,
    private readonly flushEvery: number,
  ) {
    // A failed open is reported by the first write, which may come a turn
    // later; until then it must not count as an unhandled rejection.
    file.catch(() => undefined);
  }

  /** A full batch waits behind a running write: time to stop reading. */
  get isFull(): boolean {
    return this.running !== undefined && this.queuedBytes >= BATCH_BYTES;
  }

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0 || this.failure !== undefined) return;
    const last = this.queued.at(-1);
    // Consecutive reads into one block are one range of memory: written as one buffer, not many small ones.
    if (last !== undefined && last.buffer === chunk.buffer && last.byteOffset + last.byteLength === chunk.byteOffset) {
      this.queued[this.queued.length - 1] = Buffer.from(last.buffer, last.byteOffset, last.byteLength + chunk.byteLength);
    } else {
      this.queued.push(chunk);
    }
    this.queuedBytes += chunk.byteLength;
    if (this.running === undefined) this.startWrite();
  }

  /** Calls `fn` once the queue has been handed to a write; never after a failure (the body is destroyed then). */
  onRoom(fn: () => void): void {
    this.roomWaiters.push(fn);
  }

  /** Resolves once every queued byte is in the file, or throws the write failure. */
  async drain(): Promise<void> {
    while (this.running !== undefined) await this.running;
    await this.flushing;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw new PumpError('write', this.written, this.failure.error);
  }

  /**
   * Schedules the next write for the end of this event-loop turn: every
   * chunk the socket delivers in one turn (libuv reads up to 32 times per
   * turn) then goes into one writev, instead of the first chunk going alone.
   */
  private startWrite(): void {
    // The rejection is captured rather than left pending: a write failing
    // while we wait for the network must not surface as an unhandled rejection.
    this.running = endOfTurn()
      .then(() => this.file)
      .then(async (f) => {
        const buffers = this.takeQueue();
        await writeFully(f, buffers, (n) => this.count(n));
        await this.check?.check(buffers);
        if (this.recycle !== undefined) for (const b of buffers) this.recycle(b);
        this.flushEarly(f);
      })
      .then(
        () => {
          this.running = undefined;
          if (this.queued.length > 0) this.startWrite();
        },
        (error: unknown) => {
          this.running = undefined;
          this.fail(error);
        },
      );
  }

  /** The first failure is the one reported; the body is destroyed, which stops the reading. */
  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = { error };
    this.queued = [];
    this.queuedBytes = 0;
    this.onFailure();
  }

  /**
   * Starts the disk writing what is stored so far, beside the download
   * rather than after it: the kernel would otherwise hold a whole video in
   * the page cache and write it all in the final fsync (0.5-0.7 s for 1 GiB
   * here, as long as a third of the download). The final fsync still runs,
   * before the rename; these only leave it less to do.
   */
  private flushEarly(f: PartFile): void {
    if (this.failure !== undefined || this.flushEvery <= 0 || this.flushing !== undefined || this.written - this.flushedUpTo < this.flushEvery) return;
    this.flushedUpTo = this.written;
    this.flushing = f.sync().then(
      () => {
        this.flushing = undefined;
      },
      (error: unknown) => {
        this.flushing = undefined;
        this.fail(error);
      },
    );
  }

  private takeQueue(): Uint8Array[] {
    const buffers = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiters) w();
    return buffers;
  }

  private count(stored: number): void {
    this.written += stored;
    this.onWritten?.(this.written);
  }
}

const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes every byte of `buffers`. A short write is what a filling disk
 * returns (libuv reports the bytes stored before the error), so the rest is
 * written again: either it fits now or the next write fails with ENOSPC.
 */
export async function writeFully(file: PartFile, buffers: Uint8Array[], onWritten: (n: number) => void): Promise<void> {
  let rest = buffers.filter((b) => b.byteLength > 0);
  let remaining = rest.reduce((sum, b) => sum + b.byteLength, 0);
  let emptyWrites = 0;
  while (remaining > 0) {
    const stored = Math.min(remaining, (await file.writev(rest)).bytesWritten);
    if (stored <= 0) {
      emptyWrites += 1;
      if (emptyWrites >= MAX_EMPTY_WRITES) {
        throw new Error(`The file accepted none of the remaining ${remaining} bytes in ${MAX_EMPTY_WRITES} writes in a row.`);
      }
      continue;
    }
    emptyWrites = 0;
    remaining -= stored;
    rest = dropStored(rest, stored);
    onWritten(stored);
  }
}

/** The buffers still to write once the first `stored` bytes are in the file. */
function dropStored(buffers: Uint8Array[], stored: number): Uint8Array[] {
  let skip = stored;
  let first = 0;
  while (first < buffers.length && skip >= (buffers[first]?.byteLength ?? 0)) {
    skip -= buffers[first]?.byteLength ?? 0;
    first += 1;
  }
  const rest = buffers.slice(first);
  const head = rest[0];
  if (head !== undefined && skip > 0) rest[0] = head.subarray(skip);
  return rest;
}
