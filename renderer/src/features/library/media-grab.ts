/** Frames grabbed from a video onto a canvas, as JPEG/PNG base64 for the API (no data: prefix). */

export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(blob);
  });
}

/** Thrown when the video had no picture ready to draw: the canvas is still transparent where it should be. */
export class BlankFrameError extends Error {
  constructor() {
    super('The frame was not ready to read.');
    this.name = 'BlankFrameError';
  }
}

/** A decoded video frame is opaque everywhere: a transparent corner or centre means nothing was drawn. */
export function drewPicture(ctx: Pick<CanvasRenderingContext2D, 'getImageData'>, width: number, height: number): boolean {
  const probes: [number, number][] = [
    [0, 0],
    [width - 1, 0],
    [width >> 1, height >> 1],
    [0, height - 1],
    [width - 1, height - 1],
  ];
  return probes.every(([x, y]) => ctx.getImageData(x, y, 1, 1).data[3] !== 0);
}

export async function grabFrame(video: HTMLVideoElement, type: 'image/jpeg' | 'image/png', maxWidth = Infinity): Promise<string> {
  const scale = Math.min(1, maxWidth / (video.videoWidth || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No canvas');
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  // An empty picture must never go on as a frame or a poster (a JPEG would even make it black).
  if (!drewPicture(ctx, canvas.width, canvas.height)) throw new BlankFrameError();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.85));
  if (!blob) throw new Error('The frame could not be encoded.');
  return blobToBase64(blob);
}

/** How many times a seek is tried again when its frame was not ready to draw. */
const BLANK_RETRIES = 3;

/**
 * Seeks to `time` and grabs the frame there. Chromium can report a seek of a detached, paused video as
 * done before its frame is ready to draw (seen on a busy machine); seeking to the same time again
 * gives the decoder another turn, so a blank grab is retried a few times before it is given up.
 */
export async function grabFrameAt(video: HTMLVideoElement, time: number, type: 'image/jpeg' | 'image/png', maxWidth = Infinity, signal?: AbortSignal): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    await seekExactly(video, time, signal);
    try {
      return await grabFrame(video, type, maxWidth);
    } catch (err) {
      if (!(err instanceof BlankFrameError) || attempt >= BLANK_RETRIES) throw err;
    }
  }
}

/** The reason an aborted wait gives: the signal's own when it is an Error (a deadline says which). */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('The frame grab was abandoned.');
}

/** A grab (open, seek, draw, encode) takes well under a second; one still going after this is stuck, not slow. */
export const GRAB_DEADLINE_MS = 20_000;

/** Thrown when a whole grab took longer than its deadline and was abandoned. */
export class GrabDeadlineError extends Error {
  constructor(ms: number) {
    super(`The frame grab took longer than ${Math.round(ms / 1000)} s.`);
    this.name = 'GrabDeadlineError';
  }
}

/**
 * Runs `work` with a signal that aborts after `ms`, and stops waiting for it then even if it never settles:
 * a media callback that never comes (a seek on a stalled decoder, a canvas encode) must not hold up
 * whatever waits for the grab. `work` should let go of what it holds when the signal aborts.
 */
export function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new GrabDeadlineError(ms)), ms);
  const { signal } = deadline;
  return new Promise<T>((resolve, reject) => {
    const abandon = () => reject(abortReason(signal));
    signal.addEventListener('abort', abandon, { once: true });
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abandon);
    };
    // A late outcome of abandoned work lands here and goes nowhere (never an unhandled rejection).
    work(signal).then(
      (value) => {
        finish();
        resolve(value);
      },
      (err: unknown) => {
        finish();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

interface WaitFor {
  /** Events that may mean the wait is over. */
  events: readonly string[];
  /** Whether it is over; without one, any of `events` ends it. */
  ready?: () => boolean;
  /** Checks `ready` this often too: a change no event announces. */
  pollMs?: number;
  timeoutMs: number;
  /** Named in the timeout's message. */
  what: string;
  signal?: AbortSignal | undefined;
}

/** Waits on a media element until `ready` (or one of `events`); rejects on its `error`, on timeout, or when `signal` aborts. */
function waitFor(el: HTMLMediaElement, w: WaitFor): Promise<void> {
  return new Promise((resolve, reject) => {
    const { signal } = w;
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${w.what}`)), w.timeoutMs);
    const poll = w.ready && w.pollMs !== undefined ? setInterval(check, w.pollMs) : undefined;
    const bad = () => done(new Error('The video could not be read.'));
    const aborted = () => done(signal ? abortReason(signal) : undefined);
    function check() {
      if (!w.ready || w.ready()) done();
    }
    function done(err?: Error) {
      clearTimeout(timer);
      if (poll !== undefined) clearInterval(poll);
      for (const event of w.events) el.removeEventListener(event, check);
      el.removeEventListener('error', bad);
      signal?.removeEventListener('abort', aborted);
      if (err) reject(err);
      else resolve();
    }
    for (const event of w.events) el.addEventListener(event, check);
    el.addEventListener('error', bad);
    signal?.addEventListener('abort', aborted);
  });
}

/** HTMLMediaElement.HAVE_CURRENT_DATA: the frame at the current position can be drawn. */
const HAVE_CURRENT_DATA = 2;
const DRAWABLE_POLL_MS = 100;
const STEP_TIMEOUT_MS = 15_000;

/**
 * Waits until the frame at the current position can be drawn. `loadeddata` fires only the first time
 * an element gets there after loading; once a later seek has dropped it back, only `canplay` (or no
 * event at all, when it comes back to exactly HAVE_CURRENT_DATA) says so, hence the poll.
 */
function untilDrawable(v: HTMLVideoElement, signal?: AbortSignal): Promise<void> {
  if (v.readyState >= HAVE_CURRENT_DATA) return Promise.resolve();
  return waitFor(v, {
    events: ['loadeddata', 'canplay', 'canplaythrough'],
    ready: () => v.readyState >= HAVE_CURRENT_DATA,
    pollMs: DRAWABLE_POLL_MS,
    timeoutMs: STEP_TIMEOUT_MS,
    what: 'the frame to be ready',
    signal,
  });
}

/** Loads a detached <video> (never on screen) up to its metadata. Caller releases it; a failed or abandoned open releases its own. */
export async function openDetached(src: string, signal?: AbortSignal): Promise<HTMLVideoElement> {
  const v = document.createElement('video');
  v.crossOrigin = 'anonymous';
  v.preload = 'metadata';
  v.muted = true;
  const meta = waitFor(v, { events: ['loadedmetadata'], timeoutMs: STEP_TIMEOUT_MS, what: 'loadedmetadata', signal });
  v.src = src;
  try {
    await meta;
  } catch (err) {
    // Nobody else holds it: left with its src, it would keep its decoder and its connection to the media server.
    release(v);
    throw err;
  }
  return v;
}

/** Seeks to exactly `time` seconds and waits until that frame can be drawn. */
export async function seekExactly(v: HTMLVideoElement, time: number, signal?: AbortSignal): Promise<void> {
  // Checked before the wait starts: the setter throws on these, and the wait would be left running.
  if (!Number.isFinite(time)) throw new Error('The video has no time to seek to.');
  const seeked = waitFor(v, { events: ['seeked'], timeoutMs: STEP_TIMEOUT_MS, what: 'seeked', signal });
  v.currentTime = time;
  await seeked;
  await untilDrawable(v, signal);
}

/** Opens a detached <video> and seeks it, releasing it if the seek fails (the caller only gets one that landed). */
async function openAndSeek(src: string, timeOf: (duration: number) => number, signal?: AbortSignal): Promise<HTMLVideoElement> {
  const v = await openDetached(src, signal);
  try {
    await seekExactly(v, timeOf(v.duration), signal);
  } catch (err) {
    release(v);
    throw err;
  }
  return v;
}

/** Loads a detached <video> and seeks it to `at` seconds ('end' = the last frame). Caller clears src afterwards. */
export function seekDetached(src: string, at: number | 'end', signal?: AbortSignal): Promise<HTMLVideoElement> {
  // A poster's moment: never past the middle, so a short clip still shows what it is about.
  return openAndSeek(src, (duration) => (at === 'end' ? Math.max(0, duration - 0.05) : Math.min(at, Math.max(0, duration / 2))), signal);
}

/** Loads a detached <video> and seeks it to exactly `seconds` (within the clip). Caller clears src afterwards. */
export function seekDetachedExact(src: string, seconds: number): Promise<HTMLVideoElement> {
  return openAndSeek(src, (duration) => Math.min(Math.max(0, seconds), duration));
}

/**
 * Waits for a seek in flight to land and its frame to be drawable, so the picture grabbed is the frame
 * the viewer says it shows. Bounded like every other wait here: a seek that never lands is an error
 * the action can show, not a button that silently does nothing.
 */
export async function settled(el: HTMLVideoElement): Promise<void> {
  if (el.seeking) {
    await waitFor(el, { events: ['seeked'], ready: () => !el.seeking, pollMs: DRAWABLE_POLL_MS, timeoutMs: STEP_TIMEOUT_MS, what: 'seeked' });
  }
  await untilDrawable(el);
}

export function release(v: HTMLVideoElement): void {
  v.removeAttribute('src');
  v.load();
}
