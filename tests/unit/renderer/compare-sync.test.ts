import { describe, expect, it } from 'vitest';
import { MasterClock } from '../../../renderer/src/features/compare/master-clock.js';
import { CATCH_UP_S, decide, JUMP_S, MAX_NUDGE, RATE_STEP, type MasterState, type VideoReading } from '../../../renderer/src/features/compare/sync-rules.js';
import { START_GIVE_UP_MS, SyncDriver } from '../../../renderer/src/features/compare/sync-driver.js';
import { SEEK_EPSILON_S, type FrameClock } from '../../../renderer/src/features/viewer/frame-math.js';
import { FakeVideo, type FakeVideoOptions } from './support/fake-video.js';
import { ManualClock } from './support/manual-clock.js';

/**
 * The compare view's sync: one master clock, every <video> steered to it. The decisions (seek when a
 * clip is off by more than half of its frame, nudge the rate when less, hold a short clip's last
 * frame), and whole runs of four clips of different lengths and frame rates on fake clocks, with
 * decoders that start late, seek slowly and run a little fast or slow.
 */

const clip = (fps: number, seconds: number, start = 0): FrameClock => ({ fps, frames: Math.round(fps * seconds), start });
const playing = (time: number, rate = 1): MasterState => ({ time, rate, starting: false });
const paused = (time: number): MasterState => ({ time, rate: 0, starting: false });
const video = (over: Partial<VideoReading> = {}): VideoReading => ({ time: 0, paused: false, seeking: false, playbackRate: 1, ...over });

describe('decide: one clip against the master clock', () => {
  const c24 = clip(24, 8);

  it('on time: nothing to do; the rate stays exactly the master’s', () => {
    expect(decide(playing(2), c24, video({ time: 2.001 }), 0.001)).toEqual({});
    expect(decide(playing(2, 2), c24, video({ time: 2, playbackRate: 2 }), 0)).toEqual({});
  });

  it('behind by less than half a frame: plays a little faster, no seek', () => {
    const a = decide(playing(2), c24, video({ time: 2 - 0.015 }), -0.015);
    expect(a.seekTo).toBeUndefined();
    expect(a.playbackRate).toBeCloseTo(1 + 0.015 / CATCH_UP_S, 6);
  });

  it('ahead by less than half a frame: plays a little slower, no seek', () => {
    const a = decide(playing(2), c24, video({ time: 2 + 0.015 }), 0.015);
    expect(a.seekTo).toBeUndefined();
    expect(a.playbackRate).toBeCloseTo(1 - 0.015 / CATCH_UP_S, 6);
  });

  it('the nudge is capped, scales with a shuttle rate, and is back to exactly 1× once on time', () => {
    expect(decide(playing(2), c24, video({ time: 2 - 0.02 }), -0.02).playbackRate).toBeLessThanOrEqual(1 + MAX_NUDGE);
    expect(decide(playing(2, 2), c24, video({ time: 2 - 0.01, playbackRate: 2 }), -0.01).playbackRate).toBeCloseTo(2 * (1 + 0.01 / CATCH_UP_S), 6);
    expect(decide(playing(2), c24, video({ time: 2, playbackRate: 1.03 }), 0.001)).toEqual({ playbackRate: 1 });
  });

  it('a rate change smaller than RATE_STEP is not made (each change stalls the clip for a moment)', () => {
    const small = 0.4 * RATE_STEP * CATCH_UP_S;
    expect(decide(playing(2), c24, video({ time: 2 - small, playbackRate: 1 }), -small)).toEqual({});
    expect(decide(playing(2), c24, video({ time: 2 - 0.012, playbackRate: 1.02 }), -0.012)).toEqual({});
  });

  it('off by more than half a frame: seeks to the master’s time, ahead by its seek lead × rate', () => {
    expect(decide(playing(2), c24, video({ time: 2.03 }), 0.03)).toEqual({ seekTo: 2 });
    expect(decide(playing(2), c24, video({ time: 1.9 }), -0.1, 0.04)).toEqual({ seekTo: 2.04 });
    expect(decide(playing(2, 2), c24, video({ time: 1.9, playbackRate: 2 }), -0.1, 0.04).seekTo).toBeCloseTo(2.08, 9);
    // A lead past all reason (a stalled decoder) is capped: a seek is never aimed far ahead.
    expect(decide(playing(2), c24, video({ time: 1.5 }), -0.5, 3).seekTo).toBeCloseTo(2 + JUMP_S, 9);
  });

  it('a single reading is not drift: without a steady measure only a jump (a loop, a seek) is corrected', () => {
    expect(decide(playing(2), c24, video({ time: 2.06 }), undefined)).toEqual({});
    expect(decide(playing(2), c24, video({ time: 7.9 }), undefined)).toEqual({ seekTo: 2 });
  });

  it('half a frame is the clip’s own: 10 ms late is a nudge at 24 fps and a seek at 60 fps', () => {
    expect(decide(playing(2), c24, video({ time: 1.99 }), -0.01).seekTo).toBeUndefined();
    expect(decide(playing(2), clip(60, 8), video({ time: 1.99 }), -0.01).seekTo).toBe(2);
  });

  it('a seek in flight is waited for, never re-aimed', () => {
    expect(decide(playing(5), c24, video({ time: 1, seeking: true }))).toEqual({});
    expect(decide(paused(5), c24, video({ time: 1, seeking: true, paused: true }))).toEqual({});
  });

  it('paused: shows exactly the frame due (seek to its timestamp), and leaves a clip on it alone', () => {
    expect(decide(paused(37 / 24 + SEEK_EPSILON_S), c24, video({ time: 0, paused: true }))).toEqual({ seekTo: 37 / 24 + SEEK_EPSILON_S });
    // Anywhere inside frame 37 is frame 37: no seek.
    expect(decide(paused(37 / 24 + SEEK_EPSILON_S), c24, video({ time: 37.6 / 24, paused: true }))).toEqual({});
    // A playing clip is paused first.
    expect(decide(paused(1), c24, video({ time: 1 }))).toEqual({ pause: true });
  });

  it('paused at a time, a 25 fps and a 30 fps clip each show their own frame of that moment', () => {
    const t = 1.5 + SEEK_EPSILON_S;
    expect(decide(paused(t), clip(25, 8), video({ paused: true })).seekTo).toBeCloseTo(37 / 25 + SEEK_EPSILON_S, 9);
    expect(decide(paused(t), clip(30, 8), video({ paused: true })).seekTo).toBeCloseTo(45 / 30 + SEEK_EPSILON_S, 9);
  });

  it('a clip shorter than the master holds its last frame, paused, once the master is past it', () => {
    const c2 = clip(24, 2);
    expect(decide(playing(5), c2, video({ time: 1.9 }))).toEqual({ pause: true, seekTo: 47 / 24 + SEEK_EPSILON_S });
    expect(decide(playing(5), c2, video({ time: 47 / 24 + SEEK_EPSILON_S, paused: true }))).toEqual({});
    // Back inside it (the master looped, or was seeked back), it plays again from the master's time.
    expect(decide(playing(0.5), c2, video({ time: 2, paused: true }))).toEqual({ play: true, seekTo: 0.5 });
    expect(decide(playing(0.5), c2, video({ time: 0.5, paused: true }))).toEqual({ play: true });
  });

  it('a file whose first frame is not at 0 is steered to master time + its start', () => {
    expect(decide(playing(1), clip(24, 4, 0.5), video({ time: 1 }), -0.5)).toEqual({ seekTo: 1.5 });
    expect(decide(paused(0), clip(24, 4, 0.5), video({ paused: true, time: 2 })).seekTo).toBeCloseTo(0.5 + SEEK_EPSILON_S, 9);
  });

  it('starting: a paused clip is started from the master’s time, and nothing is corrected yet', () => {
    const starting = { time: 1, rate: 1, starting: true };
    expect(decide(starting, c24, video({ time: 1, paused: true }))).toEqual({ play: true });
    expect(decide(starting, c24, video({ time: 0.2, paused: true }))).toEqual({ play: true, seekTo: 1 });
    expect(decide(starting, c24, video({ time: 1.03 }))).toEqual({});
  });

  it('reverse (a negative rate) is stepping: paused, on the frame due', () => {
    expect(decide({ time: 1, rate: -2, starting: false }, c24, video({ time: 1.5 }))).toEqual({ pause: true, seekTo: 24 / 24 + SEEK_EPSILON_S });
  });
});

describe('master clock', () => {
  const setup = (duration = 8) => {
    const clock = new ManualClock();
    const m = new MasterClock(() => clock.now());
    m.setDuration(duration);
    return { m, tick: (ms: number) => clock.advance(ms) };
  };

  it('holds still while starting, then runs from where begin() says', () => {
    const { m, tick } = setup();
    m.play(1);
    tick(300);
    expect(m.starting).toBe(true);
    expect(m.time()).toBe(0);
    m.begin(0.05);
    tick(500);
    expect(m.time()).toBeCloseTo(0.55, 9);
  });

  it('runs at the shuttle rate; a new rate keeps the position', () => {
    const { m, tick } = setup();
    m.play(1);
    m.begin();
    tick(1000);
    m.play(2);
    expect(m.starting).toBe(false);
    tick(500);
    expect(m.time()).toBeCloseTo(2, 9);
  });

  it('loops at the end, or stops on it; play() from the end starts over', () => {
    const { m, tick } = setup(2);
    m.play(1);
    m.begin();
    tick(2500);
    expect(m.time()).toBeCloseTo(0.5, 9);
    m.loop = false;
    tick(2000);
    expect(m.time()).toBe(2);
    expect(m.rate).toBe(0);
    m.play(1);
    expect(m.time()).toBe(0);
  });

  it('reverse runs down to 0 and stops there (or wraps to the end when looping)', () => {
    const { m, tick } = setup(2);
    m.loop = false;
    m.seek(1);
    m.play(-1);
    expect(m.starting).toBe(false);
    tick(1500);
    expect(m.time()).toBe(0);
    expect(m.rate).toBe(0);
    m.loop = true;
    m.seek(0.5);
    m.play(-1);
    tick(1000);
    expect(m.time()).toBeCloseTo(1.5, 9);
  });

  it('a timeline cut shorter (a clip taken out) keeps the position inside it; a shuttle speed-up does not wait again', () => {
    const { m, tick } = setup(8);
    m.seek(6);
    m.setDuration(4);
    expect(m.time()).toBe(4);
    m.seek(1);
    m.play(1);
    m.begin();
    tick(500);
    m.play(2);
    expect(m.starting).toBe(false);
    // From reverse, forward play waits for the clips again (they were paused, stepping).
    m.play(-1);
    m.play(1);
    expect(m.starting).toBe(true);
  });

  it('seek and pause keep to the timeline', () => {
    const { m } = setup(8);
    m.seek(12);
    expect(m.time()).toBe(8);
    m.seek(-1);
    expect(m.time()).toBe(0);
    m.seek(3);
    m.pause();
    expect(m.time()).toBe(3);
  });
});

/** Clips in sync, simulated: a 60 Hz tick of the driver while every fake <video> moves on its own. */
function rig(specs: ({ clock: FrameClock } & FakeVideoOptions)[]) {
  let now = 0;
  const master = new MasterClock(() => now);
  master.setDuration(Math.max(...specs.map((s) => s.clock.frames / s.clock.fps)));
  const driver = new SyncDriver(master, () => now);
  const videos = specs.map((s, i) => {
    const v = new FakeVideo(s.clock.frames / s.clock.fps + s.clock.start, { seed: i + 1, ...s });
    driver.set(`c${i}`, v, s.clock);
    return v;
  });
  const run = (ms: number, each?: () => void) => {
    for (let t = 0; t < ms; t += 16) {
      now += 16;
      for (const v of videos) v.advance(16);
      driver.tick();
      each?.();
    }
  };
  /** How far each clip really is from where the master says it should be (a clip holding its last frame: from that frame). */
  const offsets = () =>
    videos.map((v, i) => {
      const c = specs[i]!.clock;
      const due = Math.min(master.time(), (c.frames - 1) / c.fps);
      return v.trueTime - c.start - due;
    });
  return { master, driver, videos, run, offsets, now: () => now };
}

/**
 * What Chromium does, as measured in the browser host on a busy machine: 50–90 ms to get going,
 * 30–50 ms per seek and about as long again to restart after it, a rate change with the pitch kept
 * stalls it 20–400 ms (none without), readings jitter by a few ms.
 */
const chromium = (i: number): FakeVideoOptions => ({ startMs: 50 + 13 * i, seekMs: 30 + 7 * i, restartMs: 40 + 9 * i, rateStallMs: 60, jitterMs: 3 });

describe('a comparison in sync (fake clocks)', () => {
  it('four 24 fps takes of 2, 4, 6 and 8 s, slow to start, slightly off speed and jittery, settle within half a frame; the 2 s one holds its last frame', () => {
    const r = rig([
      { clock: clip(24, 2), ...chromium(0), skew: 1.004 },
      { clock: clip(24, 4), ...chromium(1), skew: 0.997 },
      { clock: clip(24, 6), ...chromium(2), skew: 1.003 },
      { clock: clip(24, 8), ...chromium(3) },
    ]);
    r.master.play(1);
    r.driver.tick();
    let worst = 0;
    r.run(1900, () => {
      if (r.now() >= 900) worst = Math.max(worst, ...r.offsets().map(Math.abs));
    });
    expect(worst).toBeLessThan(0.5 / 24);
    // Settling takes at most two seeks a clip; once settled, none.
    expect(r.driver.seeks).toBeLessThanOrEqual(8);
    const settled = r.driver.seeks;
    r.run(1500);
    expect(r.driver.seeks).toBe(settled);
    // Past 2 s: the short take shows its last frame, paused, while the others play on, together.
    expect(r.master.time()).toBeGreaterThan(3);
    expect(r.videos[0]!.paused).toBe(true);
    expect(Math.round((r.videos[0]!.trueTime - SEEK_EPSILON_S) * 24)).toBe(47);
    for (const o of r.offsets().slice(1)) expect(Math.abs(o)).toBeLessThan(0.5 / 24);
  });

  it('mixed frame rates (24, 25, 30, 60 fps) each keep within half of their own frame', () => {
    const rates = [24, 25, 30, 60];
    const r = rig(rates.map((fps, i) => ({ clock: clip(fps, 4), ...chromium(i), jitterMs: 1, skew: 1 + (i - 1.5) * 0.004 })));
    r.master.play(1);
    r.driver.tick();
    const worst = rates.map(() => 0);
    r.run(3000, () => {
      if (r.now() < 1200) return;
      r.offsets().forEach((o, i) => (worst[i] = Math.max(worst[i]!, Math.abs(o))));
    });
    worst.forEach((w, i) => expect(w, `${rates[i]} fps`).toBeLessThan(0.5 / rates[i]!));
  });

  it('a clip whose seeks take longer than half a frame still catches up: the seek lead is learned, the seeks stop', () => {
    // The second clip gets going 1.2 s late (the start gate gives up on it first), so it must seek
    // while playing, and each seek takes 80 ms and a 60 ms restart: 3 frames. Aimed at the master's
    // time, it would land 140 ms behind, seek again, and never show a steady picture.
    const r = rig([
      { clock: clip(24, 8), ...chromium(0) },
      { clock: clip(24, 8), startMs: 1200, seekMs: 80, restartMs: 60 },
    ]);
    r.master.play(1);
    r.driver.tick();
    r.run(2500);
    const settled = r.driver.seeks;
    expect(settled).toBeGreaterThan(0);
    r.run(3000);
    expect(r.driver.seeks - settled).toBe(0);
    for (const o of r.offsets()) expect(Math.abs(o)).toBeLessThan(0.5 / 24);
  });

  it('nudges at 1× do not stall a clip: its pitch is not kept then (the time-stretcher stalls on each change); at 2× it is', () => {
    const r = rig([
      { clock: clip(24, 8), ...chromium(0), skew: 1.02 },
      { clock: clip(24, 8), ...chromium(1), skew: 0.98 },
    ]);
    r.master.play(1);
    r.driver.tick();
    r.run(3000);
    expect(r.videos.map((v) => v.stalls)).toEqual([0, 0]);
    expect(r.videos.map((v) => v.preservesPitch)).toEqual([false, false]);
    r.master.play(2);
    r.driver.tick();
    expect(r.videos.map((v) => v.preservesPitch)).toEqual([true, true]);
  });

  it('a hiccup of the whole page (every clip held up at once) moves the master, not every clip: no seeks', () => {
    const r = rig([0, 1, 2, 3].map((i) => ({ clock: clip(24, 8), ...chromium(i) })));
    r.master.play(1);
    r.driver.tick();
    r.run(2000);
    const settled = r.driver.seeks;
    for (const v of r.videos) v.hiccup(90);
    r.run(1000);
    expect(r.driver.seeks).toBe(settled);
    for (const o of r.offsets()) expect(Math.abs(o)).toBeLessThan(0.5 / 24);
    // One clip held up alone is that clip's lag: it alone catches up.
    const before = r.videos.map((v) => v.seeks);
    r.videos[2]!.hiccup(90);
    r.run(1000);
    expect(r.videos.map((v, i) => v.seeks - before[i]!)).toEqual([0, 0, expect.any(Number), 0]);
    expect(r.videos[2]!.seeks - before[2]!).toBeGreaterThanOrEqual(1);
    for (const o of r.offsets()) expect(Math.abs(o)).toBeLessThan(0.5 / 24);
  });

  it('odd readings alone never make a clip seek: the drift is measured, not read once', () => {
    // Every few readings one is 60 ms off (the page held up between reading the clock and the clip).
    const r = rig([
      { clock: clip(24, 8), jitterMs: 3, spikeEvery: 7, spikeMs: 60 },
      { clock: clip(24, 8), jitterMs: 3, spikeEvery: 9, spikeMs: -60 },
      { clock: clip(24, 8), jitterMs: 3, spikeEvery: 11, spikeMs: 60 },
    ]);
    r.master.play(1);
    r.driver.tick();
    r.run(4000);
    expect(r.driver.seeks).toBe(0);
  });

  it('after a seek while paused, every clip shows the frame of that moment', () => {
    const r = rig([{ clock: clip(24, 2) }, { clock: clip(24, 4) }, { clock: clip(25, 6) }, { clock: clip(30, 8) }].map((s) => ({ ...s, seekMs: 30 })));
    r.master.seek(1.25 + SEEK_EPSILON_S);
    r.driver.tick();
    r.run(100);
    const fps = [24, 24, 25, 30];
    expect(r.videos.map((v, i) => Math.floor((v.trueTime + 2e-6) * fps[i]!))).toEqual([30, 30, 31, 37]);
    // Past the short clips' ends they hold their last frames.
    r.master.seek(5);
    r.run(100);
    expect(r.videos.map((v) => v.paused)).toEqual([true, true, true, true]);
    expect(r.videos.map((v, i) => Math.round((v.trueTime - SEEK_EPSILON_S) * fps[i]!))).toEqual([47, 95, 125, 150]);
  });

  it('looping: at the master’s end every clip starts over together', () => {
    const r = rig([{ clock: clip(24, 2) }, { clock: clip(24, 4) }].map((s, i) => ({ ...s, ...chromium(i), jitterMs: 0 })));
    r.master.play(1);
    r.driver.tick();
    r.run(5000);
    expect(r.master.time()).toBeGreaterThan(0.6);
    expect(r.master.time()).toBeLessThan(1.5);
    expect(r.videos.every((v) => !v.paused)).toBe(true);
    for (const o of r.offsets()) expect(Math.abs(o)).toBeLessThan(0.5 / 24);
  });

  it('a clip that never gets going does not hold the others: the start gate gives up', () => {
    const r = rig([{ clock: clip(24, 4) }, { clock: clip(24, 4), startMs: 60_000 }]);
    r.master.play(1);
    r.driver.tick();
    r.run(START_GIVE_UP_MS + 100);
    expect(r.master.starting).toBe(false);
    expect(r.master.time()).toBeGreaterThan(0);
  });
});
