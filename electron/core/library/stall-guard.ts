import type { Clock, TimerHandle } from '../ports.js';

/**
 * One AbortController for a download that fires when either the caller's
 * signal aborts or no byte has arrived for `stallMs`. A total timeout would be
 * wrong for a 1 GB file on a slow line; a stall timer is not. It runs on the
 * injected Clock so tests drive it without real sleeps.
 */
export class StallGuard {
  private readonly controller = new AbortController();
  private handle: TimerHandle | undefined;
  private stalledFlag = false;
  private readonly onOuterAbort = (): void => {
    this.disarm();
    this.controller.abort(this.outer?.reason);
  };

  constructor(
    private readonly clock: Clock,
    readonly stallMs: number,
    private readonly outer?: AbortSignal,
  ) {
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the stall timer, not the caller, aborted the download. */
  get stalled(): boolean {
    return this.stalledFlag;
  }

  get cancelled(): boolean {
    return this.outer?.aborted === true;
  }

  /** (Re)starts the countdown; called before the request and on every chunk. */
  arm(): void {
    if (this.controller.signal.aborted) return;
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = this.clock.setTimeout(() => {
      this.handle = undefined;
      this.stalledFlag = true;
      this.controller.abort(new Error(`no data for ${this.stallMs} ms`));
    }, this.stallMs);
  }

  /** Stops the countdown while we do local work (hashing an existing part). */
  disarm(): void {
    if (this.handle === undefined) return;
    this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  dispose(): void {
    this.disarm();
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}
