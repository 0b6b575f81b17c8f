import { bareCreatedAt, bareFacets } from '../../../shared/domain/bare-video.js';
import type { AspectRatio, Resolution } from '../../../shared/domain/generation.js';
import { isBareEntry, type LibraryEntry } from '../../../shared/domain/video.js';
import { shotOfEntry } from './library-entry.js';
import { matchingRows, type FilterKey } from './query-matches.js';

/**
 * Search, filter, sort and page the library. Pure. Built to answer in a few
 * milliseconds for 10 000 entries on every keystroke: the lowercase search
 * text and the sort keys are computed once per entry object, and the sorted
 * orders once per entries array (LibraryIndex.all() keeps returning the same
 * array until something changes), so a query is one linear filter pass.
 */

export {
  LIBRARY_QUERY_DEFAULT_LIMIT,
  LIBRARY_QUERY_LIMIT_MAX,
  LibraryQuerySchema,
  type LibraryQuery,
  type LibrarySort,
} from '../../../shared/domain/library-query.js';
import { LIBRARY_QUERY_DEFAULT_LIMIT, LIBRARY_QUERY_LIMIT_MAX, type LibraryQuery, type LibrarySort } from '../../../shared/domain/library-query.js';

export interface LibraryQueryResult {
  total: number;
  items: LibraryEntry[];
}

interface Row {
  entry: LibraryEntry;
  haystack: string;
  created: number;
  cost: number;
  duration: number;
  model: string;
  shortModel: string;
  shot: string;
  /** The request settings the filters compare (for a bare video, what its container matches). */
  resolution?: Resolution;
  aspect?: AspectRatio;
  seconds: number;
  audio: boolean;
  favorite: boolean;
  /** The video's tags as searches compare them (NFC, lower case); a bare video has none. */
  tags: string[];
}

const rowCache = new WeakMap<LibraryEntry, Row>();
const orderCache = new WeakMap<readonly LibraryEntry[], Map<LibrarySort, Row[]>>();

function shortModel(model: string): string {
  if (/quality/i.test(model)) return 'quality';
  if (/fast/i.test(model)) return 'fast';
  return model;
}

/** How a tag is compared: the way normalizeTags tells two tags apart (NFC, ignoring case). */
export const tagKey = (tag: string): string => tag.normalize('NFC').trim().toLowerCase();

/**
 * Empty parts are left out: a prompt alone (no negative prompt, no tags, the
 * usual take) is then its own search text when it is already lower case and
 * NFC, the same string and not a copy of it per take.
 */
function searchText(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return (kept.length === 1 ? (kept[0] as string) : kept.join('\n')).normalize('NFC').toLowerCase();
}

function makeRow(entry: LibraryEntry): Row {
  const shot = shotOfEntry(entry).key;
  if (isBareEntry(entry)) {
    const facets = bareFacets(entry.container);
    const model = entry.provenance?.model ?? '';
    return {
      entry,
      // Its file name is all a person may know of a clip made elsewhere.
      haystack: searchText(entry.provenance?.prompt ?? '', entry.fileName),
      created: bareCreatedAt(entry),
      cost: -1,
      duration: entry.container.durationS,
      model,
      shortModel: shortModel(model),
      shot,
      ...(facets.resolution ? { resolution: facets.resolution } : {}),
      ...(facets.aspect ? { aspect: facets.aspect } : {}),
      seconds: facets.seconds,
      audio: facets.audio,
      favorite: false,
      tags: [],
    };
  }
  const { request, cost, timings, model, user } = entry.sidecar;
  const tags = user.tags.map(tagKey);
  return {
    entry,
    // Tags are searched with the prompt: a word finds a clip by what it shows or by how it was labelled.
    haystack: searchText(request.prompt, request.negative_prompt ?? '', ...tags),
    created: timings.createdAt,
    // Unknown cost sorts last; credits are 10 per USD (contract §2).
    cost: cost.usd ?? (cost.credits === undefined ? -1 : cost.credits / 10),
    duration: request.duration,
    model,
    shortModel: shortModel(model),
    shot,
    resolution: request.resolution,
    aspect: request.aspect_ratio,
    seconds: request.duration,
    audio: request.generate_audio,
    favorite: user.favorite,
    tags,
  };
}

function rowFor(entry: LibraryEntry): Row {
  let row = rowCache.get(entry);
  if (!row) {
    row = makeRow(entry);
    rowCache.set(entry, row);
  }
  return row;
}

/** Newest first as the tie-breaker everywhere, then id, so pages never shuffle. */
const COMPARE: Record<LibrarySort, (a: Row, b: Row) => number> = {
  newest: (a, b) => b.created - a.created || byId(a, b),
  oldest: (a, b) => a.created - b.created || byId(a, b),
  cost: (a, b) => b.cost - a.cost || b.created - a.created || byId(a, b),
  duration: (a, b) => b.duration - a.duration || b.created - a.created || byId(a, b),
};

function byId(a: Row, b: Row): number {
  return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
}

function sortedRows(entries: readonly LibraryEntry[], sort: LibrarySort): Row[] {
  let orders = orderCache.get(entries);
  if (!orders) {
    orders = new Map();
    orderCache.set(entries, orders);
  }
  let rows = orders.get(sort);
  if (!rows) {
    rows = entries.map(rowFor).sort(COMPARE[sort]);
    orders.set(sort, rows);
  }
  return rows;
}

const wordsOf = (text: string | undefined): string[] =>
  (text ?? '')
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '');

/** What the query filters by, as matchingRows compares it (offset and limit only page through the result). */
function filterKey(q: LibraryQuery, sort: LibrarySort): FilterKey {
  const { text, offset: _offset, limit: _limit, ...rest } = q;
  return { rest: JSON.stringify({ ...rest, sort }), words: wordsOf(text) };
}

function matcher(q: LibraryQuery): (row: Row) => boolean {
  const words = wordsOf(q.text);
  const tagGroups = (q.tags ?? []).map((group) => group.map(tagKey));
  return (row) => {
    if (q.model !== undefined && row.model !== q.model && row.shortModel !== q.model) return false;
    if (q.resolution !== undefined && row.resolution !== q.resolution) return false;
    if (q.aspect !== undefined && row.aspect !== q.aspect) return false;
    if (q.duration !== undefined && row.seconds !== q.duration) return false;
    if (q.audio !== undefined && row.audio !== q.audio) return false;
    if (q.favorite !== undefined && row.favorite !== q.favorite) return false;
    if (q.from !== undefined && row.created < q.from) return false;
    if (q.to !== undefined && row.created > q.to) return false;
    if (q.shot !== undefined && row.shot !== q.shot) return false;
    for (const group of tagGroups) if (!group.some((t) => row.tags.includes(t))) return false;
    for (const w of words) if (!row.haystack.includes(w)) return false;
    return true;
  };
}

export function queryLibrary(entries: readonly LibraryEntry[], q: LibraryQuery): LibraryQueryResult {
  const sort = q.sort ?? 'newest';
  const rows = matchingRows(entries, sortedRows(entries, sort), filterKey(q, sort), matcher(q));
  const offset = q.offset ?? 0;
  const limit = Math.min(q.limit ?? LIBRARY_QUERY_DEFAULT_LIMIT, LIBRARY_QUERY_LIMIT_MAX);
  if (q.group !== 'shot') return { total: rows.length, items: rows.slice(offset, offset + limit).map((r) => r.entry) };
  const items: LibraryEntry[] = [];
  const shotsSeen = new Set<string>();
  let total = 0;
  for (const row of rows) {
    if (shotsSeen.has(row.shot)) continue;
    shotsSeen.add(row.shot);
    if (total >= offset && items.length < limit) items.push(row.entry);
    total += 1;
  }
  return { total, items };
}
