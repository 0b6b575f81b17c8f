import type { VideoView } from '../../../../shared/ipc/views.js';

/**
 * The grid's results as pages of PAGE videos, fetched around what is on screen.
 * `pages[n]` holds indexes n*PAGE … n*PAGE+PAGE-1; a page not fetched yet is absent.
 */

export const PAGE = 100;
export type Pages = Record<number, VideoView[]>;

export const pageOf = (index: number): number => Math.floor(index / PAGE);

export function itemAt(pages: Pages, index: number): VideoView | undefined {
  return pages[pageOf(index)]?.[index % PAGE];
}

/**
 * The pages the visible range [first, last] needs that are not fetched yet. The range is clipped
 * to the total (the grid may show more cells than there are videos); nothing before the total is known.
 */
export function missingPages(pages: Pages, first: number, last: number, total: number | undefined): number[] {
  if (total === undefined) return [];
  const lastIndex = Math.min(last, total - 1);
  const missing: number[] = [];
  for (let p = pageOf(first); p <= pageOf(lastIndex); p++) if (!pages[p]) missing.push(p);
  return missing;
}

/** The pages with `video` in place of its older copy. A page without it keeps its array, so its cells do not re-render. */
export function withVideo(pages: Pages, video: VideoView): Pages {
  const out: Pages = {};
  for (const [k, items] of Object.entries(pages)) out[Number(k)] = items.some((v) => v.id === video.id) ? items.map((v) => (v.id === video.id ? video : v)) : items;
  return out;
}

/** The fetched video with this id, if any page has it. */
export function findIn(pages: Pages, id: string): VideoView | undefined {
  for (const items of Object.values(pages)) {
    const v = items.find((x) => x.id === id);
    if (v) return v;
  }
  return undefined;
}

/** The ids of the fetched videos in grid order (what a Shift-click range runs over). */
export function orderedIds(pages: Pages): string[] {
  return Object.keys(pages)
    .map(Number)
    .sort((a, b) => a - b)
    .flatMap((p) => (pages[p] ?? []).map((v) => v.id));
}
