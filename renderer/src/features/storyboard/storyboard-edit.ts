import type { SequenceClipEdit } from '../../../../shared/domain/sequence';
import type { FrameClock } from '../viewer/frame-math';

/**
 * The storyboard's clips and the edits the strip makes to them. Pure. Trims
 * are whole frames of the clip's own frame clock: an in-point is the first
 * frame kept, an out-point the first frame dropped (so out − in is the clip's
 * length on the timeline, and the I/O marks' out frame is kept, as in an editor).
 */

export interface StoryClip {
  /** Stable across reorders (React key, drag source). */
  key: string;
  /** Path relative to the sequence's folder, as stored. */
  file: string;
  /** Index in the stored document, so fields other tools wrote are kept on save. */
  ref?: number;
  title?: string;
  videoId?: string;
  mediaUrl?: string;
  posterUrl?: string;
  /** Seconds; undefined: from the start / to the end. */
  in?: number;
  out?: number;
  /** The clip's frame clock, once read from the file: trimming waits for it. */
  clock?: FrameClock;
}

let nextKey = 0;
export const clipKey = (): string => `c${(nextKey += 1)}`;

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The clip's first kept frame and first dropped frame on its clock. */
export function trimFrames(clip: StoryClip, clock: FrameClock): { inF: number; outF: number } {
  const inF = clip.in === undefined ? 0 : Math.round((clip.in - clock.start) * clock.fps);
  const outF = clip.out === undefined ? clock.frames : Math.round((clip.out - clock.start) * clock.fps);
  return { inF: Math.max(0, Math.min(clock.frames - 1, inF)), outF: Math.max(1, Math.min(clock.frames, outF)) };
}

/** Seconds on screen, when known (a whole clip's length needs its clock). */
export function clipSeconds(clip: StoryClip): number | undefined {
  if (clip.clock) {
    const { inF, outF } = trimFrames(clip, clip.clock);
    return (outF - inF) / clip.clock.fps;
  }
  return clip.in !== undefined && clip.out !== undefined ? clip.out - clip.in : undefined;
}

const frameTime = (clock: FrameClock, n: number): number => round6(clock.start + n / clock.fps);

/**
 * A clip from the viewer's marks (times at the start of the marked frames; the out frame kept).
 * No marks: the whole clip.
 */
export function clipFromMarks(source: { file: string; videoId: string; mediaUrl: string; posterUrl?: string }, marks: { in?: number; out?: number }, clock: FrameClock | undefined): StoryClip {
  const clip: StoryClip = { key: clipKey(), file: source.file, videoId: source.videoId, mediaUrl: source.mediaUrl, ...(source.posterUrl ? { posterUrl: source.posterUrl } : {}), ...(clock ? { clock } : {}) };
  if (!clock) return { ...clip, ...(marks.in === undefined ? {} : { in: marks.in }), ...(marks.out === undefined ? {} : { out: marks.out }) };
  const inF = marks.in === undefined ? 0 : Math.round((marks.in - clock.start) * clock.fps);
  const outF = marks.out === undefined ? clock.frames : Math.round((marks.out - clock.start) * clock.fps) + 1;
  return withTrim(clip, clock, inF, outF);
}

function withTrim(clip: StoryClip, clock: FrameClock, inF: number, outF: number): StoryClip {
  const { in: _in, out: _out, ...rest } = clip;
  return { ...rest, ...(inF > 0 ? { in: frameTime(clock, inF) } : {}), ...(outF < clock.frames ? { out: frameTime(clock, outF) } : {}) };
}

/** Moves one edge by `frames` (negative: earlier), never past the clip's ends nor to less than one frame. */
export function trimBy(clip: StoryClip, edge: 'in' | 'out', frames: number): StoryClip {
  const clock = clip.clock;
  if (!clock) return clip;
  const { inF, outF } = trimFrames(clip, clock);
  if (edge === 'in') return withTrim(clip, clock, Math.max(0, Math.min(outF - 1, inF + frames)), outF);
  return withTrim(clip, clock, inF, Math.min(clock.frames, Math.max(inF + 1, outF + frames)));
}

export function moveClip<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item as T);
  return out;
}

/** What the page sends to save: the known fields, and each stored clip's ref. */
export function toEdits(clips: readonly StoryClip[]): SequenceClipEdit[] {
  return clips.map((c) => ({ file: c.file, ...(c.videoId === undefined ? {} : { videoId: c.videoId }), ...(c.ref === undefined ? {} : { ref: c.ref }), ...(c.in === undefined ? {} : { in: c.in }), ...(c.out === undefined ? {} : { out: c.out }), ...(c.title === undefined ? {} : { title: c.title }) }));
}

/** Timecode of a time in seconds at `fps` (SS:FF, or M:SS:FF past a minute). */
export function shortTimecode(seconds: number, fps: number): string {
  const total = Math.round(seconds * fps);
  const whole = Math.round(fps);
  const f = total % whole;
  const s = Math.floor(total / whole);
  const pad = (n: number) => String(n).padStart(2, '0');
  return s >= 60 ? `${Math.floor(s / 60)}:${pad(s % 60)}:${pad(f)}` : `${pad(s)}:${pad(f)}`;
}
