import { frameAt, seekTimeOf, type FrameClock } from '../viewer/frame-math';

/**
 * What one <video> must do to show the master clock's position: the decisions of the sync, pure (the
 * driver reads the element, asks here, and applies the answer).
 *
 * Playing, a clip is kept on the master's time: off by more than half of one of ITS frames, it would
 * show another frame than the clock says, so it seeks; off by less, its playbackRate is nudged by a
 * few percent until it is back (a seek on every little drift would stutter). Paused (and in reverse,
 * which is stepping), it shows exactly the frame due. A clip shorter than the master holds its last
 * frame once past its end: a comparison is of the same moment in every take, and a short take that
 * looped would put its opening beside the others' middle.
 */

export interface MasterState {
  /** Timeline seconds. */
  time: number;
  /** Signed; 0 paused, negative reverse. */
  rate: number;
  /** Playing, waiting for the clips to get going (see MasterClock). */
  starting: boolean;
}

export interface VideoReading {
  /** currentTime, in the file's own seconds. */
  time: number;
  paused: boolean;
  seeking: boolean;
  playbackRate: number;
}

export interface SyncAction {
  seekTo?: number;
  playbackRate?: number;
  play?: true;
  pause?: true;
}

/** Drift is worked off over about this long by the rate nudge. */
export const CATCH_UP_S = 0.5;
/** The most the rate is nudged: ±3 %, half a semitone for the moment it lasts (the pitch is not kept at 1×, see SyncDriver). */
export const MAX_NUDGE = 0.03;
/**
 * Off by this much or more, a playing clip seeks at once, without waiting for a steady measure: the
 * master jumped (a loop, a seek), not drifted.
 */
export const JUMP_S = 0.25;
/** Under this share of a frame the clip is on time: its rate is put back to exactly the master's. */
const ON_TIME_FRAMES = 0.1;
/** Rate changes smaller than this are not made: a stream of tiny corrections churns the audio renderer for nothing. */
export const RATE_STEP = 0.01;

/** The clip's last frame, in timeline seconds (from its first frame). */
export const lastFrameAt = (clock: FrameClock): number => (clock.frames - 1) / clock.fps;

/** The clip's length in timeline seconds (to the end of its last frame). */
export const lengthOf = (clock: FrameClock): number => clock.frames / clock.fps;

/** Whether the timeline position is past the clip's last frame's start: it holds that frame, paused. */
export const holds = (clock: FrameClock, masterTime: number): boolean => masterTime >= lastFrameAt(clock);

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function withRate(action: SyncAction, video: VideoReading, rate: number, step: number): SyncAction {
  return Math.abs(video.playbackRate - rate) > step ? { ...action, playbackRate: rate } : action;
}

/**
 * The action for one clip.
 *
 * `drift`: how far ahead of the master the playing clip is (seconds, negative behind), measured
 * steadily by the driver: a single reading of currentTime is not a measure (it stands still for a
 * moment after a seek or a rate change, and jitters under load), and acting on each one makes the
 * sync chase its own corrections. Undefined while there is no steady measure yet: then nothing is
 * corrected, except a jump (JUMP_S).
 *
 * `seekLead`: how far ahead (seconds at 1×) a seek made while playing is aimed, learned by the
 * driver from where its seeks land: a clip spends that long seeking and getting going again, and a
 * seek aimed at the master's time would land behind, and seek again, and again.
 */
export function decide(master: MasterState, clock: FrameClock, video: VideoReading, drift?: number, seekLead = 0): SyncAction {
  // A seek in flight lands first: a second one now would restart it, and a clip that keeps being
  // re-seeked never shows a frame.
  if (video.seeking) return {};
  const half = 0.5 / clock.fps;

  if (master.rate <= 0 || holds(clock, master.time)) {
    const due = frameAt(clock, clock.start + Math.min(master.time, lastFrameAt(clock)));
    const action: SyncAction = video.paused ? {} : { pause: true };
    return frameAt(clock, video.time) === due ? action : { ...action, seekTo: seekTimeOf(clock, due) };
  }

  const target = clock.start + master.time;
  const raw = video.time - target;
  if (master.starting) {
    // The clock waits for the clips: get them going from where it stands, and correct nothing yet.
    const start: SyncAction = video.paused ? { play: true, ...(Math.abs(raw) > half ? { seekTo: target } : {}) } : {};
    return withRate(start, video, master.rate, 0);
  }
  const end = clock.start + lastFrameAt(clock);
  const seek = (): SyncAction => withRate({ ...(video.paused ? { play: true } : {}), seekTo: Math.min(end, target + clamp(seekLead, 0, JUMP_S) * master.rate) }, video, master.rate, 0);
  if (video.paused) return Math.abs(raw) > half ? seek() : withRate({ play: true }, video, master.rate, 0);
  if (Math.abs(raw) >= JUMP_S) return seek();
  if (drift === undefined) return {};
  if (Math.abs(drift) > half) return seek();
  const nudge = Math.abs(drift) * clock.fps <= ON_TIME_FRAMES ? 0 : clamp(-drift / CATCH_UP_S, -MAX_NUDGE, MAX_NUDGE);
  return withRate({}, video, master.rate * (1 + nudge), nudge === 0 ? 0.0005 : RATE_STEP * master.rate);
}
