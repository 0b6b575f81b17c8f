import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chipsOf, withoutChip } from '../../../renderer/src/features/library/filter-chips.js';
import { dayBounds, formatSearch, parseSearch, splitWords, type SyntaxFilters } from '../../../renderer/src/features/library/filter-syntax.js';
import { applyDraft, draftProblems } from '../../../renderer/src/features/library/search-draft.js';

/**
 * The search box's filter words: what each word sets, what is reported instead of being searched
 * (an unknown key, a value the key does not take), and that formatting filters and reading them back
 * gives the same filters, for any filters (a chip's word IS what typing it does).
 */

describe('parseSearch', () => {
  it('reads every filter word, and the rest as search words', () => {
    const p = parseSearch('red fox tag:hero ar:9:16 model:quality fav:yes dur:8 res:1080p audio:no');
    expect(p.filters).toEqual({ tags: [['hero']], aspect: '9:16', model: 'quality', favorite: true, duration: 8, resolution: '1080p', audio: false });
    expect(p.text).toBe('red fox');
    expect(p.problems).toEqual([]);
  });

  it.each([
    ['AR:16x9', { aspect: '16:9' }],
    ['ar:portrait', { aspect: '9:16' }],
    ['ar:landscape', { aspect: '16:9' }],
    ['model:FAST', { model: 'fast' }],
    ['model:veo3.1-quality-official', { model: 'veo3.1-quality-official' }],
    ['fav:no', { favorite: false }],
    ['fav:true', { favorite: true }],
    ['audio:on', { audio: true }],
    ['audio:0', { audio: false }],
    ['dur:6s', { duration: 6 }],
    ['res:4k', { resolution: '4K' }],
    ['res:720', { resolution: '720p' }],
    ['tag:Hero', { tags: [['Hero']] }],
    ['tag:hero,night', { tags: [['hero', 'night']] }],
    ['tag:hero tag:night', { tags: [['hero'], ['night']] }],
    ['tag:hero,HERO', { tags: [['hero']] }],
    ['tag:"night shot",b-roll', { tags: [['night shot', 'b-roll']] }],
    ['tag:"say \\"cut\\""', { tags: [['say "cut"']] }],
    ['ar:16:9 ar:9:16', { aspect: '9:16' }],
  ] as const)('%s', (input, filters) => {
    const p = parseSearch(input);
    expect(p.filters).toEqual(filters);
    expect(p.problems).toEqual([]);
    expect(p.text).toBe('');
  });

  it('days are whole local days: from: the first millisecond, to: the last', () => {
    const p = parseSearch('from:2025-03-01 to:2025-03-31');
    expect(p.filters.from).toBe(new Date(2025, 2, 1).getTime());
    expect(p.filters.to).toBe(new Date(2025, 3, 1).getTime() - 1);
    expect(dayBounds('2025-02-30')).toBeUndefined();
    expect(dayBounds('2025-2-3')).toBeUndefined();
  });

  it('reports an unknown key and a value the key does not take, and searches neither', () => {
    const p = parseSearch('fox colour:red ar:5:4 dur:5 tag: tag:"open fav:maybe model:turbo');
    expect(p.text).toBe('fox');
    expect(p.filters).toEqual({});
    expect(p.problems).toEqual([
      { kind: 'unknown', word: 'colour:red', key: 'colour' },
      { kind: 'value', word: 'ar:5:4', key: 'ar' },
      { kind: 'value', word: 'dur:5', key: 'dur' },
      { kind: 'value', word: 'tag:', key: 'tag' },
      // An unclosed quote runs to the end: one bad tag word, never a tag named `open fav:maybe…`.
      { kind: 'value', word: 'tag:"open fav:maybe model:turbo', key: 'tag' },
    ]);
  });

  it('a tag longer than main keeps, or with a control character, is a bad value', () => {
    expect(parseSearch(`tag:${'x'.repeat(41)}`).problems).toHaveLength(1);
    expect(parseSearch(`tag:${'x'.repeat(40)}`).filters).toEqual({ tags: [['x'.repeat(40)]] });
    expect(parseSearch('tag:a\u0007b').problems).toHaveLength(1);
  });

  it('words with a colon that are not key:value stay search words (times, ratios)', () => {
    expect(parseSearch('12:30 16:9 "quoted phrase"')).toEqual({ filters: {}, text: '12:30 16:9 quoted phrase', problems: [] });
  });

  it('splitWords keeps quoted spaces and escapes inside a word', () => {
    expect(splitWords('  a  tag:"b c"  "d\\" e" ')).toEqual(['a', 'tag:"b c"', '"d\\" e"']);
  });
});

/** Tags as main keeps them: trimmed, NFC, 1–40 characters, no control characters, no duplicates ignoring case. */
const tagArb = fc
  .string({ unit: fc.constantFrom('a', 'B', 'z', '9', '-', '_', ' ', ',', '"', '\\', ':', '여', '우', 'é', '★'), minLength: 1, maxLength: 12 })
  .map((t) => t.normalize('NFC').trim())
  .filter((t) => t !== '');
const groupArb = fc.uniqueArray(tagArb, { minLength: 1, maxLength: 3, selector: (t) => t.toLowerCase() });
const dayArb = fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true }).map((d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()));

const filtersArb: fc.Arbitrary<SyntaxFilters> = fc.record(
  {
    tags: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
    aspect: fc.constantFrom('16:9' as const, '9:16' as const),
    model: fc.constantFrom('fast', 'quality', 'veo3.1-fast-official', 'veo3.1-quality-official'),
    favorite: fc.boolean(),
    duration: fc.constantFrom(4 as const, 6 as const, 8 as const),
    resolution: fc.constantFrom('720p' as const, '1080p' as const, '4K' as const),
    audio: fc.boolean(),
    from: dayArb.map((d) => d.getTime()),
    to: dayArb.map((d) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() - 1),
  },
  { requiredKeys: [] },
);
const textArb = fc.array(fc.constantFrom('fox', 'red', '여우', 'b-roll', '16:9', 'é'), { maxLength: 4 }).map((w) => w.join(' '));

describe('format and parse round trip', () => {
  it('parseSearch(formatSearch(filters, text)) gives the same filters and words back, with no problem', () => {
    fc.assert(
      fc.property(filtersArb, textArb, (filters, text) => {
        const back = parseSearch(formatSearch(filters, text));
        expect(back.filters).toEqual(filters);
        expect(back.text).toBe(text);
        expect(back.problems).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('each chip is the word that sets it, and taking a chip out leaves the others', () => {
    fc.assert(
      fc.property(filtersArb, (filters) => {
        const chips = chipsOf(filters, '');
        const typed = parseSearch(chips.map((c) => (c.kind === 'shot' ? '' : c.word)).join(' '));
        expect(typed.filters).toEqual(filters);
        for (const chip of chips) {
          const left = { ...filters, ...withoutChip(filters, chip) };
          expect(chipsOf(left, '')).toHaveLength(chips.length - 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('formats in a fixed order, tags first', () => {
    expect(formatSearch({ favorite: true, tags: [['night shot', 'a,b']], aspect: '9:16', duration: 8 }, 'fox')).toBe('tag:"night shot","a,b" fav:yes ar:9:16 dur:8 fox');
  });
});

describe('the search box as it is typed', () => {
  it('a filter word becomes a chip once a space follows it; the word still being typed does not', () => {
    let r = applyDraft('fox tag:he', {}, false);
    expect(r).toEqual({ draft: 'fox tag:he', filters: {}, text: 'fox' });
    r = applyDraft('fox tag:hero ', {}, false);
    expect(r).toEqual({ draft: 'fox ', filters: { tags: [['hero']] }, text: 'fox' });
    // Enter (or leaving the box) finishes the last word too.
    r = applyDraft('ar:9:16', { tags: [['hero']] }, true);
    expect(r).toEqual({ draft: '', filters: { tags: [['hero']], aspect: '9:16' }, text: '' });
  });

  it('leaves the box as typed when no word became a chip (the caret stays put)', () => {
    const value = 'red   fox  colour:red ';
    expect(applyDraft(value, {}, false).draft).toBe(value);
  });

  it('a wrong filter word stays in the box, is searched by nobody, and is reported once finished', () => {
    expect(applyDraft('fox ar:5:4 ', {}, false)).toEqual({ draft: 'fox ar:5:4 ', filters: {}, text: 'fox' });
    expect(draftProblems('fox ar:9', false)).toEqual([]);
    expect(draftProblems('fox ar:9', true)).toEqual([{ kind: 'value', word: 'ar:9', key: 'ar' }]);
    expect(draftProblems('colr:red fox', false)).toEqual([{ kind: 'unknown', word: 'colr:red', key: 'colr' }]);
  });

  it('a tag word adds a group to the chips already there', () => {
    expect(applyDraft('tag:night ', { tags: [['hero']], favorite: true }, false).filters).toEqual({ tags: [['hero'], ['night']], favorite: true });
  });
});

describe('chips', () => {
  it('lists the open shot first, then tag groups, then the other filters in a fixed order', () => {
    const chips = chipsOf({ shot: 'job-1', tags: [['a'], ['b', 'c']], audio: true, favorite: false, text: 'fox', sort: 'oldest', group: 'shot' }, 'A fox');
    expect(chips).toEqual([
      { kind: 'shot', label: 'A fox' },
      { kind: 'tag', index: 0, word: 'tag:a' },
      { kind: 'tag', index: 1, word: 'tag:b,c' },
      { kind: 'filter', key: 'favorite', word: 'fav:no' },
      { kind: 'filter', key: 'audio', word: 'audio:yes' },
    ]);
    expect(withoutChip({ tags: [['a'], ['b']] }, { kind: 'tag', index: 0, word: 'tag:a' })).toEqual({ tags: [['b']] });
    expect(withoutChip({ tags: [['a']] }, { kind: 'tag', index: 0, word: 'tag:a' })).toEqual({ tags: undefined });
    expect(withoutChip({ shot: 'job-1' }, { kind: 'shot', label: '' })).toEqual({ shot: undefined });
  });
});
