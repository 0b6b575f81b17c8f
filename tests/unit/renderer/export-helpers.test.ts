import { describe, expect, it } from 'vitest';
import { sheetTimes, timecode } from '../../../renderer/src/features/export/contact-sheet.js';
import { etaMs } from '../../../renderer/src/features/export/eta.js';
import { frameCounts } from '../../../renderer/src/features/export/reencode-sequence.js';
import { muxAnimatedWebp, webpChunks } from '../../../renderer/src/features/export/webp-mux.js';

/** A single-image WebP as a browser writes one: RIFF, WEBP, then the given chunks. */
function webp(...chunks: [string, number[]][]): Uint8Array {
  const parts = chunks.map(([fourcc, data]) => {
    const c = new Uint8Array(8 + data.length + (data.length & 1));
    c.set(Array.from(fourcc, (ch) => ch.charCodeAt(0)), 0);
    new DataView(c.buffer).setUint32(4, data.length, true);
    c.set(data, 8);
    return c;
  });
  const body = parts.reduce((n, p) => n + p.length, 4);
  const out = new Uint8Array(8 + body);
  out.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
  new DataView(out.buffer).setUint32(4, body, true);
  out.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
  let at = 12;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u24 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);

describe('animated WebP container', () => {
  it('wraps each frame’s image chunks in an ANMF with its duration, behind VP8X (animation) and ANIM', () => {
    const a = webp(['VP8 ', [1, 2, 3]]);
    const b = webp(['VP8X', new Array<number>(10).fill(0)], ['ALPH', [9]], ['VP8 ', [4, 5]], ['EXIF', [7, 7]]);
    const file = muxAnimatedWebp([{ webp: a, durationMs: 83 }, { webp: b, durationMs: 84 }], { width: 160, height: 90 });
    const chunks = webpChunks(file);
    expect(chunks.map((c) => c.fourcc)).toEqual(['VP8X', 'ANIM', 'ANMF', 'ANMF']);
    const vp8x = chunks[0]?.data ?? new Uint8Array();
    // Animation flag, and alpha since a frame carries ALPH; canvas 160×90 stored minus one.
    expect(vp8x[0]).toBe(0x02 | 0x10);
    expect([u24(vp8x, 4) + 1, u24(vp8x, 7) + 1]).toEqual([160, 90]);
    const [first, second] = chunks.slice(2).map((c) => c.data);
    if (!first || !second) throw new Error('frames missing');
    expect([u24(first, 6) + 1, u24(first, 9) + 1, u24(first, 12)]).toEqual([160, 90, 83]);
    expect(u24(second, 12)).toBe(84);
    // Inside a frame: its image chunks only, in order (no VP8X, no EXIF), each padded to an even size.
    // An ANMF's chunks follow its 16-byte header: read them as the body of a RIFF file.
    const innerOf = (frame: Uint8Array) => {
      const wrapped = new Uint8Array(12 + frame.length - 16);
      wrapped.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
      new DataView(wrapped.buffer).setUint32(4, 4 + frame.length - 16, true);
      wrapped.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
      wrapped.set(frame.subarray(16), 12);
      return webpChunks(wrapped).map((c) => [c.fourcc, [...c.data]]);
    };
    expect(innerOf(first)).toEqual([['VP8 ', [1, 2, 3]]]);
    expect(innerOf(second)).toEqual([['ALPH', [9]], ['VP8 ', [4, 5]]]);
    expect(file.length % 2).toBe(0);
  });

  it('refuses what is not a WebP frame', () => {
    expect(() => muxAnimatedWebp([], { width: 1, height: 1 })).toThrow();
    expect(() => muxAnimatedWebp([{ webp: new Uint8Array([1, 2, 3]), durationMs: 10 }], { width: 1, height: 1 })).toThrow('Not a WebP');
    expect(() => muxAnimatedWebp([{ webp: webp(['EXIF', [1]]), durationMs: 10 }], { width: 1, height: 1 })).toThrow('no image data');
  });
});

describe('export arithmetic', () => {
  it('spreads frames over the clips so the total stays within half a frame of the summed trims', () => {
    const clips = [0.3, 1.31, 0.77, 2.01].map((len) => ({ in: 1, out: 1 + len }));
    const counts = frameCounts({ clips }, 24);
    const sum = 0.3 + 1.31 + 0.77 + 2.01;
    expect(Math.abs(counts.reduce((a, b) => a + b, 0) / 24 - sum)).toBeLessThanOrEqual(0.5 / 24);
    expect(counts.every((n) => n >= 7)).toBe(true);
  });

  it('places contact sheet frames in the middle of equal slices across clips', () => {
    const times = sheetTimes([{ url: 'a', in: 1, out: 5 }, { url: 'b', in: 0, out: 2 }], 3);
    expect(times).toEqual([
      { span: 0, time: 2, at: 1 },
      { span: 0, time: 4, at: 3 },
      { span: 1, time: 1, at: 5 },
    ]);
    expect(timecode(65.25)).toBe('1:05.2');
  });

  it('gives no time left before the rate is known', () => {
    expect(etaMs(100, 0.5)).toBeUndefined();
    expect(etaMs(1000, 0.01)).toBeUndefined();
    expect(etaMs(1000, 0.25)).toBe(3000);
    expect(etaMs(5000, 1)).toBe(0);
  });
});
