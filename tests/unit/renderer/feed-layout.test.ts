import { describe, expect, it } from 'vitest';
import { feedLayout, JOB_GAP, JOB_HEAD, MAX_COLS, MIN_TILE, perRow, jobHeight, TILE_GAP } from '../../../renderer/src/features/studio/feed-layout.js';

/** The results feed's geometry: same-height tiles, as many columns as fit, takes wrapping onto rows. */

describe('feedLayout', () => {
  it.each([
    [200, 1],
    [MIN_TILE * 2 + TILE_GAP, 2],
    [730, 3],
    [1600, MAX_COLS],
    [4000, MAX_COLS],
  ])('at %i px has %i column(s), never narrower than the minimum', (width, cols) => {
    const l = feedLayout(width);
    expect(l.cols).toBe(cols);
    if (cols > 1) expect(l.tileW).toBeGreaterThanOrEqual(MIN_TILE);
    expect(l.cols * l.tileW + (l.cols - 1) * TILE_GAP).toBeLessThanOrEqual(width);
  });

  it('makes landscape tiles 16:9 and portrait ones 9:16 at the same height', () => {
    const l = feedLayout(1000);
    expect(l.tileH).toBe(Math.round((l.tileW * 9) / 16));
    expect(l.portraitW).toBe(Math.round((l.tileH * 9) / 16));
  });

  it('has no negative sizes before the feed is measured', () => {
    const l = feedLayout(0);
    expect(l.cols).toBe(1);
    expect(l.tileW).toBeGreaterThan(0);
  });
});

describe('perRow and jobHeight', () => {
  const l = feedLayout(730);

  it('fits more portrait tiles on a row than landscape ones', () => {
    expect(perRow(l, '16:9')).toBe(3);
    expect(perRow(l, '9:16')).toBeGreaterThan(3);
  });

  it('adds a row of tiles when the takes do not fit on one', () => {
    expect(jobHeight(l, 1, '16:9')).toBe(JOB_HEAD + l.tileH + JOB_GAP);
    expect(jobHeight(l, 3, '16:9')).toBe(JOB_HEAD + l.tileH + JOB_GAP);
    expect(jobHeight(l, 4, '16:9')).toBe(JOB_HEAD + 2 * l.tileH + TILE_GAP + JOB_GAP);
    expect(jobHeight(l, 4, '9:16')).toBe(JOB_HEAD + l.tileH + JOB_GAP);
  });
});
