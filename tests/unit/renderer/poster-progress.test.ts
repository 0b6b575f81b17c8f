import { describe, expect, it } from 'vitest';
import { PosterProgressSchema } from '../../../shared/ipc/poster-views.js';
import { NO_POSTER_PROGRESS, posterIndicator, postersToMake, reducePosterProgress } from '../../../renderer/src/features/library/poster-progress.js';

/**
 * The poster catch-up indicator: shown from main's counts while posters are
 * left to make, gone once caught up, and not kept up forever by videos the
 * page could not make a poster for.
 */

const counts = (total: number, missing: number) => reducePosterProgress(NO_POSTER_PROGRESS, { type: 'counts', counts: { total, missing } });

describe('poster progress', () => {
  it('shows nothing before the first counts, then made against needed while any are missing', () => {
    expect(posterIndicator(NO_POSTER_PROGRESS)).toBeUndefined();
    expect(posterIndicator(counts(10_000, 8_766))).toEqual({ done: 1_234, total: 10_000 });
    expect(posterIndicator(counts(10_000, 0))).toBeUndefined();
    expect(posterIndicator(counts(0, 0))).toBeUndefined();
  });

  it('takes newer counts as they come (a folder added raises both)', () => {
    let s = counts(100, 0);
    s = reducePosterProgress(s, { type: 'counts', counts: { total: 10_100, missing: 10_000 } });
    expect(posterIndicator(s)).toEqual({ done: 100, total: 10_100 });
  });

  it('counts a failed video once, and is caught up when only failed ones are missing', () => {
    let s = counts(50, 2);
    s = reducePosterProgress(s, { type: 'failed', id: 'bad-0' });
    s = reducePosterProgress(s, { type: 'failed', id: 'bad-0' });
    expect(s.failed).toEqual(['bad-0']);
    expect(postersToMake(s)).toBe(1);
    expect(posterIndicator(s)).toEqual({ done: 48, total: 50 });
    s = reducePosterProgress(s, { type: 'failed', id: 'bad-1' });
    expect(postersToMake(s)).toBe(0);
    expect(posterIndicator(s)).toBeUndefined();
  });

  it('the event payload is checked: whole non-negative counts, nothing else', () => {
    expect(PosterProgressSchema.parse({ total: 3, missing: 1 })).toEqual({ total: 3, missing: 1 });
    for (const bad of [{ total: -1, missing: 0 }, { total: 1.5, missing: 0 }, { total: 1 }, { total: 1, missing: 0, extra: true }, null]) {
      expect(PosterProgressSchema.safeParse(bad).success).toBe(false);
    }
  });
});
