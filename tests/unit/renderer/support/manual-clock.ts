/**
 * A hand-driven clock for the renderer's tests: `now()` in ms, callbacks due after a delay (the
 * compare engine's animation frames), and time that moves only on `advance(ms)`, firing what falls
 * due in order. tests/support/fake-clock.ts does the same for the Node side, but it implements the
 * core's Clock port, whose module needs Node's types, and the renderer's type check has only the DOM.
 */
export class ManualClock {
  private t = 1_000;
  private seq = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.t;
  }

  /** Calls `fn` once `ms` have passed; returns how to cancel it. */
  after(ms: number, fn: () => void): () => void {
    const id = (this.seq += 1);
    this.due.set(id, { at: this.t + Math.max(0, ms), fn });
    return () => void this.due.delete(id);
  }

  pending(): number {
    return this.due.size;
  }

  advance(ms: number): void {
    const target = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const item of this.due) if (item[1].at <= target && (!next || item[1].at < next[1].at)) next = item;
      if (!next) break;
      this.due.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = target;
  }
}
