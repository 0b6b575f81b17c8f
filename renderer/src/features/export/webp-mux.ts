/**
 * An animated WebP from single WebP frames. Browsers encode a canvas to a
 * single WebP image (`convertToBlob({ type: 'image/webp' })`) but never to an
 * animated one; the container is simple RIFF, so the frames' own compressed
 * chunks (VP8 / VP8L, with ALPH when there is alpha) are wrapped here, each in
 * an ANMF chunk with its duration, behind a VP8X and an ANIM header. No pixel
 * is encoded twice. (An animated GIF would need a palette encoder: 256
 * colours dither skin and skies badly, and no well-kept one ships with the app.)
 */

export interface WebpFrame {
  /** A complete single-image WebP file (RIFF…WEBP). */
  webp: Uint8Array;
  durationMs: number;
}

export interface AnimationOptions {
  width: number;
  height: number;
  /** 0 loops forever. */
  loops?: number;
  /** ARGB background for players that clear between loops. */
  background?: number;
}

interface Chunk {
  fourcc: string;
  data: Uint8Array;
}

/** The chunks of a WebP file; throws when it is not one. */
export function webpChunks(file: Uint8Array): Chunk[] {
  const ascii = (at: number) => String.fromCharCode(...file.subarray(at, at + 4));
  if (file.length < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WEBP') throw new Error('Not a WebP image.');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const end = Math.min(file.length, 8 + view.getUint32(4, true));
  const chunks: Chunk[] = [];
  for (let at = 12; at + 8 <= end; ) {
    const size = view.getUint32(at + 4, true);
    if (at + 8 + size > end) throw new Error('A WebP chunk runs past the end of the file.');
    chunks.push({ fourcc: ascii(at), data: file.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  return chunks;
}

export function muxAnimatedWebp(frames: readonly WebpFrame[], opts: AnimationOptions): Uint8Array {
  if (frames.length === 0) throw new Error('An animation needs at least one frame.');
  let alpha = false;
  const anmf = frames.map((f) => {
    // The image data of a frame: ALPH (if any) and VP8/VP8L. VP8X, ICCP, EXIF and XMP belong to the whole file.
    const image = webpChunks(f.webp).filter((c) => c.fourcc === 'ALPH' || c.fourcc === 'VP8 ' || c.fourcc === 'VP8L');
    if (!image.some((c) => c.fourcc === 'VP8 ' || c.fourcc === 'VP8L')) throw new Error('A frame has no image data.');
    if (image.some((c) => c.fourcc === 'ALPH' || c.fourcc === 'VP8L')) alpha = true;
    const header = new Uint8Array(16);
    put24(header, 0, 0);
    put24(header, 3, 0);
    put24(header, 6, opts.width - 1);
    put24(header, 9, opts.height - 1);
    put24(header, 12, Math.max(1, Math.min(0xffffff, Math.round(f.durationMs))));
    // Do not blend with the previous frame, do not dispose: every frame covers the whole canvas.
    header[15] = 0b10;
    return chunk('ANMF', concat([header, ...image.map((c) => chunk(c.fourcc, c.data))]));
  });
  const vp8x = new Uint8Array(10);
  vp8x[0] = 0x02 | (alpha ? 0x10 : 0);
  put24(vp8x, 4, opts.width - 1);
  put24(vp8x, 7, opts.height - 1);
  const anim = new Uint8Array(6);
  new DataView(anim.buffer).setUint32(0, opts.background ?? 0xff000000, true);
  new DataView(anim.buffer).setUint16(4, opts.loops ?? 0, true);
  const body = concat([ascii4('WEBP'), chunk('VP8X', vp8x), chunk('ANIM', anim), ...anmf]);
  const riff = new Uint8Array(8 + body.length);
  riff.set(ascii4('RIFF'), 0);
  new DataView(riff.buffer).setUint32(4, body.length, true);
  riff.set(body, 8);
  return riff;
}

function chunk(fourcc: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length & 1));
  out.set(ascii4(fourcc), 0);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

function put24(buf: Uint8Array, at: number, value: number): void {
  buf[at] = value & 0xff;
  buf[at + 1] = (value >> 8) & 0xff;
  buf[at + 2] = (value >> 16) & 0xff;
}

const ascii4 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
