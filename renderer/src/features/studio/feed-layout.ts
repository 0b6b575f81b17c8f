import type { AspectRatio } from '../../../../shared/domain/generation.js';

/**
 * The results feed's geometry, from the width it has: every tile the same
 * height across the feed (so rows line up), landscape tiles 16:9 at the
 * column width, portrait tiles 9:16 at that height. A job's takes wrap onto
 * more rows when they do not fit. The virtualised list estimates each job's
 * height with this before it measures the real one.
 */

export const TILE_GAP = 8;
/** The job's header line above its tiles. */
export const JOB_HEAD = 30;
/** Space between one job and the next. */
export const JOB_GAP = 20;
/** Narrower than this, a column is dropped. */
export const MIN_TILE = 232;
export const MAX_COLS = 4;

export interface FeedLayout {
  cols: number;
  tileW: number;
  tileH: number;
  /** Width of a portrait (9:16) tile. */
  portraitW: number;
  width: number;
}

export function feedLayout(width: number): FeedLayout {
  const w = Math.max(0, Math.floor(width));
  const cols = Math.max(1, Math.min(MAX_COLS, Math.floor((w + TILE_GAP) / (MIN_TILE + TILE_GAP))));
  const tileW = Math.max(1, Math.floor((w - TILE_GAP * (cols - 1)) / cols));
  const tileH = Math.round((tileW * 9) / 16);
  return { cols, tileW, tileH, portraitW: Math.round((tileH * 9) / 16), width: w };
}

/** How many tiles of this aspect fit on one row. */
export function perRow(layout: FeedLayout, aspect: AspectRatio): number {
  if (aspect === '16:9') return layout.cols;
  return Math.max(1, Math.floor((layout.width + TILE_GAP) / (layout.portraitW + TILE_GAP)));
}

/** A job's height in the feed: header, its rows of tiles, the gap after it. */
export function jobHeight(layout: FeedLayout, takes: number, aspect: AspectRatio): number {
  const rows = Math.max(1, Math.ceil(Math.max(1, takes) / perRow(layout, aspect)));
  return JOB_HEAD + rows * layout.tileH + (rows - 1) * TILE_GAP + JOB_GAP;
}
