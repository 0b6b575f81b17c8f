import type { VideoLike } from '../../../../renderer/src/features/compare/sync-driver.js';

export interface FakeVideoOptions {
  /** How long a seek takes to land. */
  seekMs?: number;
  /** How long its time stands still after play() (the pipeline starting). */
  startMs?: number;
  /** How long its time stands still after a seek lands while it plays (the pipeline restarting). */
  restartMs?: number;
  /** How long its time stands still after a playbackRate change while playing with its pitch kept (Chromium's time-stretcher re-buffering). */
  rateStallMs?: number;
  /** Its own clock's speed error: 1.01 runs 1 % fast. */
  skew?: number;
  /** Readings of currentTime are off by up to this much either way (a loaded machine), deterministically. */
  jitterMs?: number;
  /** Every `spikeEvery`-th reading is off by `spikeMs` (the page held up between two reads). */
  spikeEvery?: number;
  spikeMs?: number;
  seed?: number;
}

/**
 * A <video> on a hand-driven clock, as the compare sync meets one in Chromium: a seek takes a while to
 * land and the picture a while to get going again after it; play() takes a while to start; a rate
 * change with the pitch kept stalls it; its clock may run a little fast or slow; its readings jitter. It stops
 * at its end, as an ended <video> does.
 */
export class FakeVideo implements VideoLike {
  paused = true;
  seeking = false;
  readyState = 4;
  preservesPitch = true;
  /** Rate changes that stalled it. */
  stalls = 0;
  /** Seeks made on it. */
  seeks = 0;
  private rate = 1;
  private time = 0;
  private seekLeft = 0;
  private seekTarget = 0;
  private stallLeft = 0;
  private noise: number;
  private reads = 0;

  constructor(
    readonly duration: number,
    private readonly opts: FakeVideoOptions = {},
  ) {
    this.noise = opts.seed ?? 1;
  }

  /** Where it really is (what a reading would say without jitter). */
  get trueTime(): number {
    return this.time;
  }

  get currentTime(): number {
    const jitter = this.opts.jitterMs ?? 0;
    if (this.seeking || this.paused) return this.time;
    this.reads += 1;
    if (this.opts.spikeEvery && this.reads % this.opts.spikeEvery === 0) return this.time + (this.opts.spikeMs ?? 0) / 1000;
    if (jitter === 0) return this.time;
    // A small linear congruential generator: the same "noise" on every run.
    this.noise = (this.noise * 1103515245 + 12345) % 2147483648;
    return this.time + ((this.noise / 2147483648) * 2 - 1) * (jitter / 1000);
  }

  set currentTime(t: number) {
    this.seeks += 1;
    this.seekTarget = Math.min(this.duration, Math.max(0, t));
    this.seekLeft = this.opts.seekMs ?? 0;
    this.seeking = true;
    if (this.seekLeft === 0) this.land();
  }

  get playbackRate(): number {
    return this.rate;
  }

  set playbackRate(r: number) {
    if (r !== this.rate && !this.paused && this.preservesPitch && (this.opts.rateStallMs ?? 0) > 0) {
      this.stallLeft = Math.max(this.stallLeft, this.opts.rateStallMs ?? 0);
      this.stalls += 1;
    }
    this.rate = r;
  }

  play(): Promise<void> {
    if (this.paused) this.stallLeft = this.opts.startMs ?? 0;
    this.paused = false;
    if (this.time >= this.duration) this.time = 0;
    return Promise.resolve();
  }

  pause(): void {
    this.paused = true;
  }

  /** The page is held up: its time stands still for `ms` (every clip's at once, on a busy machine). */
  hiccup(ms: number): void {
    this.stallLeft = Math.max(this.stallLeft, ms);
  }

  /** Lets `ms` of wall time pass. */
  advance(ms: number): void {
    let left = ms;
    if (this.seeking) {
      const used = Math.min(left, this.seekLeft);
      this.seekLeft -= used;
      left -= used;
      if (this.seekLeft > 0) return;
      this.land();
    }
    if (this.paused || left <= 0) return;
    if (this.stallLeft > 0) {
      const used = Math.min(left, this.stallLeft);
      this.stallLeft -= used;
      left -= used;
    }
    this.time += (left / 1000) * this.rate * (this.opts.skew ?? 1);
    if (this.time >= this.duration) {
      this.time = this.duration;
      this.paused = true;
    }
  }

  private land(): void {
    this.seeking = false;
    this.time = this.seekTarget;
    if (!this.paused) this.stallLeft = this.opts.restartMs ?? 0;
  }
}
