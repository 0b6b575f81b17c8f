import { describe, expect, it } from 'vitest';
import { posterBacklog, posterCounts } from '../../../electron/services/poster-backlog.js';

/** Which videos still need a poster: present ones without a cached poster, in the index's order, past those the page failed on. */

const entries = [
  { id: 'a', videoMissing: false },
  { id: 'b', videoMissing: true },
  { id: 'c' },
  { id: 'd', videoMissing: false },
  { id: 'e', videoMissing: false },
];
const withPoster = new Set(['a']);
const has = (id: string) => withPoster.has(id);

describe('poster backlog', () => {
  it('counts only videos whose file is there (a bare video is its file), and those of them without a poster', () => {
    expect(posterCounts(entries, has)).toEqual({ total: 4, missing: 3 });
    expect(posterCounts([], has)).toEqual({ total: 0, missing: 0 });
  });

  it('serves a page in order, never a video with a poster or without a file, and passes over the skipped', () => {
    expect(posterBacklog(entries, has, 2, new Set()).map((e) => e.id)).toEqual(['c', 'd']);
    expect(posterBacklog(entries, has, 10, new Set(['c'])).map((e) => e.id)).toEqual(['d', 'e']);
    expect(posterBacklog(entries, () => true, 10, new Set())).toEqual([]);
  });
});
