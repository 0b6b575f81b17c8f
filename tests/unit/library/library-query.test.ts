import { describe, expect, it } from 'vitest';
import { LibraryQuerySchema, queryLibrary } from '../../../electron/core/library/library-query.js';
import type { LibraryEntry, VideoSidecar } from '../../../shared/domain/video.js';
import type { GenerationRequestInput } from '../../../shared/domain/generation.js';
import { makeSidecar } from './make-sidecar.js';
import { sidecarEntry } from '../../support/library-kinds.js';

function entry(n: number, over: { request?: Partial<GenerationRequestInput>; sidecar?: Partial<VideoSidecar> } = {}): LibraryEntry {
  const sidecar = makeSidecar(n, over);
  return { id: sidecar.id, dir: '/out', sidecarName: `clip-${n}.keyframe.json`, videoMissing: false, sidecar };
}

const entries: LibraryEntry[] = [
  entry(1, { request: { prompt: 'A red fox running through snow', duration: 4 }, sidecar: { cost: { usd: 0.5 } } }),
  entry(2, { request: { prompt: 'Blue whale under the sea', negative_prompt: 'Red tint', resolution: '1080p' } }),
  entry(3, {
    request: { prompt: '붉은 여우가 눈 위를 달린다', model: 'veo3.1-quality-official', aspect_ratio: '9:16', generate_audio: true },
    sidecar: { user: { favorite: true, tags: [] }, cost: { usd: 2 } },
  }),
  entry(4, { request: { prompt: 'Fox and whale, RED sunset', duration: 6 }, sidecar: { cost: {} } }),
];
const ids = (r: { items: LibraryEntry[] }): string[] => r.items.map((e) => e.id.slice(0, 8));

describe('queryLibrary', () => {
  it('returns everything newest first by default', () => {
    expect(ids(queryLibrary(entries, {}))).toEqual(['job00004', 'job00003', 'job00002', 'job00001']);
  });

  it('matches every word, case-insensitively, in prompt and negative prompt', () => {
    expect(ids(queryLibrary(entries, { text: 'RED' }))).toEqual(['job00004', 'job00002', 'job00001']);
    expect(ids(queryLibrary(entries, { text: 'red fox' }))).toEqual(['job00004', 'job00001']);
    expect(ids(queryLibrary(entries, { text: '  fox   WHALE ' }))).toEqual(['job00004']);
    expect(ids(queryLibrary(entries, { text: '여우' }))).toEqual(['job00003']);
    expect(queryLibrary(entries, { text: 'zebra' })).toEqual({ total: 0, items: [] });
  });

  it('filters by model, resolution, aspect, duration, audio, favorite and date', () => {
    expect(ids(queryLibrary(entries, { model: 'quality' }))).toEqual(['job00003']);
    expect(ids(queryLibrary(entries, { model: 'veo3.1-fast-official' }))).toHaveLength(3);
    expect(ids(queryLibrary(entries, { resolution: '1080p' }))).toEqual(['job00002']);
    expect(ids(queryLibrary(entries, { aspect: '9:16' }))).toEqual(['job00003']);
    expect(ids(queryLibrary(entries, { duration: 4 }))).toEqual(['job00001']);
    expect(ids(queryLibrary(entries, { audio: true }))).toEqual(['job00003']);
    expect(ids(queryLibrary(entries, { favorite: false }))).toEqual(['job00004', 'job00002', 'job00001']);
    const t2 = sidecarEntry(entries[1])?.sidecar.timings.createdAt ?? 0;
    const t3 = sidecarEntry(entries[2])?.sidecar.timings.createdAt ?? 0;
    expect(ids(queryLibrary(entries, { from: t2, to: t3 }))).toEqual(['job00003', 'job00002']);
    expect(ids(queryLibrary(entries, { text: 'fox', duration: 6 }))).toEqual(['job00004']);
  });

  it('sorts by age, cost (unknown last) and duration', () => {
    expect(ids(queryLibrary(entries, { sort: 'oldest' }))).toEqual(['job00001', 'job00002', 'job00003', 'job00004']);
    // makeSidecar(2) costs 0.2 USD; entry 4 has no cost at all.
    expect(ids(queryLibrary(entries, { sort: 'cost' }))).toEqual(['job00003', 'job00001', 'job00002', 'job00004']);
    expect(ids(queryLibrary(entries, { sort: 'duration' }))).toEqual(['job00003', 'job00002', 'job00004', 'job00001']);
  });

  it('pages with offset and limit and reports the total', () => {
    const page = queryLibrary(entries, { sort: 'oldest', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(ids(page)).toEqual(['job00002', 'job00003']);
    expect(queryLibrary(entries, { offset: 10 })).toEqual({ total: 4, items: [] });
  });

  describe('tags', () => {
    const tagged = (n: number, tags: string[]) => entry(n, { request: { prompt: `clip ${n}` }, sidecar: { user: { favorite: false, tags } } });
    const library = [tagged(1, ['Hero', 'night']), tagged(2, ['hero']), tagged(3, ['night', 'B-roll']), tagged(4, []), tagged(5, ['Ärger'])];

    it('every group must match; inside a group any tag does; case and Unicode form do not matter', () => {
      expect(ids(queryLibrary(library, { tags: [['hero']] }))).toEqual(['job00002', 'job00001']);
      expect(ids(queryLibrary(library, { tags: [['HERO'], ['night']] }))).toEqual(['job00001']);
      expect(ids(queryLibrary(library, { tags: [['hero', 'b-roll']] }))).toEqual(['job00003', 'job00002', 'job00001']);
      expect(ids(queryLibrary(library, { tags: [['hero', 'night'], ['b-roll']] }))).toEqual(['job00003']);
      // "Ä" typed as A + combining diaeresis is the same tag.
      expect(ids(queryLibrary(library, { tags: [['a\u0308rger']] }))).toEqual(['job00005']);
      expect(queryLibrary(library, { tags: [['her']] }).total).toBe(0);
    });

    it('search words find tags as well as prompts', () => {
      expect(ids(queryLibrary(library, { text: 'broll' }))).toEqual([]);
      expect(ids(queryLibrary(library, { text: 'b-roll' }))).toEqual(['job00003']);
      expect(ids(queryLibrary(library, { text: 'clip NIGHT' }))).toEqual(['job00003', 'job00001']);
    });

    it('a tag edit is seen by the next query (the row is made from the new entry)', () => {
      const before = sidecarEntry(tagged(6, []));
      if (!before) throw new Error('expected a sidecar entry');
      expect(queryLibrary([before], { tags: [['hero']] }).total).toBe(0);
      const after = { ...before, sidecar: { ...before.sidecar, user: { favorite: false, tags: ['hero'] } } };
      expect(queryLibrary([after], { tags: [['hero']] }).total).toBe(1);
    });
  });

  it('handles 10,000 entries correctly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      entry(i, {
        request: {
          prompt: `${i % 2 === 0 ? 'ocean' : 'forest'} scene number${i} ${i % 3 === 0 ? 'golden hour' : 'overcast'}`,
          duration: ([4, 6, 8] as const)[i % 3],
        },
        sidecar: { user: { favorite: i % 10 === 0, tags: [] } },
      }),
    );
    const r1 = queryLibrary(many, { text: 'ocean golden', limit: 500 });
    expect(r1.total).toBe(1667); // multiples of 6 in [0, 10000)
    expect(r1.items).toHaveLength(500);
    expect(r1.items.map(sidecarEntry).every((e) => e?.sidecar.request.prompt.startsWith('ocean') && e.sidecar.request.prompt.includes('golden'))).toBe(true);
    expect(r1.items[0]?.id).toBe('job09996-0'); // newest multiple of 6

    const r2 = queryLibrary(many, { favorite: true, duration: 4, sort: 'oldest', offset: 10, limit: 5 });
    expect(r2.total).toBe(334); // multiples of 30
    expect(r2.items.map((e) => sidecarEntry(e)?.sidecar.jobId)).toEqual(['job00300', 'job00330', 'job00360', 'job00390', 'job00420']);

    // A second query on the same array reuses the prepared rows and stays correct.
    expect(queryLibrary(many, { text: 'number9999' }).items.map((e) => e.id)).toEqual(['job09999-0']);
  });
});

describe('LibraryQuerySchema', () => {
  it('accepts a full query', () => {
    const q = { text: 'fox', model: 'fast', resolution: '4K', aspect: '16:9', duration: 8, audio: false, favorite: true, tags: [['hero'], ['a', 'b']], from: 0, to: 1, sort: 'cost', offset: 0, limit: 500 };
    expect(LibraryQuerySchema.parse(q)).toEqual(q);
  });
  it('enforces bounds and rejects unknown keys', () => {
    expect(LibraryQuerySchema.safeParse({ text: 'x'.repeat(501) }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ limit: 501 }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ offset: -1 }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ sort: 'random' }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ hack: true }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ tags: [[]] }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ tags: [['']] }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ tags: Array.from({ length: 21 }, () => ['x']) }).success).toBe(false);
  });
});
