import { frameAt, seekTimeOf, type FrameClock } from '../viewer/frame-math';
import { shuttle, type ShuttleKey } from '../viewer/shuttle';
import { MasterClock } from './master-clock';
import { SyncDriver, type VideoLike } from './sync-driver';
import { holds, lengthOf } from './sync-rules';

/**
 * One transport for every clip of a comparison: the master clock, the sync driver ticking on every
 * animation frame, and what the controls show (a snapshot the components subscribe to). Frames on
 * the shared timeline are the FIRST clip's frames: "." steps one of them, the counter counts them.
 */

export interface TransportSnapshot {
  /** The timeline in the first clip's frames (undefined until its frame rate is read). */
  timeline: FrameClock | undefined;
  frame: number;
  /** Signed shuttle rate; 0 paused. */
  rate: number;
  /** Ids of the clips holding their last frame (past their end), joined by spaces. */
  holding: string;
}

const EMPTY: TransportSnapshot = { timeline: undefined, frame: 0, rate: 0, holding: '' };

export class CompareEngine {
  readonly master: MasterClock;
  readonly driver: SyncDriver;
  private order: readonly string[] = [];
  private readonly clocks = new Map<string, FrameClock>();
  private readonly listeners = new Set<() => void>();
  private snap: TransportSnapshot = EMPTY;

  constructor(
    private readonly schedule: (cb: () => void) => () => void = animationFrames,
    /** Milliseconds; the tests pass a hand-driven clock. */
    now: () => number = () => performance.now(),
  ) {
    this.master = new MasterClock(now);
    this.driver = new SyncDriver(this.master, now, () => this.publish());
  }

  /** The compared clips, in order (the first one's frame rate counts the timeline). */
  setOrder(ids: readonly string[]): void {
    this.order = ids;
    this.resize();
  }

  attach(id: string, el: VideoLike, clock: FrameClock): void {
    this.clocks.set(id, clock);
    this.driver.set(id, el, clock);
    this.resize();
    this.kick();
  }

  detach(id: string): void {
    this.clocks.delete(id);
    this.driver.remove(id);
    this.resize();
  }

  /** Starts at `seconds` once the clips' lengths are known (coming back to a comparison left for another view). */
  resume(seconds: number): void {
    this.resumeAt = seconds;
    this.resize();
  }

  setLoop(loop: boolean): void {
    this.master.loop = loop;
  }

  togglePlay(): void {
    if (this.master.rate > 0) this.master.pause();
    else this.master.play(1);
    this.kick();
  }

  shuttle(key: ShuttleKey): void {
    const next = shuttle(this.master.rate, key);
    if (next === 0) this.master.pause();
    else this.master.play(next);
    this.kick();
  }

  /** Pauses and moves by `delta` frames of the first clip. */
  step(delta: number): void {
    const tl = this.snap.timeline;
    if (!tl) return;
    this.master.pause();
    this.master.seek(seekTimeOf(tl, frameAt(tl, this.master.time()) + delta));
    this.kick();
  }

  /** Pauses on frame n of the timeline (the scrubber). */
  scrubTo(n: number): void {
    const tl = this.snap.timeline;
    if (!tl) return;
    this.master.pause();
    this.master.seek(seekTimeOf(tl, n));
    this.kick();
  }

  /** Ticks on every animation frame until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = () => {
      if (!this.running) return;
      this.kick();
      this.cancel = this.schedule(loop);
    };
    this.cancel = this.schedule(loop);
  }

  stop(): void {
    this.running = false;
    this.cancel();
    this.master.pause();
  }

  subscribe = (cb: () => void): (() => void) => {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  };

  snapshot = (): TransportSnapshot => this.snap;

  private resumeAt: number | undefined;
  private running = false;
  private cancel: () => void = () => undefined;

  /** Syncs every clip now (inside a key press or click, so play() runs within the person's gesture). */
  private kick(): void {
    this.driver.tick();
    this.publish();
  }

  private resize(): void {
    this.master.setDuration(Math.max(0, ...[...this.clocks.values()].map(lengthOf)));
    // Only with every clip's length known: the first one read alone would cut the timeline short.
    if (this.resumeAt !== undefined && this.master.duration > 0 && this.order.every((id) => this.clocks.has(id))) {
      this.master.seek(this.resumeAt);
      this.resumeAt = undefined;
    }
    this.publish();
  }

  private timeline(): FrameClock | undefined {
    const first = this.order.map((id) => this.clocks.get(id)).find((c) => c !== undefined);
    if (!first || this.master.duration <= 0) return undefined;
    // The longest clip's length in the first clip's frames (rounded down past float noise).
    return { fps: first.fps, frames: Math.max(1, Math.ceil(this.master.duration * first.fps - 1e-6)), start: 0 };
  }

  private publish(): void {
    const timeline = this.timeline();
    const t = this.master.time();
    const next: TransportSnapshot = {
      timeline,
      frame: timeline ? frameAt(timeline, t) : 0,
      rate: this.master.rate,
      // Shorter than the timeline and past its end (the longest clip on its last frame has not "ended").
      holding: [...this.clocks]
        .filter(([, c]) => holds(c, t) && lengthOf(c) < this.master.duration - 1e-6)
        .map(([id]) => id)
        .join(' '),
    };
    const s = this.snap;
    const same = s.frame === next.frame && s.rate === next.rate && s.holding === next.holding && s.timeline?.fps === timeline?.fps && s.timeline?.frames === timeline?.frames;
    if (same) return;
    this.snap = next;
    for (const cb of this.listeners) cb();
  }
}

function animationFrames(cb: () => void): () => void {
  const handle = requestAnimationFrame(cb);
  return () => cancelAnimationFrame(handle);
}
