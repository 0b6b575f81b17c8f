import { useClipMarks } from '../../selection/clip-marks';
import { frameAt, frameTime, seekTimeOf, type FrameClock } from './frame-math';
import { shuttle, type ShuttleKey } from './shuttle';

/**
 * What the viewer's keys and buttons do to its <video>: frame steps, J/K/L, play, in/out marks.
 * Every step is computed from the file's own frame clock (probe.ts); until that is known, nothing
 * steps (a guessed rate would skip or repeat frames, as 1/30 s on a 24 fps clip does).
 */
export class ViewerController {
  /** Signed shuttle rate: 1, 2, 4 forward, -1, -2, -4 reverse, 0 stopped. */
  private rate = 0;
  private reverse: { from: number; since: number; raf: number } | undefined;

  constructor(
    readonly clipId: string,
    private readonly video: HTMLVideoElement,
    private readonly clock: () => FrameClock | undefined,
    private readonly onRate: (rate: number) => void,
  ) {}

  /** The frame showing now (undefined until the frame clock is known). */
  frame(): number | undefined {
    const c = this.clock();
    return c ? frameAt(c, this.video.currentTime) : undefined;
  }

  togglePlay(): void {
    if (this.video.paused || this.rate < 0) this.play(1);
    else this.stop();
  }

  /** Pauses and moves by `delta` frames (held at the first and last frame). */
  step(delta: number): void {
    const n = this.frame();
    if (n === undefined) return;
    this.stop();
    this.seekFrame(n + delta);
  }

  seekFrame(n: number): void {
    const c = this.clock();
    if (!c) return;
    this.video.currentTime = seekTimeOf(c, n);
  }

  /** Pauses on frame n (the scrubber). */
  scrubTo(n: number): void {
    this.stop();
    this.seekFrame(n);
  }

  shuttle(key: ShuttleKey): void {
    const next = shuttle(this.rate, key);
    if (next === 0) this.stop();
    else this.play(next);
  }

  mark(which: 'in' | 'out'): void {
    const c = this.clock();
    const n = this.frame();
    if (!c || n === undefined) return;
    useClipMarks.getState().mark(this.clipId, which, frameTime(c, n));
  }

  /** Stops everything (the component unmounts or the clip changes). */
  dispose(): void {
    this.endReverse();
  }

  private play(rate: number): void {
    this.endReverse();
    this.setRate(rate);
    if (rate > 0) {
      this.video.playbackRate = rate;
      if (this.video.ended || this.atEnd()) this.video.currentTime = 0;
      void this.video.play().catch(() => this.setRate(0));
      return;
    }
    // <video> cannot play backwards (Chromium refuses a negative playbackRate): reverse is stepping,
    // one seek after the other, each to the frame the wall clock says is due.
    this.video.pause();
    const from = this.frame() ?? 0;
    const tick = (now: number) => {
      const r = this.reverse;
      const c = this.clock();
      if (!r || !c) return;
      if (!this.video.seeking) {
        const due = r.from - Math.floor(((now - r.since) / 1000) * c.fps * -this.rate);
        if (due <= 0) {
          this.seekFrame(0);
          if (this.video.loop) this.reverse = { from: c.frames - 1, since: now, raf: 0 };
          else return this.stop();
        } else if (due !== this.frame()) this.seekFrame(due);
      }
      if (this.reverse) this.reverse.raf = requestAnimationFrame(tick);
    };
    this.reverse = { from, since: performance.now(), raf: requestAnimationFrame(tick) };
  }

  private stop(): void {
    this.endReverse();
    this.video.pause();
    this.video.playbackRate = 1;
    this.setRate(0);
  }

  private endReverse(): void {
    if (this.reverse) cancelAnimationFrame(this.reverse.raf);
    this.reverse = undefined;
  }

  private atEnd(): boolean {
    const c = this.clock();
    const n = this.frame();
    return c !== undefined && n !== undefined && n >= c.frames - 1;
  }

  private setRate(rate: number): void {
    this.rate = rate;
    this.onRate(rate);
  }
}
