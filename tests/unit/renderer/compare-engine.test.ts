import { describe, expect, it } from 'vitest';
import { CompareEngine } from '../../../renderer/src/features/compare/compare-engine.js';
import { SEEK_EPSILON_S, type FrameClock } from '../../../renderer/src/features/viewer/frame-math.js';
import { FakeVideo, type FakeVideoOptions } from './support/fake-video.js';
import { ManualClock } from './support/manual-clock.js';

/**
 * The compare view's one transport (CompareEngine) on a hand-driven clock: its animation-frame ticks are
 * the clock's timers, so a test plays a comparison for a second of fake time and reads every clip. What
 * the person sees and does: the timeline counted in the first clip's frames, Space, the frame steps,
 * J/K/L, the scrubber, the clips held on their last frame, and the clips together by time whatever
 * their lengths and frame rates.
 */

const FRAME_MS = 16;
const clip = (fps: number, seconds: number): FrameClock => ({ fps, frames: Math.round(fps * seconds), start: 0 });
/** What Chromium does on a busy machine (see compare-sync.test.ts): late starts, slow seeks, jittery readings. */
const chromium = (i: number): FakeVideoOptions => ({ startMs: 50 + 13 * i, seekMs: 30 + 7 * i, restartMs: 40 + 9 * i, rateStallMs: 60, jitterMs: 3, seed: i + 1 });

function rig(clocks: readonly FrameClock[], opts: (i: number) => FakeVideoOptions = () => ({})) {
  const clock = new ManualClock();
  const engine = new CompareEngine(
    (cb) => clock.after(FRAME_MS, cb),
    () => clock.now(),
  );
  const ids = clocks.map((_, i) => `take-${i + 1}`);
  engine.setOrder(ids);
  const videos = clocks.map((c, i) => new FakeVideo(c.frames / c.fps, opts(i)));
  clocks.forEach((c, i) => engine.attach(ids[i]!, videos[i]!, c));
  /** Lets `ms` pass, one animation frame at a time: every <video> moves on, then the engine ticks. */
  const run = (ms: number) => {
    for (let t = 0; t < ms; t += FRAME_MS) {
      for (const v of videos) v.advance(FRAME_MS);
      clock.advance(FRAME_MS);
    }
  };
  /** Where each clip really is, as `currentTime` would say without jitter. */
  const times = () => videos.map((v) => v.trueTime);
  return { clock, engine, ids, videos, run, times };
}

const spread = (xs: readonly number[]) => Math.max(...xs) - Math.min(...xs);

describe('the timeline and its counter', () => {
  it('is the longest clip’s length counted in the first clip’s frames', () => {
    const { engine } = rig([clip(30, 2), clip(24, 8), clip(25, 4)]);
    expect(engine.snapshot().timeline).toEqual({ fps: 30, frames: 240, start: 0 });
    expect(engine.master.duration).toBeCloseTo(8, 9);
  });

  it('has no counter until a clip’s frame rate is known, and follows the order, not the order read', () => {
    const engine = new CompareEngine(() => () => undefined, () => 0);
    engine.setOrder(['a', 'b']);
    expect(engine.snapshot().timeline).toBeUndefined();
    engine.attach('b', new FakeVideo(4), clip(25, 4));
    expect(engine.snapshot().timeline?.fps).toBe(25);
    engine.attach('a', new FakeVideo(2), clip(24, 2));
    expect(engine.snapshot().timeline).toEqual({ fps: 24, frames: 96, start: 0 });
    // A clip taken out of the comparison no longer stretches the timeline.
    engine.detach('b');
    expect(engine.snapshot().timeline).toEqual({ fps: 24, frames: 48, start: 0 });
  });
});

describe('the transport', () => {
  it('"." and "," step one frame of the first clip (Shift: ten), pausing; every clip shows that moment', () => {
    const r = rig([clip(24, 8), clip(30, 8)]);
    r.engine.step(10);
    r.run(50);
    expect(r.engine.snapshot().frame).toBe(10);
    expect(r.engine.master.rate).toBe(0);
    r.engine.step(1);
    r.run(50);
    expect(r.engine.snapshot().frame).toBe(11);
    // 11/24 s is frame 13 of the 30 fps clip (13/30 ≤ 0.4583 < 14/30).
    expect(r.times()[0]).toBeCloseTo(11 / 24 + SEEK_EPSILON_S, 6);
    expect(Math.floor(r.times()[1]! * 30 + 1e-6)).toBe(13);
    r.engine.step(-20);
    expect(r.engine.snapshot().frame).toBe(0);
  });

  it('a step while playing pauses first', () => {
    const r = rig([clip(24, 8), clip(24, 8)]);
    r.engine.togglePlay();
    r.run(600);
    const before = r.engine.snapshot().frame;
    r.engine.step(1);
    expect(r.engine.snapshot().rate).toBe(0);
    expect(r.engine.snapshot().frame).toBe(before + 1);
    r.run(100);
    expect(r.videos.every((v) => v.paused)).toBe(true);
  });

  it('J/K/L shuttle as in the viewer: L 1×, 2×, 4× (no faster), K stops, J reverses', () => {
    const { engine } = rig([clip(24, 8), clip(24, 8)]);
    const rates = (['l', 'l', 'l', 'l', 'k', 'j', 'j', 'l'] as const).map((key) => {
      engine.shuttle(key);
      return engine.snapshot().rate;
    });
    expect(rates).toEqual([1, 2, 4, 4, 0, -1, -2, 1]);
  });

  it('Space plays and pauses; the scrubber pauses on the frame it names', () => {
    const r = rig([clip(24, 8), clip(24, 4)]);
    r.engine.togglePlay();
    expect(r.engine.snapshot().rate).toBe(1);
    r.run(500);
    r.engine.togglePlay();
    expect(r.engine.snapshot().rate).toBe(0);
    r.engine.togglePlay();
    r.run(300);
    r.engine.scrubTo(100);
    r.run(100);
    expect(r.engine.snapshot()).toMatchObject({ rate: 0, frame: 100 });
    // Frame 100 is past the 4 s clip's end: it shows its own last frame.
    expect(Math.round((r.times()[1]! - SEEK_EPSILON_S) * 24)).toBe(95);
    expect(r.engine.snapshot().holding).toBe('take-2');
  });

  it('stop() pauses the clock and cancels the animation-frame ticks', () => {
    const r = rig([clip(24, 8), clip(24, 8)]);
    r.engine.start();
    expect(r.clock.pending()).toBe(1);
    r.engine.togglePlay();
    r.run(200);
    r.engine.stop();
    expect(r.clock.pending()).toBe(0);
    expect(r.engine.master.rate).toBe(0);
  });

  it('a comparison come back to resumes where it was, once every clip’s length is known (not cut to the first one read)', () => {
    const engine = new CompareEngine(() => () => undefined, () => 0);
    engine.setOrder(['a', 'b']);
    engine.resume(5);
    engine.attach('a', new FakeVideo(2), clip(24, 2));
    expect(engine.master.time()).toBe(0);
    engine.attach('b', new FakeVideo(8), clip(24, 8));
    expect(engine.master.time()).toBe(5);
  });

  it('a play() the browser refuses stops the clock', async () => {
    const r = rig([clip(24, 8), clip(24, 8)]);
    r.videos[1]!.play = () => Promise.reject(new DOMException('not allowed', 'NotAllowedError'));
    r.engine.togglePlay();
    expect(r.engine.snapshot().rate).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(r.engine.master.rate).toBe(0);
    expect(r.engine.snapshot().rate).toBe(0);
  });
});

describe('in sync by time (fake clock)', () => {
  const ONE_FRAME = 1 / 24;

  it('four takes of 2, 4, 6 and 8 s: after 1 s of play every clip is within one frame of the others, and after a seek too', () => {
    const r = rig([clip(24, 2), clip(24, 4), clip(24, 6), clip(24, 8)], chromium);
    r.engine.start();
    r.engine.togglePlay();
    r.run(1000);
    expect(r.videos.every((v) => !v.paused)).toBe(true);
    expect(spread(r.times())).toBeLessThanOrEqual(ONE_FRAME);
    // They play on together, not merely pass each other.
    for (let i = 0; i < 20; i++) {
      r.run(FRAME_MS * 3);
      expect(spread(r.times())).toBeLessThanOrEqual(ONE_FRAME);
    }
    // A seek on the scrubber: every clip shows the same moment.
    r.engine.scrubTo(30);
    r.run(300);
    expect(r.videos.every((v) => v.paused && !v.seeking)).toBe(true);
    expect(spread(r.times())).toBeLessThanOrEqual(ONE_FRAME);
    expect(r.times()[0]).toBeCloseTo(30 / 24 + SEEK_EPSILON_S, 6);
    // Played on from there (1.25 s), together again before the 2 s take ends.
    r.engine.togglePlay();
    r.run(600);
    expect(r.engine.master.time()).toBeLessThan(47 / 24);
    expect(r.videos.every((v) => !v.paused)).toBe(true);
    expect(spread(r.times())).toBeLessThanOrEqual(ONE_FRAME);
  });

  it('clips of 24, 25, 30 and 60 fps keep to the same time, each within half of its own frame of the clock', () => {
    const fps = [24, 25, 30, 60];
    const r = rig(
      fps.map((f) => clip(f, 6)),
      chromium,
    );
    r.engine.start();
    r.engine.togglePlay();
    r.run(1500);
    const due = r.engine.master.time();
    r.times().forEach((t, i) => expect(Math.abs(t - due), `${fps[i]} fps`).toBeLessThan(0.5 / fps[i]!));
  });

  it('past a short take’s end it holds its last frame while the others play on; at the loop all start over together', () => {
    const r = rig([clip(24, 2), clip(24, 4)], chromium);
    r.engine.start();
    r.engine.togglePlay();
    r.run(3000);
    expect(r.engine.snapshot().holding).toBe('take-1');
    expect(r.videos[0]!.paused).toBe(true);
    expect(Math.round((r.times()[0]! - SEEK_EPSILON_S) * 24)).toBe(47);
    r.run(2000);
    expect(r.engine.snapshot().holding).toBe('');
    expect(r.engine.master.time()).toBeLessThan(2);
    expect(r.videos.every((v) => !v.paused)).toBe(true);
    expect(spread(r.times())).toBeLessThanOrEqual(ONE_FRAME);
  });
});
