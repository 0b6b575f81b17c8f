import type { LibraryQuery } from '../../../../shared/domain/library-query.js';
import { facetsOf, isBareView, modelOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';

/**
 * Which of the library's filters keep `video` out of the grid: "Open result" drops exactly these,
 * so the clip it opens is on screen, and the person's other filters stay. The same rules as main's
 * search (electron/core/library/library-query.ts, `matcher`); a test holds the two together.
 */

/** The toolbar's filters (library-filters.ts); spelled from the shared query so main's tests can load this file too. */
type Filters = Omit<LibraryQuery, 'offset' | 'limit'>;
type FilterKey = Exclude<keyof Filters, 'sort'>;

const shortModel = (model: string): string => (/quality/i.test(model) ? 'quality' : /fast/i.test(model) ? 'fast' : model);

/** As main compares tags (library-query.ts `tagKey`): NFC, ignoring case. */
const tagKey = (tag: string): string => tag.normalize('NFC').trim().toLowerCase();

const words = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '');

const RULES: { [K in FilterKey]: (v: VideoView, want: NonNullable<Filters[K]>) => boolean } = {
  text: (v, text) => {
    // A bare video is found by its embedded prompt and its file name, as main searches it; a clip of ours also by its tags.
    const parts = isBareView(v) ? [v.provenance?.prompt ?? '', v.fileName] : [v.request.prompt, v.request.negative_prompt ?? '', ...v.tags.map(tagKey)];
    const haystack = parts.join('\n').normalize('NFC').toLowerCase();
    return words(text).every((w) => haystack.includes(w));
  },
  model: (v, model) => modelOf(v) === model || shortModel(modelOf(v) ?? '') === model,
  resolution: (v, r) => facetsOf(v).resolution === r,
  aspect: (v, a) => facetsOf(v).aspect === a,
  duration: (v, d) => facetsOf(v).seconds === d,
  audio: (v, a) => facetsOf(v).audio === a,
  favorite: (v, f) => v.favorite === f,
  tags: (v, groups) => {
    const has = new Set(v.tags.map(tagKey));
    return groups.every((group) => group.some((t) => has.has(tagKey(t))));
  },
  from: (v, from) => v.createdAt >= from,
  to: (v, to) => v.createdAt <= to,
  shot: (v, shot) => v.shotKey === shot,
  // Grouped by shot, the grid shows one take per shot: any later take is out of sight.
  group: (v) => v.take === undefined || v.take <= 1,
};

export function hidingFilters(video: VideoView, filters: Filters): FilterKey[] {
  const hiding: FilterKey[] = [];
  for (const key of Object.keys(RULES) as FilterKey[]) {
    const want = filters[key];
    if (want === undefined || want === '') continue;
    const keeps = RULES[key] as (v: VideoView, w: unknown) => boolean;
    if (!keeps(video, want)) hiding.push(key);
  }
  return hiding;
}
