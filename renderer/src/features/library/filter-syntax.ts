import { MODELS, type AspectRatio, type Resolution } from '../../../../shared/domain/generation-options.js';
import type { LibraryQuery } from '../../../../shared/domain/library-query.js';

/**
 * The search box's filter words: `tag:hero ar:9:16 model:quality fav:yes dur:8 res:1080p audio:yes
 * from:2025-01-01 to:2025-01-31`, the rest searched as words in prompts and tags. Pure: the box, the
 * chips and the "+ Filter" menu all go through here, so what a chip says is what typing it does.
 * A word that looks like a filter but is not one (an unknown key, a value the key does not take)
 * is reported, never quietly searched as text or dropped.
 */

/** The filters the syntax spells (the rest of the query: sort, grouping, a shot, are set elsewhere). */
export type SyntaxFilters = Pick<LibraryQuery, 'tags' | 'aspect' | 'model' | 'favorite' | 'duration' | 'resolution' | 'audio' | 'from' | 'to'>;
export type SyntaxKey = keyof SyntaxFilters;

/** The words people type, in the order the help lists them. */
export const FILTER_WORDS = ['tag', 'ar', 'model', 'fav', 'dur', 'res', 'audio', 'from', 'to'] as const;
export type FilterWord = (typeof FILTER_WORDS)[number];

const KEY_OF: Record<FilterWord, SyntaxKey> = {
  tag: 'tags',
  ar: 'aspect',
  model: 'model',
  fav: 'favorite',
  dur: 'duration',
  res: 'resolution',
  audio: 'audio',
  from: 'from',
  to: 'to',
};
const WORD_OF = Object.fromEntries(Object.entries(KEY_OF).map(([w, k]) => [k, w])) as Record<SyntaxKey, FilterWord>;

export type SearchProblem =
  /** `foo:bar`: no filter is called `foo`. */
  | { kind: 'unknown'; word: string; key: string }
  /** `ar:5:4`: `ar` does not take that value. */
  | { kind: 'value'; word: string; key: FilterWord };

export interface ParsedSearch {
  filters: SyntaxFilters;
  /** The words that are not filter words, in their order, one space apart. */
  text: string;
  problems: SearchProblem[];
}

/** A tag as long as main keeps one (shared/domain/bounds.ts TAG_MAX_CHARS). */
const TAG_MAX_CHARS = 40;
const FILTER_WORD = /^([A-Za-z]+):(.*)$/su;

/** Splits on whitespace outside double quotes; inside quotes a backslash escapes the next character. */
export function splitWords(input: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (quoted && c === '\\' && i + 1 < input.length) {
      word += c + (input[i + 1] as string);
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      word += c;
      started = true;
    } else if (!quoted && /\s/u.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

/** A value's comma-separated items, quotes taken off; undefined when a quote is left open. */
function items(value: string): string[] | undefined {
  const out: string[] = [];
  let item = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quoted && c === '\\' && i + 1 < value.length) item += value[++i] as string;
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(item);
      item = '';
    } else item += c;
  }
  if (quoted) return undefined;
  out.push(item);
  return out;
}

const YES = new Set(['yes', 'y', 'true', 'on', '1']);
const NO = new Set(['no', 'n', 'false', 'off', '0']);
const yesNo = (v: string): boolean | undefined => (YES.has(v) ? true : NO.has(v) ? false : undefined);

const ASPECTS: Record<string, AspectRatio> = { '16:9': '16:9', '16x9': '16:9', landscape: '16:9', wide: '16:9', '9:16': '9:16', '9x16': '9:16', portrait: '9:16', vertical: '9:16' };
const RESOLUTION_WORDS: Record<string, Resolution> = { '720p': '720p', '720': '720p', '1080p': '1080p', '1080': '1080p', '4k': '4K', '2160p': '4K' };

const pad = (n: number): string => String(n).padStart(2, '0');
/** A day as YYYY-MM-DD in local time: what a person means by "from 3 March". */
export const dayOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/** The first and last millisecond of a YYYY-MM-DD day in local time; undefined for a day that does not exist. */
export function dayBounds(value: string): [number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = new Date(y, mo - 1, d);
  // 2025-02-31 would roll over into March: not a day.
  if (start.getFullYear() !== y || start.getMonth() !== mo - 1 || start.getDate() !== d) return undefined;
  return [start.getTime(), new Date(y, mo - 1, d + 1).getTime() - 1];
}

type Patch = Partial<SyntaxFilters>;
type Reader = (value: string) => Patch | undefined;

const tagGroup = (value: string): string[] | undefined => {
  const list = items(value);
  if (!list) return undefined;
  const group: string[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const tag = raw.normalize('NFC').trim();
    if (tag === '' || [...tag].length > TAG_MAX_CHARS || /\p{Cc}/u.test(tag)) return undefined;
    const key = tag.toLowerCase();
    if (!seen.has(key)) group.push(tag);
    seen.add(key);
  }
  return group;
};

const READERS: Record<Exclude<FilterWord, 'tag'>, Reader> = {
  ar: (v) => {
    const aspect = ASPECTS[v.toLowerCase()];
    return aspect && { aspect };
  },
  model: (v) => {
    const m = v.toLowerCase();
    if (m === 'fast' || m === 'quality') return { model: m };
    return (MODELS as readonly string[]).includes(m) ? { model: m } : undefined;
  },
  fav: (v) => {
    const favorite = yesNo(v.toLowerCase());
    return favorite === undefined ? undefined : { favorite };
  },
  audio: (v) => {
    const audio = yesNo(v.toLowerCase());
    return audio === undefined ? undefined : { audio };
  },
  dur: (v) => {
    const m = /^(4|6|8)s?$/i.exec(v);
    return m ? { duration: Number(m[1]) as 4 | 6 | 8 } : undefined;
  },
  res: (v) => {
    const resolution = RESOLUTION_WORDS[v.toLowerCase()];
    return resolution && { resolution };
  },
  from: (v) => {
    const b = dayBounds(v);
    return b && { from: b[0] };
  },
  to: (v) => {
    const b = dayBounds(v);
    return b && { to: b[1] };
  },
};

const isFilterWord = (key: string): key is FilterWord => (FILTER_WORDS as readonly string[]).includes(key);

/** One word: a filter (with what it sets), a problem, or plain text. */
export function readWord(word: string): { patch: Patch; key: FilterWord } | { problem: SearchProblem } | { text: string } {
  const m = FILTER_WORD.exec(word);
  // A quoted phrase is searched as its words (the search matches words, in any order).
  if (!m) return { text: word.replace(/"/g, '').trim() };
  const key = (m[1] as string).toLowerCase();
  const value = m[2] as string;
  if (!isFilterWord(key)) return { problem: { kind: 'unknown', word, key } };
  if (key === 'tag') {
    const group = tagGroup(value);
    return group ? { patch: { tags: [group] }, key } : { problem: { kind: 'value', word, key } };
  }
  const patch = READERS[key](value);
  return patch ? { patch, key } : { problem: { kind: 'value', word, key } };
}

/** Merges a word's filter into the ones before it: tag groups add up, anything else the later word wins. */
export function withPatch(filters: SyntaxFilters, patch: Patch): SyntaxFilters {
  if (patch.tags) return { ...filters, tags: [...(filters.tags ?? []), ...patch.tags] };
  return { ...filters, ...patch };
}

export function parseSearch(input: string): ParsedSearch {
  let filters: SyntaxFilters = {};
  const text: string[] = [];
  const problems: SearchProblem[] = [];
  for (const word of splitWords(input)) {
    const read = readWord(word);
    if ('patch' in read) filters = withPatch(filters, read.patch);
    else if ('problem' in read) problems.push(read.problem);
    else if (read.text !== '') text.push(read.text);
  }
  return { filters, text: text.join(' '), problems };
}

/** A tag as a value: bare when it can be, else quoted (with `"` and `\` escaped). */
const tagValue = (tag: string): string => (/^[^\s,"\\]+$/u.test(tag) ? tag : `"${tag.replace(/["\\]/g, (c) => `\\${c}`)}"`);

const yesNoWord = (b: boolean): string => (b ? 'yes' : 'no');

/** One filter as the word that sets it (`tags` gives one word per group: use tagWord). */
export function filterWord(key: Exclude<SyntaxKey, 'tags'>, filters: SyntaxFilters): string | undefined {
  const w = WORD_OF[key];
  switch (key) {
    case 'aspect':
      return filters.aspect && `${w}:${filters.aspect}`;
    case 'model':
      return filters.model && `${w}:${filters.model}`;
    case 'favorite':
      return filters.favorite === undefined ? undefined : `${w}:${yesNoWord(filters.favorite)}`;
    case 'audio':
      return filters.audio === undefined ? undefined : `${w}:${yesNoWord(filters.audio)}`;
    case 'duration':
      return filters.duration === undefined ? undefined : `${w}:${filters.duration}`;
    case 'resolution':
      return filters.resolution && `${w}:${filters.resolution}`;
    case 'from':
      return filters.from === undefined ? undefined : `${w}:${dayOf(filters.from)}`;
    case 'to':
      return filters.to === undefined ? undefined : `${w}:${dayOf(filters.to)}`;
  }
}

export const tagWord = (group: readonly string[]): string => `tag:${group.map(tagValue).join(',')}`;

/** The order chips and formatted searches list filters in. */
export const SYNTAX_KEYS: readonly Exclude<SyntaxKey, 'tags'>[] = ['favorite', 'aspect', 'model', 'duration', 'resolution', 'audio', 'from', 'to'];

/** Every filter the syntax spells, as its words (tags first, one word per group). */
export function formatFilters(filters: SyntaxFilters): string[] {
  const words = (filters.tags ?? []).map(tagWord);
  for (const key of SYNTAX_KEYS) {
    const w = filterWord(key, filters);
    if (w) words.push(w);
  }
  return words;
}

/** The search box's text for these filters and words: parseSearch reads it back to the same. */
export function formatSearch(filters: SyntaxFilters, text = ''): string {
  return [...formatFilters(filters), text.trim()].filter((w) => w !== '').join(' ');
}

/** The syntax's part of a query, each key present even when unset (to clear them all in one patch). */
export const NO_SYNTAX_FILTERS: { [K in SyntaxKey]: undefined } = {
  tags: undefined,
  aspect: undefined,
  model: undefined,
  favorite: undefined,
  duration: undefined,
  resolution: undefined,
  audio: undefined,
  from: undefined,
  to: undefined,
};
