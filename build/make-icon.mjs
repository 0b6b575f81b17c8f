// Draws build/icon.png (1024², electron-builder derives .icns/.ico from it) and
// build/drag-icon.png (64², the cursor image when a video is dragged out).
// Pure Node (zlib PNG encoder, 4×4 supersampling), so it runs on any machine:
//   node build/make-icon.mjs
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Geometry in a 1024 unit square.
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inDiamond = (x, y, cx, cy, h) => Math.abs(x - cx) + Math.abs(y - cy) <= h;
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** Colour (rgba 0..1, straight alpha) of one sample point: painter's algorithm, top layer last. */
function sample(x, y) {
  if (!inRoundRect(x, y, 100, 100, 924, 924, 186)) return [0, 0, 0, 0];
  // Background: deep indigo, lighter toward the top-left, like light falling on a screen.
  const t = Math.min(1, Math.max(0, (x + y - 200) / 1648));
  let c = [...mix([0.27, 0.25, 0.62], [0.06, 0.06, 0.16], t), 1];
  // Timeline track through the middle.
  if (Math.abs(y - 512) <= 9 && x >= 196 && x <= 828) c = [...mix(c.slice(0, 3), [1, 1, 1], 0.38), 1];
  // Neighbouring keyframes, small and quiet.
  for (const kx of [268, 756]) if (inDiamond(x, y, kx, 512, 44)) c = [...mix(c.slice(0, 3), [1, 1, 1], 0.72), 1];
  // The keyframe: an amber diamond with a soft highlight on its upper half.
  if (inDiamond(x, y, 512, 512, 190)) {
    const glow = Math.max(0, (512 - y) / 190) * 0.35;
    c = [...mix([1.0, 0.69, 0.25], [1, 0.93, 0.75], glow), 1];
    // An inset ring gives it depth without clutter.
    if (!inDiamond(x, y, 512, 512, 150) && inDiamond(x, y, 512, 512, 164)) c = [...mix(c.slice(0, 3), [0.55, 0.3, 0.05], 0.35), 1];
  }
  return c;
}

function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const ss = 4;
  const k = 1024 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / ss) * k, (py + (sy + 0.5) / ss) * k);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = ss * ss;
      out[i] = a ? Math.round((r / a) * 255) : 0;
      out[i + 1] = a ? Math.round((g / a) * 255) : 0;
      out[i + 2] = a ? Math.round((b / a) * 255) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png(size, out);
}

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
writeFileSync(here('./icon.png'), render(1024));
writeFileSync(here('./drag-icon.png'), render(64));
console.log('wrote build/icon.png (1024x1024) and build/drag-icon.png (64x64)');
