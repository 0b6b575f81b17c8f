import type { Clock, TimerHandle } from '../ports.js';

/**
 * Gathers the paths of a burst of file events into one batch: a clip copied
 * in is a handful of events (video, sidecar, each added and changed), and a
 * folder of a hundred clips moved in is hundreds. The batch goes once the
 * events pause for `debounceMs`, or after `maxWaitMs` however busy the
 * folder stays, and never while the previous batch is still being indexed.
 */

export interface ChangeBatcherOptions {
  clock: Clock;
  debounceMs: number;
  maxWaitMs: number;
  /** Indexes one batch; must not throw. */
  flush(paths: string[]): Promise<void>;
}

export class ChangeBatcher {
  private pending = new Set<string>();
  private timer: TimerHandle | undefined;
  private firstAt = 0;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: ChangeBatcherOptions) {}

  add(path: string): void {
    if (this.closed) return;
    const now = this.opts.clock.now();
    if (this.pending.size === 0) this.firstAt = now;
    this.pending.add(path);
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.opts.debounceMs, this.firstAt + this.opts.maxWaitMs - now));
    this.timer = this.opts.clock.setTimeout(() => void this.send(), wait);
  }

  /** Sends what is pending now and waits for every batch to be indexed. */
  async drain(): Promise<void> {
    await this.send();
    await this.running;
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }

  private send(): Promise<void> {
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return this.running;
    const paths = [...this.pending];
    this.pending = new Set();
    this.running = this.running.then(() => this.opts.flush(paths));
    return this.running;
  }
}
