/**
 * Frames and time for a constant-frame-rate clip whose frame n is shown from
 * start + n/fps until the next one. Pure; the viewer's stepping, counter and
 * timecode all come from here.
 */

/**
 * Where a seek to frame n lands: a hair after its timestamp. Chromium keeps media time in whole
 * microseconds and rounds a seek target down, while frame timestamps come from the file's timescale
 * (1/24 s = 41 666.67 µs), so a seek to exactly n/fps can stop just before frame n and show n-1.
 * 0.1 ms is far past that rounding and far inside a frame (41.7 ms at 24 fps, 8.3 ms at 120).
 */
export const SEEK_EPSILON_S = 0.0001;

/**
 * A time a hair short of n/fps still counts as frame n: Chromium reads currentTime back cut to whole
 * microseconds (a seek to 1/24 s reads 0.041666), and float sums land a rounding below. 2 µs covers both.
 */
const TIME_SLACK_S = 2e-6;

export interface FrameClock {
  /** Frames per second (29.97 is 30000/1001, not 29.97). */
  fps: number;
  /** Number of frames in the clip. */
  frames: number;
  /** The first frame's timestamp in seconds (0 for most files). */
  start: number;
}

/** The frame showing at `time` seconds, within [0, frames-1]. */
export function frameAt(clock: FrameClock, time: number): number {
  const n = Math.floor((time - clock.start + TIME_SLACK_S) * clock.fps);
  return Math.min(clock.frames - 1, Math.max(0, n));
}

/** The frame whose own timestamp `pts` is (a presented frame's media time): the nearest, since it is one already. */
export function frameOfTimestamp(clock: FrameClock, pts: number): number {
  return Math.min(clock.frames - 1, Math.max(0, Math.round((pts - clock.start) * clock.fps)));
}

/** The timestamp of frame n (its first instant). */
export function frameTime(clock: FrameClock, n: number): number {
  return clock.start + n / clock.fps;
}

/** The currentTime to seek to for frame n (clamped to the clip). */
export function seekTimeOf(clock: FrameClock, n: number): number {
  const frame = Math.min(clock.frames - 1, Math.max(0, Math.round(n)));
  return frameTime(clock, frame) + SEEK_EPSILON_S;
}

/** Whether a rate is an NTSC one counted in drop-frame timecode (29.97, 59.94). */
export function isDropFrame(fps: number): boolean {
  const nominal = Math.round(fps);
  return nominal % 30 === 0 && Math.abs(fps - (nominal * 1000) / 1001) < 0.005;
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * SMPTE timecode HH:MM:SS:FF of frame n. Whole rates count FF up to fps-1. 29.97 and 59.94 use
 * drop-frame (HH:MM:SS;FF): frame numbers 0-1 (0-3 at 59.94) are skipped each minute except every
 * tenth, so the timecode keeps to the clock. 23.976 counts as 24 (non-drop, as every editor does).
 */
export function timecode(n: number, fps: number): string {
  const nominal = Math.max(1, Math.round(fps));
  let frame = Math.max(0, Math.floor(n));
  const drop = isDropFrame(fps);
  if (drop) {
    const dropped = nominal / 15;
    const per10Min = nominal * 600 - dropped * 9;
    const perMin = nominal * 60 - dropped;
    const tens = Math.floor(frame / per10Min);
    const rest = frame % per10Min;
    frame += dropped * 9 * tens + (rest > dropped ? dropped * Math.floor((rest - dropped) / perMin) : 0);
  }
  const ff = frame % nominal;
  const totalS = Math.floor(frame / nominal);
  const ss = totalS % 60;
  const mm = Math.floor(totalS / 60) % 60;
  const hh = Math.floor(totalS / 3600);
  return `${two(hh)}:${two(mm)}:${two(ss)}${drop ? ';' : ':'}${two(ff)}`;
}
