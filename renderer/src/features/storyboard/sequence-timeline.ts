import type { FrameClock } from '../viewer/frame-math';
import { trimFrames, type StoryClip } from './storyboard-edit';

/**
 * The sequence as one timeline for playback. Pure. Each clip plays on its own
 * frame clock from its first kept frame to its first dropped one; on the
 * sequence's timeline the clips follow one another with no gap, so a time on
 * it names exactly one clip and a time in that clip's file.
 */

export interface TimelineEntry {
  /** The clip's key in the strip (the playing card is highlighted by it). */
  key: string;
  /** Index in the strip (clips that cannot play are left out of the timeline, not renumbered). */
  index: number;
  mediaUrl: string;
  clock: FrameClock;
  /** First kept frame and first dropped frame, on the clip's clock. */
  inF: number;
  outF: number;
  /** Seconds in the file: the in-frame's timestamp and the out-frame's (where the next clip takes over). */
  inS: number;
  outS: number;
  /** Where the clip starts on the sequence's timeline, in seconds. */
  start: number;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** Seconds, the sum of the trims. */
  total: number;
}

/** The clips that can play (their file is served and their frame clock known), one after the other. */
export function buildTimeline(clips: readonly StoryClip[]): Timeline {
  const entries: TimelineEntry[] = [];
  let start = 0;
  clips.forEach((clip, index) => {
    if (!clip.mediaUrl || !clip.clock) return;
    const clock = clip.clock;
    const { inF, outF } = trimFrames(clip, clock);
    entries.push({ key: clip.key, index, mediaUrl: clip.mediaUrl, clock, inF, outF, inS: clock.start + inF / clock.fps, outS: clock.start + outF / clock.fps, start });
    start += (outF - inF) / clock.fps;
  });
  return { entries, total: start };
}

/** Which clip plays at `time` seconds of the sequence, and where in its file: the end of the sequence is its last clip's last frame. */
export function locate(timeline: Timeline, time: number): { entry: number; fileTime: number } | undefined {
  const { entries } = timeline;
  if (entries.length === 0) return undefined;
  const t = Math.max(0, Math.min(time, timeline.total));
  let i = entries.length - 1;
  while (i > 0 && (entries[i] as TimelineEntry).start > t) i -= 1;
  const e = entries[i] as TimelineEntry;
  const lastFrame = e.outS - 1 / e.clock.fps;
  return { entry: i, fileTime: Math.min(lastFrame, e.inS + (t - e.start)) };
}

/** Seconds on the sequence's timeline of a time in the file of entry `i` (held within that clip's trim). */
export function sequenceTime(timeline: Timeline, i: number, fileTime: number): number {
  const e = timeline.entries[i];
  if (!e) return 0;
  return e.start + Math.max(0, Math.min(e.outS - e.inS, fileTime - e.inS));
}

/** How many frames ahead of the last kept one a cut is planned: a frame callback can be skipped on a busy page. */
export const PLAN_AHEAD_FRAMES = 3;

/**
 * When to hold the clip on its last kept frame and when to cut to the next, in the page's clock (ms),
 * from a presented frame (its timestamp, and when it was or will be on screen); undefined while the
 * end is further than PLAN_AHEAD_FRAMES away. The hold comes a quarter into the last kept frame's
 * time on screen (it is shown, and the out-frame is still a frame away); the cut when that time is up.
 */
export function planCut(entry: TimelineEntry, presented: number, displayedAt: number): { holdAt: number; cutAt: number } | undefined {
  const frameMs = 1000 / entry.clock.fps;
  const frame = Math.round((presented - entry.clock.start) * entry.clock.fps);
  const framesLeft = entry.outF - 1 - frame;
  if (framesLeft > PLAN_AHEAD_FRAMES) return undefined;
  if (framesLeft <= 0) return { holdAt: displayedAt, cutAt: displayedAt + (framesLeft + 1) * frameMs };
  return { holdAt: displayedAt + (framesLeft + 0.25) * frameMs, cutAt: displayedAt + (framesLeft + 1) * frameMs };
}

/** Whether a position (currentTime, not a presented frame) has reached the out-frame: the fallback when frame callbacks are missing. */
export function reachedOut(entry: TimelineEntry, position: number): boolean {
  return position >= entry.outS - 0.5 / entry.clock.fps;
}

/** The entry to preload while entry `i` plays: the next one, seeked to its in-frame; none after the last. */
export function preloadIndex(timeline: Timeline, i: number): number | undefined {
  return i + 1 < timeline.entries.length ? i + 1 : undefined;
}

/** Frames of the sequence at `fps` (the first clip's: the readout counts in one rate). */
export function sequenceFrames(seconds: number, fps: number): number {
  return Math.round(seconds * fps);
}
