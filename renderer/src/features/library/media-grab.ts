/** Frames grabbed from a video onto a canvas, as JPEG/PNG base64 for the API (no data: prefix). */

export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(blob);
  });
}

export async function grabFrame(video: HTMLVideoElement, type: 'image/jpeg' | 'image/png', maxWidth = Infinity): Promise<string> {
  const scale = Math.min(1, maxWidth / (video.videoWidth || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No canvas');
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.85));
  if (!blob) throw new Error('The frame could not be encoded.');
  return blobToBase64(blob);
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

/** Loads a detached <video> and seeks it to `at` seconds ('end' = the last frame). Caller clears src afterwards. */
export function seekDetached(src: string, at: number | 'end'): Promise<HTMLVideoElement> {
  // A poster's moment: never past the middle, so a short clip still shows what it is about.
  return openDetached(src, (duration) => (at === 'end' ? Math.max(0, duration - 0.05) : Math.min(at, Math.max(0, duration / 2))));
}

/** Loads a detached <video> and seeks it to exactly `seconds` (within the clip). Caller clears src afterwards. */
export function seekDetachedExact(src: string, seconds: number): Promise<HTMLVideoElement> {
  return openDetached(src, (duration) => Math.min(Math.max(0, seconds), duration));
}

async function openDetached(src: string, target: (duration: number) => number): Promise<HTMLVideoElement> {
  const v = document.createElement('video');
  v.crossOrigin = 'anonymous';
  v.preload = 'metadata';
  v.muted = true;
  const meta = once(v, 'loadedmetadata', 15_000);
  v.src = src;
  await meta;
  const seeked = once(v, 'seeked', 15_000);
  v.currentTime = target(v.duration);
  await seeked;
  if (v.readyState < 2) await once(v, 'loadeddata', 15_000);
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
