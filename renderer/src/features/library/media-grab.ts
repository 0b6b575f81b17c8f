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
export async function grabFrameAt(video: HTMLVideoElement, time: number, type: 'image/jpeg' | 'image/png', maxWidth = Infinity): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    await seekExactly(video, time);
    try {
      return await grabFrame(video, type, maxWidth);
    } catch (err) {
      if (!(err instanceof BlankFrameError) || attempt >= BLANK_RETRIES) throw err;
    }
  }
}

function once(el: HTMLMediaElement, event: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${event}`)), timeoutMs);
    const ok = () => done();
    const bad = () => done(new Error('The video could not be read.'));
    function done(err?: Error) {
      clearTimeout(timer);
      el.removeEventListener(event, ok);
      el.removeEventListener('error', bad);
      if (err) reject(err);
      else resolve();
    }
    el.addEventListener(event, ok);
    el.addEventListener('error', bad);
  });
}

/** Loads a detached <video> (never on screen) up to its metadata. Caller releases it. */
export async function openDetached(src: string): Promise<HTMLVideoElement> {
  const v = document.createElement('video');
  v.crossOrigin = 'anonymous';
  v.preload = 'metadata';
  v.muted = true;
  const meta = once(v, 'loadedmetadata', 15_000);
  v.src = src;
  await meta;
  return v;
}

/** Seeks to exactly `time` seconds and waits until that frame can be drawn. */
export async function seekExactly(v: HTMLVideoElement, time: number): Promise<void> {
  const seeked = once(v, 'seeked', 15_000);
  v.currentTime = time;
  await seeked;
  if (v.readyState < 2) await once(v, 'loadeddata', 15_000);
}

/** Loads a detached <video> and seeks it to `at` seconds ('end' = the last frame). Caller clears src afterwards. */
export async function seekDetached(src: string, at: number | 'end'): Promise<HTMLVideoElement> {
  const v = await openDetached(src);
  // A poster's moment: never past the middle, so a short clip still shows what it is about.
  await seekExactly(v, at === 'end' ? Math.max(0, v.duration - 0.05) : Math.min(at, Math.max(0, v.duration / 2)));
  return v;
}

/** Loads a detached <video> and seeks it to exactly `seconds` (within the clip). Caller clears src afterwards. */
export async function seekDetachedExact(src: string, seconds: number): Promise<HTMLVideoElement> {
  const v = await openDetached(src);
  await seekExactly(v, Math.min(Math.max(0, seconds), v.duration));
  return v;
}

/** Waits for a seek in flight to land, so the picture grabbed is the frame the viewer says it shows. */
export function settled(el: HTMLVideoElement): Promise<void> {
  if (!el.seeking && el.readyState >= 2) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      el.removeEventListener('seeked', done);
      el.removeEventListener('loadeddata', done);
      resolve();
    };
    el.addEventListener('seeked', done);
    el.addEventListener('loadeddata', done);
  });
}

export function release(v: HTMLVideoElement): void {
  v.removeAttribute('src');
  v.load();
}
