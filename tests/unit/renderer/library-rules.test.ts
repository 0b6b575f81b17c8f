import { describe, expect, it } from 'vitest';
import { clearedFilters, isFiltered, toQuery } from '../../../renderer/src/features/library/library-filters.js';
import { findIn, itemAt, missingPages, orderedIds, PAGE, pageOf, withVideo, type Pages } from '../../../renderer/src/features/library/library-pages.js';
import { moveTarget, selectedIndexIn, successorOf } from '../../../renderer/src/features/library/library-selection.js';
import { videos, videoView } from './view-samples.js';

/** The library's pure rules: filters → query, pages fetched around the view, where the selection is and moves. */

describe('filters', () => {
  it('toQuery leaves out empty fields and keeps false and 0', () => {
    expect(toQuery({ sort: 'newest', text: '', model: undefined, audio: false, favorite: true, from: 0 })).toEqual({ sort: 'newest', audio: false, favorite: true, from: 0 });
  });

  it.each([
    ['the default sort only', { sort: 'newest' as const }, false],
    ['another sort only', { sort: 'cost' as const }, false],
    ['an emptied search box', { sort: 'newest' as const, text: '' }, false],
    ['a field set back to "any"', { sort: 'newest' as const, resolution: undefined }, false],
    ['search text', { text: 'boat' }, true],
    ['"without audio"', { audio: false }, true],
    ['favourites only', { favorite: true }, true],
    ['a date from', { from: 0 }, true],
  ])('isFiltered: %s → %s', (_name, filters, want) => {
    expect(isFiltered(filters)).toBe(want);
  });

  it('clearing drops every filter but keeps the sort order and the stacking of takes', () => {
    expect(clearedFilters({ sort: 'oldest', text: 'boat', favorite: true, duration: 8 })).toEqual({ sort: 'oldest' });
    expect(clearedFilters({ text: 'boat' })).toEqual({ sort: 'newest' });
    expect(clearedFilters({ group: 'shot', tags: [['hero']], shot: 'job-1' })).toEqual({ sort: 'newest', group: 'shot' });
  });

  it('stacking takes arranges the list, it does not narrow it; tags and an open shot do', () => {
    expect(isFiltered({ sort: 'newest', group: 'shot' })).toBe(false);
    expect(isFiltered({ tags: [] })).toBe(false);
    expect(isFiltered({ tags: [['hero']] })).toBe(true);
    expect(isFiltered({ group: 'shot', shot: 'job-1' })).toBe(true);
  });

  it('an open shot shows all its takes: the query asks for the shot and not for stacks; no empty tag list is sent', () => {
    expect(toQuery({ group: 'shot', shot: 'job-1', sort: 'newest' })).toEqual({ shot: 'job-1', sort: 'newest' });
    expect(toQuery({ group: 'shot', tags: [] })).toEqual({ group: 'shot' });
  });
});

describe('pages', () => {
  const pages: Pages = { 0: videos(0, PAGE), 2: videos(2 * PAGE, 30) };

  it('pageOf / itemAt address the video at a grid index', () => {
    expect([pageOf(0), pageOf(PAGE - 1), pageOf(PAGE), pageOf(2 * PAGE + 5)]).toEqual([0, 0, 1, 2]);
    expect(itemAt(pages, 0)?.id).toBe('v0');
    expect(itemAt(pages, PAGE - 1)?.id).toBe(`v${PAGE - 1}`);
    expect(itemAt(pages, 2 * PAGE + 29)?.id).toBe(`v${2 * PAGE + 29}`);
  });

  it('itemAt is undefined for a page not fetched or past the end of a page', () => {
    expect(itemAt(pages, PAGE + 3)).toBeUndefined();
    expect(itemAt(pages, 2 * PAGE + 30)).toBeUndefined();
    expect(itemAt({}, 0)).toBeUndefined();
  });

  it.each([
    ['nothing before the total is known', {}, 0, 50, undefined, []],
    ['the first page of a fresh list', {}, 0, 11, 240, [0]],
    ['a range across two pages', {}, 90, 110, 240, [0, 1]],
    ['only the pages not fetched yet', { 0: videos(0, PAGE) }, 90, 210, 240, [1, 2]],
    ['nothing when all are fetched', { 0: videos(0, PAGE), 1: videos(PAGE, PAGE) }, 0, 199, 240, []],
    ['a range past the end is clipped to the total', {}, 0, 500, 120, [0, 1]],
    ['the last row of cells beyond the last video', {}, 96, 107, 100, [0]],
    ['an empty library', {}, 0, 11, 0, []],
  ] as const)('missingPages: %s', (_name, have, first, last, total, want) => {
    expect(missingPages(have as Pages, first, last, total)).toEqual(want);
  });

  it('withVideo replaces the copy with the same id, in every page that has it', () => {
    const page0 = videos(0, 3);
    const page1 = videos(PAGE, 3);
    const fresh = videoView('v1', { favorite: true });
    const out = withVideo({ 0: page0, 1: page1 }, fresh);
    expect(out[0]?.map((v) => v.favorite)).toEqual([false, true, false]);
    expect(out[0]?.[1]).toBe(fresh);
    // A page without that video keeps its array: its cells do not re-render.
    expect(out[1]).toBe(page1);
    // The old pages are not changed in place.
    expect(page0[1]?.favorite).toBe(false);
  });

  it('withVideo of a video no page shows changes nothing', () => {
    const page0 = videos(0, 3);
    expect(withVideo({ 0: page0 }, videoView('elsewhere'))).toEqual({ 0: page0 });
  });
});

describe('selectedIndexIn', () => {
  const pages: Pages = { 0: videos(0, PAGE), 1: videos(PAGE, PAGE) };

  it('is -1 with nothing selected', () => {
    expect(selectedIndexIn(pages, undefined, 5)).toBe(-1);
  });

  it('is the hint while that cell still holds the selected video', () => {
    expect(selectedIndexIn(pages, 'v5', 5)).toBe(5);
  });

  it('trusts the hint when its page is not fetched (nothing says otherwise)', () => {
    expect(selectedIndexIn(pages, 'v250', 250)).toBe(250);
  });

  it('finds the video where it moved to after the list changed', () => {
    // A video was removed before it: v5 is now at index 4 of the refreshed list.
    const refreshed: Pages = { 0: [...videos(0, 4), ...videos(5, 96)] };
    expect(selectedIndexIn(refreshed, 'v5', 5)).toBe(4);
  });

  it('finds the video in any fetched page when there is no hint (picked from a link or new filters)', () => {
    expect(selectedIndexIn(pages, `v${PAGE + 7}`, -1)).toBe(PAGE + 7);
  });

  it('is -1 when the selected video is in no fetched page', () => {
    expect(selectedIndexIn(pages, 'v999', -1)).toBe(-1);
    expect(selectedIndexIn(pages, 'v999', 3)).toBe(-1);
  });
});

describe('moveTarget (grid keys, 4 columns, 50 videos)', () => {
  const cols = 4;
  const total = 50;
  it.each([
    ['ArrowRight', 10, 11],
    ['ArrowLeft', 10, 9],
    ['ArrowDown', 10, 14],
    ['ArrowUp', 10, 6],
    ['PageDown', 10, 26],
    ['PageUp', 30, 14],
    ['Home', 30, 0],
    ['End', 3, 49],
    ['ArrowLeft', 0, 0],
    ['ArrowUp', 2, 0],
    ['PageUp', 5, 0],
    ['ArrowRight', 49, 49],
    ['ArrowDown', 47, 49],
    ['PageDown', 40, 49],
    ['ArrowDown', -1, 0],
    ['ArrowLeft', -1, 0],
    ['PageDown', -1, 0],
    ['End', -1, 49],
    ['Home', -1, 0],
  ] as const)('%s from %s → %s', (key, from, want) => {
    expect(moveTarget(key, from, cols, total)).toBe(want);
  });

  it.each(['Enter', ' ', 'a', 'Tab', 'toString', 'constructor'])('%j does not move the selection', (key) => {
    expect(moveTarget(key, 10, cols, total)).toBeUndefined();
  });

  it('does nothing in an empty grid (no index -1 is ever asked for)', () => {
    for (const key of ['ArrowDown', 'End', 'Home', 'PageUp']) expect(moveTarget(key, -1, cols, 0)).toBeUndefined();
  });
});

describe('successorOf (who is selected once the primary is trashed)', () => {
  const pages: Pages = { 0: videos(0, PAGE), 1: videos(PAGE, 20) };
  const total = PAGE + 20;

  it('the next clip, which moves up into the trashed one\'s place', () => {
    expect(successorOf(pages, 4, total)).toEqual({ id: 'v5', index: 4 });
  });

  it('across a page boundary when that page is fetched', () => {
    expect(successorOf(pages, PAGE - 1, total)).toEqual({ id: `v${PAGE}`, index: PAGE - 1 });
  });

  it('the one before for the last clip', () => {
    expect(successorOf(pages, total - 1, total)).toEqual({ id: `v${total - 2}`, index: total - 2 });
  });

  it('nothing for the only clip, an unknown place, or a next clip whose page is not fetched', () => {
    expect(successorOf({ 0: videos(0, 1) }, 0, 1)).toBeUndefined();
    expect(successorOf(pages, -1, total)).toBeUndefined();
    expect(successorOf({ 0: videos(0, PAGE) }, PAGE - 1, PAGE + 5)).toBeUndefined();
  });
});

describe('findIn / orderedIds', () => {
  it('finds a fetched clip by id in any page', () => {
    const pages: Pages = { 2: videos(2 * PAGE, 3), 0: videos(0, 3) };
    expect(findIn(pages, `v${2 * PAGE + 1}`)?.id).toBe(`v${2 * PAGE + 1}`);
    expect(findIn(pages, 'v99')).toBeUndefined();
  });

  it('lists the fetched clips in grid order, whatever order the pages arrived in', () => {
    expect(orderedIds({ 1: videos(PAGE, 2), 0: videos(0, 2) })).toEqual(['v0', 'v1', `v${PAGE}`, `v${PAGE + 1}`]);
  });
});
