import { describe, expect, it } from 'vitest';
import { frameAt, frameOfTimestamp, frameTime, isDropFrame, SEEK_EPSILON_S, seekTimeOf, timecode, type FrameClock } from '../../../renderer/src/features/viewer/frame-math.js';
import { shuttle } from '../../../renderer/src/features/viewer/shuttle.js';

/** Frames, time and timecode for the viewer at the rates that matter, and the J/K/L shuttle. */

const NTSC = 30000 / 1001;
const clip = (fps: number, seconds = 8, start = 0): FrameClock => ({ fps, frames: Math.round(fps * seconds), start });

describe('frame ↔ time', () => {
  it.each([24, 25, 30, NTSC, 60000 / 1001])('%s fps: every frame seeked to is the frame read back, with no step skipped or repeated', (fps) => {
    const c = clip(fps);
    for (let n = 0; n < c.frames; n++) {
      const t = seekTimeOf(c, n);
      expect(frameAt(c, t)).toBe(n);
      // What the test in the browser asserts: the seek lands on n/fps within a millisecond.
      expect(Math.abs(t - n / fps)).toBeLessThan(0.001);
      // Stepping is "this frame + 1" from the position: one press, one frame.
      expect(frameAt(c, seekTimeOf(c, frameAt(c, t) + 1))).toBe(Math.min(n + 1, c.frames - 1));
    }
  });

  it('1/30 s steps on a 24 fps clip stay on the same frame every fifth press (why the rate must come from the file)', () => {
    const c = clip(24, 2);
    const seen = Array.from({ length: 10 }, (_, i) => frameAt(c, (i * 1) / 30));
    expect(seen).toEqual([0, 0, 1, 2, 3, 4, 4, 5, 6, 7]);
  });

  it('a position in the middle of a frame is that frame; times outside the clip are clamped', () => {
    const c = clip(24, 2);
    expect(frameAt(c, (10.5 / 24))).toBe(10);
    expect(frameAt(c, -1)).toBe(0);
    expect(frameAt(c, 99)).toBe(47);
    expect(seekTimeOf(c, 500)).toBeCloseTo(47 / 24 + SEEK_EPSILON_S, 9);
    expect(seekTimeOf(c, -3)).toBeCloseTo(SEEK_EPSILON_S, 9);
  });

  it('a time exactly on n/fps (give or take float error) is frame n, not n-1', () => {
    const c = clip(24);
    for (let n = 0; n < c.frames; n++) expect(frameAt(c, n / 24)).toBe(n);
    expect(frameAt(clip(NTSC), 1001 / 30000)).toBe(1);
    // Chromium reads a position back cut to whole microseconds: 1/24 s reads 0.041666.
    expect(frameAt(c, 0.041666)).toBe(1);
    expect(frameAt(c, 1.958333)).toBe(47);
  });

  it('a presented frame’s timestamp, rounded to the microsecond either way, names that frame', () => {
    const c = clip(24);
    expect(frameOfTimestamp(c, 0.041666)).toBe(1);
    expect(frameOfTimestamp(c, 0.041667)).toBe(1);
    expect(frameOfTimestamp(c, 2.0)).toBe(48);
  });

  it('a clip whose first frame is not at 0 counts from its first frame', () => {
    const c = clip(25, 4, 0.08);
    expect(frameTime(c, 0)).toBeCloseTo(0.08, 9);
    expect(frameAt(c, 0.08 + 3 / 25)).toBe(3);
    expect(frameAt(c, 0)).toBe(0);
  });
});

describe('timecode', () => {
  it.each([
    [0, 24, '00:00:00:00'],
    [23, 24, '00:00:00:23'],
    [24, 24, '00:00:01:00'],
    [191, 24, '00:00:07:23'],
    [24 * 3600, 24, '01:00:00:00'],
    [24, 25, '00:00:00:24'],
    [25 * 61 + 3, 25, '00:01:01:03'],
    [29, 30, '00:00:00:29'],
    [30 * 60, 30, '00:01:00:00'],
    [48, 24000 / 1001, '00:00:02:00'],
  ])('frame %s at %s fps → %s', (n, fps, want) => {
    expect(timecode(n, fps)).toBe(want);
  });

  it.each([
    [0, '00:00:00;00'],
    [29, '00:00:00;29'],
    [1799, '00:00:59;29'],
    // Frames ;00 and ;01 of minute 1 do not exist in drop-frame.
    [1800, '00:01:00;02'],
    [3597, '00:01:59;29'],
    [3598, '00:02:00;02'],
    // Every tenth minute keeps them.
    [17981, '00:09:59;29'],
    [17982, '00:10:00;00'],
    [107892, '01:00:00;00'],
  ])('29.97 drop-frame: frame %s → %s', (n, want) => {
    expect(timecode(n, NTSC)).toBe(want);
  });

  it('59.94 drops four frame numbers a minute', () => {
    expect(timecode(3596, 60000 / 1001)).toBe('00:00:59;56');
    expect(timecode(3600, 60000 / 1001)).toBe('00:01:00;04');
  });

  it('drop-frame only for the NTSC rates', () => {
    expect([NTSC, 60000 / 1001].map(isDropFrame)).toEqual([true, true]);
    expect([24, 25, 30, 24000 / 1001, 50, 60].map(isDropFrame)).toEqual([false, false, false, false, false, false]);
  });
});

describe('J/K/L shuttle', () => {
  it('L plays forward and doubles to 4×; J the same backwards; K stops', () => {
    const press = (keys: string) => [...keys].reduce((rate, k) => shuttle(rate, k as 'j' | 'k' | 'l'), 0);
    expect(press('l')).toBe(1);
    expect(press('ll')).toBe(2);
    expect(press('lll')).toBe(4);
    expect(press('llll')).toBe(4);
    expect(press('j')).toBe(-1);
    expect(press('jjj')).toBe(-4);
    expect(press('llk')).toBe(0);
  });

  it('a press against the running direction starts over at 1× that way', () => {
    expect(shuttle(4, 'j')).toBe(-1);
    expect(shuttle(-2, 'l')).toBe(1);
  });
});
