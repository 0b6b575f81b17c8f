import { describe, expect, it } from 'vitest';
import { clipFromMarks, clipSeconds, moveClip, shortTimecode, toEdits, trimBy, trimFrames, type StoryClip } from '../../../renderer/src/features/storyboard/storyboard-edit.js';
import type { FrameClock } from '../../../renderer/src/features/viewer/frame-math.js';

const CLOCK: FrameClock = { fps: 24, frames: 48, start: 0 };
const SOURCE = { file: 'clip-1.mp4', videoId: 'v1', mediaUrl: 'keyframe-media://video/v1' };

describe('storyboard clips from the viewer marks', () => {
  it('keeps the out-marked frame: in at frame 5, out mark on 25 is 21 frames', () => {
    const clip = clipFromMarks(SOURCE, { in: 5 / 24, out: 25 / 24 }, CLOCK);
    expect([clip.in, clip.out]).toEqual([0.208333, 1.083333]);
    expect(trimFrames(clip, CLOCK)).toEqual({ inF: 5, outF: 26 });
    expect(clipSeconds(clip)).toBeCloseTo(21 / 24, 9);
  });

  it('no marks: the whole clip, stored without in or out', () => {
    const clip = clipFromMarks(SOURCE, {}, CLOCK);
    expect(clip.in).toBeUndefined();
    expect(clip.out).toBeUndefined();
    expect(clipSeconds(clip)).toBe(2);
  });

  it('a mark read a hair before its frame (Chromium microseconds) still lands on that frame', () => {
    const clip = clipFromMarks(SOURCE, { in: 0.041666 }, CLOCK);
    expect(trimFrames(clip, CLOCK).inF).toBe(1);
  });

  it('without a frame clock the marks are kept as they are and the length is unknown without an out', () => {
    const clip = clipFromMarks(SOURCE, { in: 0.5 }, undefined);
    expect(clip.in).toBe(0.5);
    expect(clipSeconds(clip)).toBeUndefined();
  });
});

describe('trimming by frames', () => {
  const clip = (extra: Partial<StoryClip> = {}): StoryClip => ({ key: 'k', file: 'a.mp4', clock: CLOCK, ...extra });

  it('moves an edge by whole frames on the clip clock', () => {
    expect(trimBy(clip(), 'in', 3).in).toBe(0.125);
    expect(trimBy(clip({ out: 1 }), 'out', 1).out).toBe(1.041667);
    expect(trimBy(clip({ in: 0.5 }), 'in', -12).in).toBeUndefined();
  });

  it('never past the ends, never shorter than one frame', () => {
    expect(trimBy(clip({ out: 1.5 }), 'out', 100).out).toBeUndefined();
    const one = trimBy(clip({ in: 1, out: 1.5 }), 'in', 100);
    expect(trimFrames(one, CLOCK)).toEqual({ inF: 35, outF: 36 });
    expect(trimFrames(trimBy(clip({ in: 1, out: 1.5 }), 'out', -100), CLOCK)).toEqual({ inF: 24, outF: 25 });
  });

  it('waits for the clock: no clock, no change', () => {
    const c: StoryClip = { key: 'k', file: 'a.mp4', in: 0.5 };
    expect(trimBy(c, 'in', 1)).toBe(c);
  });
});

describe('order and saving', () => {
  it('moves an item to a position, either way', () => {
    expect(moveClip(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveClip(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveClip(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('sends the known fields, each stored clip’s ref and its library video (main places the file by it), nothing of the page’s own', () => {
    const clips: StoryClip[] = [
      { key: 'x', file: 'a.mp4', ref: 1, in: 0.5, clock: CLOCK, mediaUrl: 'u', videoId: 'v' },
      { key: 'y', file: 'takes/b.mp4', title: 'wide' },
    ];
    expect(toEdits(clips)).toEqual([
      { file: 'a.mp4', videoId: 'v', ref: 1, in: 0.5 },
      { file: 'takes/b.mp4', title: 'wide' },
    ]);
  });

  it('writes seconds and frames as SS:FF, minutes past a minute', () => {
    expect(shortTimecode(45 / 24, 24)).toBe('01:21');
    expect(shortTimecode(61, 24)).toBe('1:01:00');
  });
});
