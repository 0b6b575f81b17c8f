import type { FrameClock } from '../viewer/frame-math';
import type { MasterClock } from './master-clock';
import { decide, holds, JUMP_S } from './sync-rules';

/**
 * Applies the sync's decisions (sync-rules.ts) to the <video>s of a comparison, one tick at a time
 * (the view ticks on every animation frame, and at once after a key or a click so play() runs inside
 * the person's gesture). It also does the measuring the decisions need:
 *
 * - each playing clip's drift, as the median of its last few readings, and only once the clip has
 *   settled after its last seek (its time stands still for a moment after one, and a reading then
 *   is not drift);
 * - each clip's seek lead: after a seek made while playing has settled, how far from the master it
 *   landed corrects how far ahead the next one is aimed;
 * - the start gate: the master clock runs once every clip has actually got going;
 * - a lag they all share (the page held up) moves the master rather than every clip.
 *
 * At 1× a clip's pitch is not kept: with it kept, Chromium's time-stretcher re-buffers on every rate
 * change and the clip's time stands still for tens of ms (hundreds on a busy machine), so a nudge
 * of a percent would push it further off than it corrects; a nudge's pitch change (a few percent,
 * for a moment) is hardly heard. At the shuttle's 2× and 4× the pitch is kept, as in the viewer.
 */

/** The part of an HTMLVideoElement the sync reads and drives (a fake one in the tests). */
export interface VideoLike {
  currentTime: number;
  playbackRate: number;
  preservesPitch: boolean;
  readonly paused: boolean;
  readonly seeking: boolean;
  /** HTMLMediaElement.readyState: 3 (HAVE_FUTURE_DATA) and up can play on. */
  readonly readyState: number;
  play(): Promise<void> | void;
  pause(): void;
}

const HAVE_FUTURE_DATA = 3;
/** The start gate opens after this long even if some clip never got going (a broken file must not freeze the rest). */
export const START_GIVE_UP_MS = 1000;
/** After a seek lands (or the clips start), readings are not drift for this long. */
export const SETTLE_MS = 150;
/** Readings in the median (about 80 ms of animation frames), and how many make a measure. */
const SAMPLES = 5;
const MIN_SAMPLES = 3;
/** Before any seek has been measured: what a seek and the restart after it take on a desktop. */
const FIRST_LEAD_S = 0.05;
/** Every clip off the same way by this share of a frame: the page was held up (see followCommonLag). */
const COMMON_LAG_FRAMES = 0.25;
const MAX_LEAD_S = 0.5;

interface Entry {
  el: VideoLike;
  clock: FrameClock;
  /** Seek lead, seconds at 1× (see decide). */
  lead: number;
  /** A seek is in flight (issued, not landed). */
  seeking: boolean;
  /** The last seek was a correction while playing: its landing, once measured, teaches the lead. */
  calibrate: boolean;
  /** Readings before this time (ms) are not drift. */
  settleUntil: number;
  /** Recent drift readings, seconds. */
  samples: number[];
  /** Starting: where the clip stood when first seen playing. */
  gateFrom: number | undefined;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export class SyncDriver {
  private readonly clips = new Map<string, Entry>();
  private startedAt: number | undefined;
  /** Seeks made so far (the tests count them: a sync that keeps seeking stutters). */
  seeks = 0;

  constructor(
    private readonly master: MasterClock,
    private readonly now: () => number,
    /** A play() the browser refused (autoplay rules, a decode error): the clock stops with it. */
    private readonly onRefused: () => void = () => undefined,
  ) {}

  set(id: string, el: VideoLike, clock: FrameClock): void {
    const old = this.clips.get(id);
    this.clips.set(id, { el, clock, lead: old?.el === el ? old.lead : FIRST_LEAD_S, seeking: false, calibrate: false, settleUntil: 0, samples: [], gateFrom: undefined });
  }

  remove(id: string): void {
    this.clips.delete(id);
  }

  tick(): void {
    const now = this.now();
    const steady = this.master.rate > 0 && !this.master.starting;
    const keepPitch = Math.abs(this.master.rate) > 1;
    const t0 = this.master.time();
    const drifts = new Map<Entry, number>();
    let moving = 0;
    for (const e of this.clips.values()) {
      if (e.el.preservesPitch !== keepPitch) e.el.preservesPitch = keepPitch;
      if (!holds(e.clock, t0)) moving += 1;
      const d = this.measure(e, now, t0, steady);
      if (d !== undefined) drifts.set(e, d);
    }
    // Only with every playing clip measured: one settling after its own seek must not be left out of "all".
    if (drifts.size === moving) this.followCommonLag(drifts);
    const master = { time: this.master.time(), rate: this.master.rate, starting: this.master.starting };
    for (const e of this.clips.values()) {
      const a = decide(master, e.clock, { time: e.el.currentTime, paused: e.el.paused, seeking: e.el.seeking, playbackRate: e.el.playbackRate }, drifts.get(e), e.lead);
      if (a.seekTo !== undefined) {
        e.el.currentTime = a.seekTo;
        e.seeking = true;
        e.calibrate = steady;
        e.samples = [];
        this.seeks += 1;
      }
      // With the pitch not kept (see above) a rate change does not hold the clip up: it is measured on through it.
      if (a.playbackRate !== undefined) e.el.playbackRate = a.playbackRate;
      if (a.pause) e.el.pause();
      if (a.play) {
        const playing = e.el.play();
        if (playing) playing.catch(() => this.refused());
      }
    }
    this.openGate(now);
  }

  /**
   * Every measured clip off the same way is not drift of the clips but a hiccup of the whole page (a
   * busy machine holds every decoder up at once): the master moves by the least of those lags instead
   * of every clip seeking, which would stutter all of them for nothing. Caught at a quarter of a
   * frame, before any of them reaches the half frame at which it would seek on its own.
   */
  private followCommonLag(drifts: Map<Entry, number>): void {
    if (drifts.size === 0) return;
    const list = [...drifts];
    const behind = list.every(([e, d]) => d < -COMMON_LAG_FRAMES / e.clock.fps);
    const ahead = list.every(([e, d]) => d > COMMON_LAG_FRAMES / e.clock.fps);
    if (!behind && !ahead) return;
    const shift = behind ? Math.max(...list.map(([, d]) => d)) : Math.min(...list.map(([, d]) => d));
    this.master.seek(this.master.time() + shift);
    for (const [e, d] of list) {
      e.samples = e.samples.map((x) => x - shift);
      drifts.set(e, d - shift);
    }
  }

  /** The clip's steady drift (undefined while there is none), and what its last seek taught about the lead. */
  private measure(e: Entry, now: number, t: number, steady: boolean): number | undefined {
    if (e.seeking && !e.el.seeking) {
      e.seeking = false;
      e.settleUntil = now + SETTLE_MS;
    }
    if (!steady || e.seeking || e.el.paused || e.el.seeking || now < e.settleUntil || holds(e.clock, t)) {
      if (!steady) e.samples = [];
      return undefined;
    }
    const reading = e.el.currentTime - e.clock.start - t;
    // A jump (the master looped or was moved) makes the readings before it meaningless.
    if (e.samples.length > 0 && Math.abs(reading - median(e.samples)) >= JUMP_S) e.samples = [];
    e.samples.push(reading);
    if (e.samples.length > SAMPLES) e.samples.shift();
    if (e.samples.length < MIN_SAMPLES) return undefined;
    const drift = median(e.samples);
    if (e.calibrate) {
      // Landed `drift` off: aim the next seek that much further ahead (or less, if it overshot).
      e.lead = Math.min(MAX_LEAD_S, Math.max(0, e.lead - drift / this.master.rate));
      e.calibrate = false;
    }
    return drift;
  }

  /**
   * Starting: once every clip that is not holding its last frame has moved on by a frame (a <video>
   * says it plays at once, but its time stands still until its pipeline is going), the clock runs from
   * where they are.
   */
  private openGate(now: number): void {
    if (!this.master.starting) {
      this.startedAt = undefined;
      for (const e of this.clips.values()) e.gateFrom = undefined;
      return;
    }
    this.startedAt ??= now;
    const t = this.master.time();
    const moving = [...this.clips.values()].filter((e) => !holds(e.clock, t));
    let ready = true;
    for (const e of moving) {
      if (e.el.paused || e.el.seeking || e.el.readyState < HAVE_FUTURE_DATA) ready = false;
      else if (e.gateFrom === undefined) {
        e.gateFrom = e.el.currentTime;
        ready = false;
      } else if (e.el.currentTime - e.gateFrom < 1 / e.clock.fps) ready = false;
    }
    if (!ready && now - this.startedAt < START_GIVE_UP_MS) return;
    // Where the clips are, not where the clock waited: the median, so one early starter does not drag all.
    const at = moving.map((e) => e.el.currentTime - e.clock.start);
    this.master.begin(ready && at.length > 0 ? median(at) : undefined);
    this.startedAt = undefined;
    for (const e of this.clips.values()) {
      e.gateFrom = undefined;
      e.settleUntil = now + SETTLE_MS;
    }
  }

  private refused(): void {
    if (this.master.rate !== 0) {
      this.master.pause();
      this.onRefused();
    }
  }
}
