import { Worker } from 'node:worker_threads';

/**
 * sha256 of a download computed on a worker thread, so the thread that reads
 * the socket and writes the file never hashes. sha256 was most of the
 * downloader's CPU time (about 1.3 s per GiB), all of it on the one thread
 * that also had to keep the socket drained: with the hash beside it, a
 * second core does that work while the first keeps receiving.
 *
 * Memory stays bounded: chunks are sent in batches of 1 MiB (copied once),
 * and while more than 8 MiB wait in the worker `isBehind` is true; the pump
 * then stops reading the socket until the worker catches up.
 */

const POST_BYTES = 1024 * 1024;
const MAX_IN_FLIGHT = 8 * 1024 * 1024;

// Evaluated source rather than a file: the same code then runs from the
// TypeScript sources, the bundled app, the CLI and the tests alike.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hash = createHash('sha256');
parentPort.on('message', (message) => {
  if (message === 'digest') {
    parentPort.postMessage({ digest: hash.digest('hex') });
    return;
  }
  let bytes = 0;
  for (const chunk of message) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  parentPort.postMessage({ hashed: bytes });
});
`;

type WorkerReply = { hashed: number } | { digest: string };

export class ThreadHash {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private inFlight = 0;
  private caughtUp: (() => void)[] = [];
  private failure: Error | undefined;
  private digestWaiter: { resolve(hex: string): void; reject(err: Error): void } | undefined;

  constructor() {
    // A download never keeps the process alive by its hash alone.
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (this.digestWaiter !== undefined) this.fail(new Error(`the hashing thread exited (code ${code}) before the digest`));
    });
  }

  update(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= POST_BYTES) this.post();
  }

  /** Enough waits in the worker that reading should pause. */
  get isBehind(): boolean {
    return this.inFlight >= MAX_IN_FLIGHT && this.failure === undefined;
  }

  /** Calls `fn` once the worker holds less than the limit (at once if it already does). */
  onCaughtUp(fn: () => void): void {
    if (!this.isBehind) fn();
    else this.caughtUp.push(fn);
  }

  /** The hex sha256 of every byte given; the worker ends after it. */
  async digest(): Promise<string> {
    if (this.failure !== undefined) throw this.failure;
    this.post();
    const hex = await new Promise<string>((resolve, reject) => {
      this.digestWaiter = { resolve, reject };
      this.worker.postMessage('digest');
    });
    await this.dispose();
    return hex;
  }

  /** Ends the worker (every path of a download calls this, done or not). */
  async dispose(): Promise<void> {
    this.releaseWaiters();
    await this.worker.terminate();
  }

  private post(): void {
    if (this.pendingBytes === 0) return;
    // Structured clone copies the bytes: the caller keeps its buffers for the file.
    this.worker.postMessage(this.pending);
    this.inFlight += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private onReply(reply: WorkerReply): void {
    if ('digest' in reply) {
      this.digestWaiter?.resolve(reply.digest);
      this.digestWaiter = undefined;
      return;
    }
    this.inFlight -= reply.hashed;
    if (!this.isBehind) this.releaseWaiters();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.digestWaiter?.reject(this.failure);
    this.digestWaiter = undefined;
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    const waiters = this.caughtUp;
    this.caughtUp = [];
    for (const fn of waiters) fn();
  }
}
