import { sniffImageType } from '../core/frames/image-type.js';

/**
 * Pixel size of a PNG, JPEG, GIF or WebP from its header, so the compose
 * panel can warn about a frame whose shape does not match the aspect ratio
 * without decoding the image. Pure and defensive: the bytes come from the
 * page, so every read is bounds-checked and anything odd gives `undefined`.
 */
export interface ImageSize {
  width: number;
  height: number;
}

export function imageSize(b: Uint8Array): ImageSize | undefined {
  const size = read(b);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

function read(b: Uint8Array): ImageSize | undefined {
  switch (sniffImageType(b.subarray(0, 16))) {
    case 'image/png':
      return pngSize(b);
    case 'image/gif':
      return b.length >= 10 ? { width: le16(b, 6), height: le16(b, 8) } : undefined;
    case 'image/jpeg':
      return jpegSize(b);
    case 'image/webp':
      return webpSize(b);
    default:
      return undefined;
  }
}

const u8 = (b: Uint8Array, i: number): number => b[i] ?? 0;
const le16 = (b: Uint8Array, i: number): number => u8(b, i) | (u8(b, i + 1) << 8);
const be16 = (b: Uint8Array, i: number): number => (u8(b, i) << 8) | u8(b, i + 1);
const le24 = (b: Uint8Array, i: number): number => le16(b, i) | (u8(b, i + 2) << 16);
const be32 = (b: Uint8Array, i: number): number => ((u8(b, i) << 24) >>> 0) + (u8(b, i + 1) << 16) + (u8(b, i + 2) << 8) + u8(b, i + 3);
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

/** The IHDR chunk must come first (PNG spec), so its fields sit at fixed offsets. */
function pngSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR') return undefined;
  return { width: be32(b, 16), height: be32(b, 20) };
}

/** Walks the marker segments up to the first start-of-frame (SOF0–SOF15 bar DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = u8(b, i + 1);
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    // Markers without a length field.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: be16(b, i + 5), width: be16(b, i + 7) };
    }
    const len = be16(b, i + 2);
    if (len < 2) return undefined;
    i += 2 + len;
  }
  return undefined;
}

/** Lossy (VP8), lossless (VP8L) and extended (VP8X) WebP each keep the size differently. */
function webpSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 30) return undefined;
  switch (ascii(b, 12, 16)) {
    case 'VP8 ':
      // Key frame start code 9d 01 2a, then 14-bit width and height (top 2 bits are scaling).
      if (u8(b, 23) !== 0x9d || u8(b, 24) !== 0x01 || u8(b, 25) !== 0x2a) return undefined;
      return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
    case 'VP8L':
      if (u8(b, 20) !== 0x2f) return undefined;
      return {
        width: 1 + (((u8(b, 22) & 0x3f) << 8) | u8(b, 21)),
        height: 1 + (((u8(b, 24) & 0x0f) << 10) | (u8(b, 23) << 2) | ((u8(b, 22) & 0xc0) >> 6)),
      };
    case 'VP8X':
      return { width: 1 + le24(b, 24), height: 1 + le24(b, 27) };
    default:
      return undefined;
  }
}
