import type { AspectRatio } from '../../../../shared/domain/generation.js';

const NAMED: [number, string][] = [
  [16 / 9, '16:9'],
  [9 / 16, '9:16'],
  [4 / 3, '4:3'],
  [3 / 4, '3:4'],
  [1, '1:1'],
  [3 / 2, '3:2'],
  [2 / 3, '2:3'],
  [21 / 9, '21:9'],
];

/** "4:3" for common shapes, "1.25:1" otherwise. */
export function ratioLabel(width: number, height: number): string {
  const r = width / height;
  const named = NAMED.find(([v]) => Math.abs(v - r) / v < 0.015);
  return named ? named[1] : `${r.toFixed(2)}:1`;
}

/** True when the image would be padded or cropped noticeably (more than 2 %). */
export function aspectDiffers(width: number, height: number, aspect: AspectRatio): boolean {
  const target = aspect === '16:9' ? 16 / 9 : 9 / 16;
  return Math.abs(width / height - target) / target > 0.02;
}
