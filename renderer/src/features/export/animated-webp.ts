import { muxAnimatedWebp, type WebpFrame } from './webp-mux';

/**
 * A trimmed range of a clip as an animated WebP: frames decoded with
 * mediabunny at `fps`, scaled to `width`, each encoded by the browser's own
 * WebP encoder and wrapped into one animation (see webp-mux.ts).
 */

export interface AnimatedWebpOptions {
  url: string;
  in: number;
  out: number;
  /** Frames per second of the animation (default 12: smooth enough, a quarter of the size of 24). */
  fps?: number;
  /** Width in pixels (default 480); the height keeps the clip's shape. */
  width?: number;
  /** 0–1 (default 0.8). */
  quality?: number;
  signal?: AbortSignal;
}

export async function animatedWebp(opts: AnimatedWebpOptions): Promise<Blob> {
  const mb = await import('mediabunny');
  const fps = opts.fps ?? 12;
  const count = Math.max(1, Math.round((opts.out - opts.in) * fps));
  const input = new mb.Input({ source: new mb.UrlSource(opts.url), formats: mb.ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('The clip has no video track.');
    const width = Math.round(opts.width ?? Math.min(480, track.displayWidth));
    const height = Math.max(1, Math.round((width * track.displayHeight) / Math.max(1, track.displayWidth)));
    const frame = new OffscreenCanvas(width, height);
    const ctx = frame.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('No 2D canvas here.');
    const sink = new mb.CanvasSink(track, { width, height, fit: 'contain' });
    const times = Array.from({ length: count }, (_, k) => opts.in + (k + 0.25) / fps);
    const frames: WebpFrame[] = [];
    // Each frame's duration from the animation's own clock, so rounding to milliseconds never drifts.
    const msAt = (k: number) => Math.round((k * 1000) / fps);
    let k = 0;
    for await (const wrapped of sink.canvasesAtTimestamps(times)) {
      opts.signal?.throwIfAborted();
      if (wrapped) ctx.drawImage(wrapped.canvas, 0, 0, width, height);
      const blob = await frame.convertToBlob({ type: 'image/webp', quality: opts.quality ?? 0.8 });
      if (blob.type !== 'image/webp') throw new Error('This browser cannot encode WebP images.');
      frames.push({ webp: new Uint8Array(await blob.arrayBuffer()), durationMs: msAt(k + 1) - msAt(k) });
      k++;
    }
    return new Blob([muxAnimatedWebp(frames, { width, height }) as BlobPart], { type: 'image/webp' });
  } finally {
    input.dispose();
  }
}
