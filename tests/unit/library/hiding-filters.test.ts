import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryLibrary, type LibraryQuery } from '../../../electron/core/library/library-query.js';
import { toVideoView } from '../../../electron/services/views.js';
import { hidingFilters } from '../../../renderer/src/features/library/hiding-filters.js';
import type { LibraryEntry } from '../../../shared/domain/video.js';
import { makeSidecar } from './make-sidecar.js';

/**
 * "Open result" drops the filters that hide the opened clip, worked out in the page from its record.
 * The page's rule and main's search must never disagree: a filter the page thinks harmless but main
 * applies would still hide the clip; one the page drops needlessly loses the person's filter.
 */

const WORDS = ['fox', 'Fox', 'whale', '여우', 'red', 'RED', 'sea', 'é', 'é'];
const TAGS = ['hero', 'HERO', 'night', 'b-roll', 'é', 'é', '여우'];

const entryArb = fc
  .record({
    n: fc.integer({ min: 1, max: 500 }),
    prompt: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
    negative: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
    model: fc.constantFrom('veo3.1-fast-official', 'veo3.1-quality-official'),
    resolution: fc.constantFrom('720p', '1080p', '4K'),
    aspect: fc.constantFrom('16:9', '9:16'),
    duration: fc.constantFrom(4, 6, 8),
    audio: fc.boolean(),
    favorite: fc.boolean(),
    tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3, selector: (t) => t.normalize('NFC').toLowerCase() }),
  })
  .map((r): LibraryEntry => {
    const sidecar = makeSidecar(r.n, {
      request: { prompt: r.prompt, negative_prompt: r.negative, model: r.model, resolution: r.resolution, aspect_ratio: r.aspect, duration: r.duration, generate_audio: r.audio },
      sidecar: { user: { favorite: r.favorite, tags: r.tags } },
    });
    return { id: sidecar.id, dir: '/out', sidecarName: `clip-${r.n}.keyframe.json`, videoMissing: false, sidecar };
  });

const T0 = 1_700_000_000_000;
const filtersArb: fc.Arbitrary<LibraryQuery> = fc.record(
  {
    text: fc.array(fc.constantFrom(...WORDS, ...TAGS, ''), { maxLength: 3 }).map((w) => w.join(' ')),
    tags: fc.array(fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    model: fc.constantFrom('fast', 'quality', 'veo3.1-fast-official', 'veo3.1-quality-official'),
    resolution: fc.constantFrom('720p', '1080p', '4K'),
    aspect: fc.constantFrom('16:9', '9:16'),
    duration: fc.constantFrom(4, 6, 8),
    audio: fc.boolean(),
    favorite: fc.boolean(),
    from: fc.integer({ min: T0, max: T0 + 600_000 }),
    to: fc.integer({ min: T0, max: T0 + 600_000 }),
    sort: fc.constantFrom('newest', 'oldest'),
  },
  { requiredKeys: [] },
);

const view = (e: LibraryEntry) => toVideoView(e, (kind, id) => `keyframe-media://${kind}/${id}`);

describe('hidingFilters agrees with main’s search', () => {
  it('a clip is hidden exactly when some filter is named, and shown once those are dropped', () => {
    fc.assert(
      fc.property(entryArb, filtersArb, (entry, filters) => {
        const hiding = hidingFilters(view(entry), filters);
        expect(queryLibrary([entry], filters).total).toBe(hiding.length === 0 ? 1 : 0);
        const dropped = { ...filters, ...Object.fromEntries(hiding.map((k) => [k, undefined])) };
        expect(queryLibrary([entry], dropped).total).toBe(1);
        // Only the hiding ones go: each named filter alone would hide the clip.
        for (const k of hiding) expect(queryLibrary([entry], { [k]: filters[k] }).total).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('names nothing for the sort order or an empty search', () => {
    const e = makeSidecar(1);
    const entry: LibraryEntry = { id: e.id, dir: '/out', sidecarName: 'c.keyframe.json', videoMissing: false, sidecar: e };
    expect(hidingFilters(view(entry), { sort: 'oldest', text: '' })).toEqual([]);
  });
});
