import { describe, expect, it } from 'vitest';
import { EXTENSION_FOR, sniffImageType } from '../../../electron/core/frames/image-type.js';
import { HEADS, bytes } from './heads.js';

describe('sniffImageType', () => {
  it.each([
    ['JPEG', HEADS.jpeg, 'image/jpeg'],
    ['PNG', HEADS.png, 'image/png'],
    ['GIF87a', HEADS.gif87, 'image/gif'],
    ['GIF89a', HEADS.gif89, 'image/gif'],
    ['WebP', HEADS.webp, 'image/webp'],
  ] as const)('recognises %s by its magic bytes', (_name, head, type) => {
    expect(sniffImageType(head)).toBe(type);
  });

  it.each([
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ')],
    ['MP4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0])],
    ['empty', new Uint8Array(0)],
    ['WAV (RIFF but not WEBP)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['plain text', bytes('hello, world')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['BMP', bytes('BM', [0x36, 0, 0, 0])],
  ])('rejects %s', (_name, head) => {
    expect(sniffImageType(head)).toBeUndefined();
  });

  it('rejects truncated headers that are only a prefix of a signature', () => {
    expect(sniffImageType(HEADS.jpeg.subarray(0, 2))).toBeUndefined();
    expect(sniffImageType(HEADS.png.subarray(0, 7))).toBeUndefined();
    expect(sniffImageType(HEADS.gif89.subarray(0, 5))).toBeUndefined();
    expect(sniffImageType(HEADS.webp.subarray(0, 11))).toBeUndefined();
  });

  it('has an extension for every type', () => {
    expect(EXTENSION_FOR).toEqual({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' });
  });
});
