import { frameAt, seekTimeOf } from '../viewer/frame-math';
import { planCut, preloadIndex, reachedOut, sequenceTime, type Timeline, type TimelineEntry } from './sequence-timeline';

/**
 * Plays a sequence on two <video> elements, A and B, so the cut between clips
 * shows no gap: while one plays its clip, the other holds the next clip paused
 * on its in-frame (loaded, seeked, decoded, hidden). The playing clip is held
 * on its last kept frame, and once that frame's time on screen is up the other
 * element is shown and played, both planned from the frame callbacks near the
 * clip's end (planCut). Never more than these two decode, whatever the
 * sequence's length.
 */

export interface DeckListener {
  /** The entry now on screen. */
  onClip(entry: number): void;
  /** The frame of its file the entry is shown from: the frame its element holds when it is raised (its in-frame when the cue landed). */
  onFirstFrame(entry: number, frame: number): void;
  /** Seconds on the sequence's timeline of the frame on screen. */
  onTime(seconds: number): void;
  onPlaying(playing: boolean): void;
  onEnded(): void;
}

type Slot = 0 | 1;

interface Cue {
  entry: number;
  ready: Promise<boolean>;
}

/** Resolves when `name` fires on `v`, or false when the cue was superseded first (a newer cue, a stop). */
function once(v: HTMLVideoElement, name: string, live: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const done = () => {
      v.removeEventListener(name, done);
      v.removeEventListener('error', failed);
      resolve(live());
    };
    const failed = () => {
      v.removeEventListener(name, done);
      v.removeEventListener('error', failed);
      resolve(false);
    };
    v.addEventListener(name, done);
    v.addEventListener('error', failed);
  });
}

export class SequenceDeck {
  private active: Slot = 0;
  private entry = 0;
  private cues: [Cue | undefined, Cue | undefined] = [undefined, undefined];
  private generation = 0;
  private frameHandle: number | undefined;
  private handoverRaf: number | undefined;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;
  private cutting = false;
  /** Playing as far as the person is concerned (the element itself pauses on each clip's last frame). */
  private playing = false;
  private shown = false;
  private muted = false;
  private disposed = false;

  constructor(
    private readonly videos: readonly [HTMLVideoElement, HTMLVideoElement],
    private readonly timeline: Timeline,
    private readonly listener: DeckListener,
  ) {
    for (const v of videos) {
      v.addEventListener('ended', this.onEndedEvent);
      v.addEventListener('timeupdate', this.onTimeUpdate);
    }
  }

  /** Plays from the start of entry `from` (the first by default). */
  async start(from = 0): Promise<void> {
    const gen = ++this.generation;
    this.stopFrameLoop();
    this.ended = false;
    this.shown = false;
    this.playing = false;
    for (const v of this.videos) v.pause();
    this.active = 0;
    this.cue(0, from);
    const next = preloadIndex(this.timeline, from);
    if (next !== undefined) this.cue(1, next);
    // Nothing is raised until the first clip sits on its in-frame: a fresh element shows its file's frame 0 first.
    for (const v of this.videos) v.dataset.active = 'false';
    const ok = await this.cues[0]?.ready;
    if (!ok || gen !== this.generation) return;
    this.show(from);
    this.shown = true;
    this.reportFirstFrame();
    this.playActive();
  }

  private reportFirstFrame(): void {
    const e = this.current;
    if (e) this.listener.onFirstFrame(this.entry, frameAt(e.clock, this.videos[this.active].currentTime));
  }

  togglePause(): void {
    if (this.ended) {
      void this.start(0);
      return;
    }
    // Until the first clip sits on its in-frame there is nothing to pause or play yet.
    if (!this.shown) return;
    if (!this.playing) {
      this.playActive();
      return;
    }
    // Whether it is mid-clip, held on a last frame or waiting for the next clip's cue: all of that stops here.
    this.playing = false;
    this.generation += 1;
    this.videos[this.active].pause();
    this.stopFrameLoop();
    this.listener.onPlaying(false);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.videos.forEach((v, slot) => (v.muted = slot !== this.active || muted));
  }

  dispose(): void {
    this.disposed = true;
    this.generation += 1;
    this.stopFrameLoop();
    for (const v of this.videos) {
      v.removeEventListener('ended', this.onEndedEvent);
      v.removeEventListener('timeupdate', this.onTimeUpdate);
      v.pause();
      // Releases the decoder at once rather than when the element is collected.
      v.removeAttribute('src');
      v.load();
    }
  }

  private get current(): TimelineEntry | undefined {
    return this.timeline.entries[this.entry];
  }

  /** Loads entry `i` into `slot`, paused on its in-frame. */
  private cue(slot: Slot, i: number): void {
    const e = this.timeline.entries[i];
    const v = this.videos[slot];
    if (!e) {
      this.cues[slot] = undefined;
      return;
    }
    const cue: Cue = { entry: i, ready: Promise.resolve(false) };
    const live = () => this.cues[slot] === cue && !this.disposed;
    cue.ready = (async () => {
      if (v.getAttribute('src') !== e.mediaUrl) {
        v.src = e.mediaUrl;
        if (!(await once(v, 'loadedmetadata', live))) return false;
      }
      const seeked = once(v, 'seeked', live);
      v.currentTime = seekTimeOf(e.clock, e.inF);
      return seeked;
    })();
    this.cues[slot] = cue;
  }

  private show(i: number): void {
    this.entry = i;
    // The incoming element is raised in the same task as the outgoing one is lowered: one paint has both changes, never neither.
    this.videos.forEach((v, slot) => {
      v.dataset.active = slot === this.active ? 'true' : 'false';
      v.muted = slot !== this.active || this.muted;
    });
    this.listener.onClip(i);
    const e = this.current;
    if (e) this.listener.onTime(e.start);
  }

  private playActive(): void {
    const v = this.videos[this.active];
    this.playing = true;
    this.listener.onPlaying(true);
    void v.play().catch(() => {
      this.playing = false;
      this.listener.onPlaying(false);
    });
    this.startFrameLoop();
  }

  private startFrameLoop(): void {
    this.stopFrameLoop();
    const v = this.videos[this.active];
    if (typeof v.requestVideoFrameCallback !== 'function') return;
    const gen = this.generation;
    const entry = this.entry;
    const onFrame: VideoFrameRequestCallback = (_now, meta) => {
      this.frameHandle = undefined;
      const e = this.current;
      if (gen !== this.generation || entry !== this.entry || !e) return;
      this.listener.onTime(sequenceTime(this.timeline, entry, meta.mediaTime));
      const plan = planCut(e, meta.mediaTime, meta.expectedDisplayTime);
      if (plan) {
        // Planned from the first callback near the end and kept: a later one may never come on a busy page.
        this.holdAt(v, plan.holdAt);
        if (this.handoverRaf === undefined) this.handoverAt(plan.cutAt);
        if (plan.holdAt <= meta.expectedDisplayTime) return;
      }
      this.frameHandle = v.requestVideoFrameCallback(onFrame);
    };
    this.frameHandle = v.requestVideoFrameCallback(onFrame);
  }

  /** Pauses `v` at `at` (ms, the page's clock), or at once if that is past: the out-frame must never be presented. */
  private holdAt(v: HTMLVideoElement, at: number): void {
    const wait = at - performance.now();
    if (wait <= 0) {
      this.clearHold();
      v.pause();
      return;
    }
    if (this.holdTimer !== undefined) return;
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      v.pause();
    }, wait);
  }

  private clearHold(): void {
    if (this.holdTimer !== undefined) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
  }

  private stopFrameLoop(): void {
    this.clearHold();
    if (this.frameHandle !== undefined) this.videos[this.active].cancelVideoFrameCallback(this.frameHandle);
    this.frameHandle = undefined;
    if (this.handoverRaf !== undefined) cancelAnimationFrame(this.handoverRaf);
    this.handoverRaf = undefined;
  }

  /** Cuts to the next clip on the first animation frame at or after `due` (ms, the page's clock). */
  private handoverAt(due: number): void {
    const gen = this.generation;
    const tick = (now: number) => {
      this.handoverRaf = undefined;
      if (gen !== this.generation) return;
      // Half a vsync early is on time: the frame drawn at this tick reaches the screen at `due`.
      if (now + 8 < due) {
        this.handoverRaf = requestAnimationFrame(tick);
        return;
      }
      void this.handover();
    };
    this.handoverRaf = requestAnimationFrame(tick);
  }

  private async handover(): Promise<void> {
    // The frame callback and the ended event can both ask for the same cut.
    if (this.cutting) return;
    this.cutting = true;
    try {
      await this.cut();
    } finally {
      this.cutting = false;
    }
  }

  private async cut(): Promise<void> {
    const gen = this.generation;
    const nextIndex = this.entry + 1;
    if (nextIndex >= this.timeline.entries.length) {
      this.ended = true;
      this.playing = false;
      this.videos[this.active].pause();
      this.listener.onTime(this.timeline.total);
      this.listener.onPlaying(false);
      this.listener.onEnded();
      return;
    }
    const incoming: Slot = this.active === 0 ? 1 : 0;
    if (this.cues[incoming]?.entry !== nextIndex) this.cue(incoming, nextIndex);
    // On a slow machine the preload may still be seeking: the last frame stays up (a hold, never black) until it lands.
    const ready = await this.cues[incoming]?.ready;
    if (gen !== this.generation || !ready) return;
    const outgoing = this.active;
    this.active = incoming;
    this.show(nextIndex);
    this.reportFirstFrame();
    this.playActive();
    const after = preloadIndex(this.timeline, nextIndex);
    if (after !== undefined) this.cue(outgoing, after);
    else this.cues[outgoing] = undefined;
  }

  /** Without frame callbacks, or when the clip's end is its file's end, the position's events cut instead. */
  private readonly onTimeUpdate = (ev: Event): void => {
    const v = ev.target as HTMLVideoElement;
    const e = this.current;
    if (v !== this.videos[this.active] || !e || v.paused || this.handoverRaf !== undefined) return;
    if (typeof v.requestVideoFrameCallback === 'function') return;
    this.listener.onTime(sequenceTime(this.timeline, this.entry, v.currentTime));
    if (reachedOut(e, v.currentTime)) {
      v.pause();
      void this.handover();
    }
  };

  private readonly onEndedEvent = (ev: Event): void => {
    if (ev.target !== this.videos[this.active] || this.handoverRaf !== undefined) return;
    this.stopFrameLoop();
    void this.handover();
  };
}
