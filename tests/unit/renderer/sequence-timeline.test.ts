import { describe, expect, it } from 'vitest';
import { buildTimeline, locate, planCut, preloadIndex, reachedOut, sequenceFrames, sequenceTime } from '../../../renderer/src/features/storyboard/sequence-timeline.js';
import type { StoryClip } from '../../../renderer/src/features/storyboard/storyboard-edit.js';
import { wouldLoseEdits } from '../../../renderer/src/features/storyboard/unsaved-guard.js';

/**
 * The sequence as one timeline for gapless playback: which clip and which
 * instant of its file play at a time of the sequence, when a clip hands over
 * to the next (never showing its out-frame), what is preloaded meanwhile, and
 * how long the whole lasts.
 */

const clock24 = { fps: 24, frames: 48, start: 0 };
const clock30 = { fps: 30000 / 1001, frames: 60, start: 0 };
const clip = (key: string, extra: Partial<StoryClip> = {}): StoryClip => ({ key, file: `${key}.mp4`, mediaUrl: `media://${key}`, clock: clock24, ...extra });

// A: frames 5..25 kept (21 frames); B: the whole clip, 48 frames; C: a 29.97 clip's frames 0..29.
const A = clip('a', { in: 5 / 24, out: 26 / 24 });
const B = clip('b');
const C = clip('c', { out: 30 / (30000 / 1001), clock: clock30 });

describe('sequence timeline', () => {
  it('lays the trims end to end: each clip starts where the one before ends, the total is their sum', () => {
    const tl = buildTimeline([A, B, C]);
    expect(tl.entries.map((e) => [e.key, e.inF, e.outF])).toEqual([
      ['a', 5, 26],
      ['b', 0, 48],
      ['c', 0, 30],
    ]);
    expect(tl.entries[0]?.start).toBe(0);
    expect(tl.entries[1]?.start).toBeCloseTo(21 / 24, 9);
    expect(tl.entries[2]?.start).toBeCloseTo(21 / 24 + 2, 9);
    expect(tl.total).toBeCloseTo(21 / 24 + 2 + 30 / (30000 / 1001), 9);
    expect(tl.entries[0]?.inS).toBeCloseTo(5 / 24, 9);
    expect(tl.entries[0]?.outS).toBeCloseTo(26 / 24, 9);
  });

  it('leaves out a clip whose file is gone or whose frame clock is not read yet, keeping the others’ strip indexes', () => {
    const tl = buildTimeline([A, clip('gone', { mediaUrl: undefined }), clip('reading', { clock: undefined }), B]);
    expect(tl.entries.map((e) => [e.key, e.index])).toEqual([
      ['a', 0],
      ['b', 3],
    ]);
    expect(tl.total).toBeCloseTo(21 / 24 + 2, 9);
    expect(buildTimeline([]).entries).toEqual([]);
  });

  it('maps a time of the sequence to its clip and the instant in that clip’s file, and back', () => {
    const tl = buildTimeline([A, B]);
    expect(locate(tl, 0)).toEqual({ entry: 0, fileTime: 5 / 24 });
    const inA = locate(tl, 0.5);
    expect(inA?.entry).toBe(0);
    expect(inA?.fileTime).toBeCloseTo(5 / 24 + 0.5, 9);
    // The cut: the first instant of B's part is B's in-frame, never A's out-frame.
    const cut = locate(tl, 21 / 24);
    expect(cut?.entry).toBe(1);
    expect(cut?.fileTime).toBeCloseTo(0, 9);
    // Past the end: the last clip's last frame.
    const end = locate(tl, 99);
    expect(end?.entry).toBe(1);
    expect(end?.fileTime).toBeCloseTo(47 / 24, 9);
    expect(locate(buildTimeline([]), 1)).toBeUndefined();

    expect(sequenceTime(tl, 0, 5 / 24)).toBe(0);
    expect(sequenceTime(tl, 0, 15 / 24)).toBeCloseTo(10 / 24, 9);
    expect(sequenceTime(tl, 1, 1)).toBeCloseTo(21 / 24 + 1, 9);
    // A frame shown before the in-point (a seek that landed early) or past the out-point is held inside the clip's part.
    expect(sequenceTime(tl, 0, 0)).toBe(0);
    expect(sequenceTime(tl, 0, 40 / 24)).toBeCloseTo(21 / 24, 9);
  });

  it('plans the hold on the last kept frame and the cut from a frame near the end, and not before', () => {
    const [a] = buildTimeline([A]).entries;
    if (!a) throw new Error('no entry');
    const frameMs = 1000 / 24;
    // Frame 25 is the last kept (the out-point is frame 26). Four frames before it: too early to plan.
    expect(planCut(a, 21 / 24, 1000)).toBeUndefined();
    // Frame 22 presented at t=1000: frame 25 is on screen from 1000 + 3 frames; held a quarter into it, cut when its time is up.
    const early = planCut(a, 22 / 24, 1000);
    expect(early?.holdAt).toBeCloseTo(1000 + 3.25 * frameMs, 6);
    expect(early?.cutAt).toBeCloseTo(1000 + 4 * frameMs, 6);
    // The last kept frame itself (its timestamp read back a microsecond short): held at once, cut a frame later.
    const last = planCut(a, 25 / 24 - 1e-6, 2000);
    expect(last?.holdAt).toBe(2000);
    expect(last?.cutAt).toBeCloseTo(2000 + frameMs, 6);
    // Past it (a late callback on a busy page): held and cut at once.
    expect(planCut(a, 26 / 24, 3000)).toEqual({ holdAt: 3000, cutAt: 3000 });
    // Without frame callbacks, the position reaching the out-frame cuts.
    expect(reachedOut(a, 25.4 / 24)).toBe(false);
    expect(reachedOut(a, 25.6 / 24)).toBe(true);
  });

  it('preloads the next clip while one plays, and nothing after the last', () => {
    const tl = buildTimeline([A, B, C]);
    expect(preloadIndex(tl, 0)).toBe(1);
    expect(preloadIndex(tl, 1)).toBe(2);
    expect(preloadIndex(tl, 2)).toBeUndefined();
  });

  it('counts the sequence in whole frames of one rate for its timecode', () => {
    const tl = buildTimeline([A, B]);
    expect(sequenceFrames(tl.total, 24)).toBe(69);
    expect(sequenceFrames(sequenceTime(tl, 1, 0), 24)).toBe(21);
  });
});

describe('leaving a sequence with unsaved edits', () => {
  it('asks only when something would be lost', () => {
    expect(wouldLoseEdits({ name: 'scene', dirty: false, clips: [A] })).toBe(false);
    expect(wouldLoseEdits({ name: 'scene', dirty: true, clips: [A] })).toBe(true);
    // Every clip removed from a saved sequence is an edit too.
    expect(wouldLoseEdits({ name: 'scene', dirty: true, clips: [] })).toBe(true);
    expect(wouldLoseEdits({ name: undefined, dirty: true, clips: [A] })).toBe(true);
    expect(wouldLoseEdits({ name: undefined, dirty: true, clips: [] })).toBe(false);
  });
});
