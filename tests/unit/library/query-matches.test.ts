import { describe, expect, it } from 'vitest';
import { queryLibrary, type LibraryQuery } from '../../../electron/core/library/library-query.js';
import { matchingRows, narrows, type FilterKey } from '../../../electron/core/library/query-matches.js';
import type { LibraryEntry } from '../../../shared/domain/video.js';
import { makeSidecar } from './make-sidecar.js';

/**
 * Typing and scrolling reuse what earlier queries matched: the answers must be
 * exactly those of a fresh pass over the whole library, for every keystroke
 * (narrowing, backspacing, other filters changing) and every page.
 */

const WORDS = ['fox', 'forest', 'fog', 'red', 'whale', 'sea', 'snow', 'night', 'neon', 'rain'];

function entry(n: number): LibraryEntry {
  const prompt = `${WORDS[n % 10]} ${WORDS[(n * 7) % 10]} take ${n}`;
  const sidecar = makeSidecar(n, {
    request: { prompt, duration: ([4, 6, 8] as const)[n % 3], aspect_ratio: n % 4 === 0 ? '9:16' : '16:9' },
    sidecar: { user: { favorite: n % 5 === 0, tags: n % 6 === 0 ? ['hero'] : [] } },
  });
  return { id: sidecar.id, dir: '/out', sidecarName: `clip-${n}.keyframe.json`, videoMissing: false, sidecar };
}

const library = Object.freeze(Array.from({ length: 400 }, (_, i) => entry(i + 1)));

/** A fresh pass: a new array of the same entries, which nothing was remembered for. */
const fresh = (q: LibraryQuery) => queryLibrary([...library], q);
const idsOf = (r: { total: number; items: LibraryEntry[] }) => ({ total: r.total, ids: r.items.map((e) => e.id) });

describe('queryLibrary with remembered matches', () => {
  it('answers every keystroke of typing and backspacing exactly as a fresh pass', () => {
    const texts = ['f', 'fo', 'fox', 'fox ', 'fox r', 'fox re', 'fox red', 'fox re', 'fox', 'fo', 'f', '', 'n', 'ne', 'neo', 'ne', 'n', 'night fog', ''];
    for (const text of texts) {
      for (const q of [{ text }, { text, favorite: true }, { text, aspect: '9:16' as const, sort: 'oldest' as const }, { text, group: 'shot' as const }]) {
        expect(idsOf(queryLibrary(library, q)), JSON.stringify(q)).toEqual(idsOf(fresh(q)));
      }
    }
  });

  it('pages through the remembered matches as a fresh pass would', () => {
    for (const offset of [0, 30, 60, 90, 390]) {
      const q = { text: 'f', offset, limit: 30 };
      expect(idsOf(queryLibrary(library, q))).toEqual(idsOf(fresh(q)));
    }
  });

  it('forgets everything when the library changes (a new entries array)', () => {
    const before = queryLibrary(library, { text: 'whale' });
    const gone = before.items[0] as LibraryEntry;
    const changed = Object.freeze(library.filter((e) => e !== gone));
    const after = queryLibrary(changed, { text: 'whale' });
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((e) => e.id)).not.toContain(gone.id);
    expect(idsOf(after)).toEqual(idsOf(queryLibrary([...changed], { text: 'whale' })));
  });
});

describe('matchingRows', () => {
  const key = (words: string[], rest = '{}'): FilterKey => ({ rest, words });

  it('filters a narrowing query from the rows of the one it narrows, not from all of them', () => {
    const owner = {};
    const rows = Array.from({ length: 1000 }, (_, i) => `row ${i} ${i % 10 === 0 ? 'fox' : 'cat'}`);
    let looked = 0;
    const match = (w: string[]) => (r: string) => (looked++, w.every((x) => r.includes(x)));
    expect(matchingRows(owner, rows, key(['fo']), match(['fo']))).toHaveLength(100);
    looked = 0;
    expect(matchingRows(owner, rows, key(['fox']), match(['fox']))).toHaveLength(100);
    expect(looked).toBe(100);
    // Back to a text asked before: remembered, nothing looked at.
    looked = 0;
    expect(matchingRows(owner, rows, key(['fo']), match(['fo']))).toHaveLength(100);
    expect(looked).toBe(0);
    // Other filters: not a narrowing of anything remembered, so all rows are looked at.
    looked = 0;
    matchingRows(owner, rows, key(['fox'], '{"favorite":true}'), match(['fox']));
    expect(looked).toBe(1000);
  });

  it('narrows only when every old word lies inside a new word and the rest is equal', () => {
    expect(narrows(key(['fox']), key(['fo']))).toBe(true);
    expect(narrows(key(['red', 'fox']), key(['fo']))).toBe(true);
    expect(narrows(key(['fox']), key([]))).toBe(true);
    expect(narrows(key(['fo']), key(['fox']))).toBe(false);
    expect(narrows(key(['fox']), key(['fo', 'red']))).toBe(false);
    expect(narrows(key(['fox'], '{"a":1}'), key(['fo'], '{"a":2}'))).toBe(false);
  });
});
