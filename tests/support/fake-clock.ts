import type { Clock, TimerHandle } from '../../electron/core/ports.js';

/**
 * A hand-driven Clock: time moves only when a test says so. `advance(ms)`
 * fires due timers in order (by due time, then creation), including timers
 * they schedule; `runNext()` jumps straight to the earliest timer.
 */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    this.seq += 1;
    this.timers.set(this.seq, { at: this.t + Math.max(0, ms), fn });
    return this.seq;
  }

  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  pending(): number {
    return this.timers.size;
  }

  /** Due time of the earliest timer, if any. */
  nextTimerAt(): number | undefined {
    let at: number | undefined;
    for (const t of this.timers.values()) if (at === undefined || t.at < at) at = t.at;
    return at;
  }

  /** Moves to the earliest timer and fires everything due then. Returns false when none is pending. */
  runNext(): boolean {
    const at = this.nextTimerAt();
    if (at === undefined) return false;
    this.advance(Math.max(0, at - this.t));
    return true;
  }

  advance(ms: number): void {
    const target = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const item of this.timers) {
        if (item[1].at > target) continue;
        if (!next || item[1].at < next[1].at || (item[1].at === next[1].at && item[0] < next[0])) next = item;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = target;
  }
}
