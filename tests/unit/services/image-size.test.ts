import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoFixtures } from '../../../electron/core/demo/fixtures.js';
import { imageSize } from '../../../electron/services/image-size.js';
import { tinyPng } from '../../support/queue-helpers.js';

/** First 32 bytes of real files made with ffmpeg (testsrc 33×17 WebP, 37×19 GIF): the parser reads no further. */
const REAL_HEADS = {
  lossyWebp: ['52494646c60100005745425056503820ba010000500b009d012a210011003e91', { width: 33, height: 17 }],
  losslessWebp: ['52494646a4000000574542505650384c970000002f20000400601adb569cebe9', { width: 33, height: 17 }],
  gif: ['47494638396125001300f71f310000002400004800006c0000900000b40000d8', { width: 37, height: 19 }],
} as const;

function pngHead(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

function webpExtended(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

describe('imageSize', () => {
  it('reads PNG sizes, large ones included', () => {
    expect(imageSize(tinyPng())).toEqual({ width: 2, height: 2 });
    expect(imageSize(pngHead(3840, 2160))).toEqual({ width: 3840, height: 2160 });
    expect(imageSize(pngHead(0x80000000, 1))).toEqual({ width: 0x80000000, height: 1 });
  });

  it('reads real JPEGs (marker walk past JFIF and comment segments)', async () => {
    const sizes = await Promise.all(demoFixtures().map(async (f) => imageSize(await readFile(f.thumbnail))));
    expect(sizes).toEqual(expect.arrayContaining([{ width: 160, height: 90 }, { width: 160, height: 284 }]));
  });

  it('reads GIF and the three WebP flavours', () => {
    for (const [hex, size] of Object.values(REAL_HEADS)) expect(imageSize(Buffer.from(hex, 'hex'))).toEqual(size);
    expect(imageSize(webpExtended(4096, 2304))).toEqual({ width: 4096, height: 2304 });
  });

  it('gives undefined for truncated or unknown data instead of guessing', () => {
    expect(imageSize(pngHead(10, 10).subarray(0, 20))).toBeUndefined();
    expect(imageSize(pngHead(0, 10))).toBeUndefined();
    expect(imageSize(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBeUndefined();
    expect(imageSize(Buffer.from('%PDF-1.7 not an image'))).toBeUndefined();
    expect(imageSize(new Uint8Array(0))).toBeUndefined();
  });

  it('never throws on hostile bytes behind a valid signature', () => {
    const signatures = [pngHead(1, 1).subarray(0, 8), Buffer.from('ffd8ff', 'hex'), Buffer.from('GIF89a'), Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.from('RIFF\0\0\0\0WEBPVP8L')];
    fc.assert(
      fc.property(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 300 }), (sig, rest) => {
        const size = imageSize(Buffer.concat([sig, rest]));
        return size === undefined || (Number.isInteger(size.width) && Number.isInteger(size.height) && size.width > 0 && size.height > 0);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});
