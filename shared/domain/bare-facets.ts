import type { AspectRatio, Resolution } from './generation-options.js';
import type { ContainerInfo } from './bare-video.js';

/*
 * What a bare video's container says, as the library's filters compare it.
 * Apart from the bare video's schemas (bare-video.ts re-exports it): the page's
 * library reads it from the first paint on, and zod must not load for that.
 */

/**
 * The request settings a bare video matches: a 1920×1080 clip is "1080p, 16:9"
 * whoever made it. Sizes that are none of Keyframe's choices match no
 * resolution or aspect filter.
 */
export interface BareFacets {
  resolution?: Resolution;
  aspect?: AspectRatio;
  /** Whole seconds, as the duration filter counts them. */
  seconds: number;
  audio: boolean;
}

const SHORT_SIDES: ReadonlyArray<[number, Resolution]> = [
  [720, '720p'],
  [1080, '1080p'],
  [2160, '4K'],
];

export function bareFacets(c: ContainerInfo): BareFacets {
  const { width, height } = c;
  const facets: BareFacets = { seconds: Math.round(c.durationS), audio: c.audioCodec !== undefined };
  if (width === undefined || height === undefined || width === 0 || height === 0) return facets;
  const short = Math.min(width, height);
  const resolution = SHORT_SIDES.find(([side]) => side === short)?.[1];
  const ratio = width / height;
  // Encoders round odd sizes (1080 → 1088 rows), so "16:9" is a ratio within 2 %.
  const aspect = Math.abs(ratio - 16 / 9) < 0.04 ? '16:9' : Math.abs(ratio - 9 / 16) < 0.02 ? '9:16' : undefined;
  return { ...facets, ...(resolution ? { resolution } : {}), ...(aspect ? { aspect } : {}) };
}
