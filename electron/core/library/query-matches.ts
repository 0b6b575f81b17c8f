/**
 * The rows a query's filters match, remembered per entries array, so that a
 * page further down, a keystroke that narrows the text ("fo" → "fox") or one
 * that takes a letter back ("fox" → "fo") does not filter the whole library
 * again. At 100,000 videos one full pass is ~10 ms; typing and scrolling ask
 * for many passes a second.
 *
 * A narrowing query filters the rows of the query it narrows: with the same
 * other filters, every word of the old text inside some word of the new one,
 * a row the new text matches was matched by the old one. The entries array is
 * replaced whenever the library changes (LibraryIndex.all), which forgets
 * everything remembered for it.
 */

/** Recent filter sets remembered per entries array: backspacing through a word finds each earlier one. */
const KEEP = 8;

export interface FilterKey {
  /** Everything but the text, offset and limit (sort included: rows are kept in sort order). */
  rest: string;
  /** The text's words, lower case, NFC. */
  words: readonly string[];
}

interface Remembered<R> {
  key: FilterKey;
  rows: readonly R[];
}

const memory = new WeakMap<object, Remembered<unknown>[]>();

const sameKey = (a: FilterKey, b: FilterKey): boolean => a.rest === b.rest && a.words.length === b.words.length && a.words.every((w, i) => w === b.words[i]);

/** True when every row `narrower` matches is also matched by `wider`. */
export function narrows(narrower: FilterKey, wider: FilterKey): boolean {
  return narrower.rest === wider.rest && wider.words.every((w) => narrower.words.some((n) => n.includes(w)));
}

/**
 * The rows of `all` that `match` accepts, in `all`'s order. `owner` is the
 * entries array the rows were made from (the memory's lifetime).
 */
export function matchingRows<R>(owner: object, all: readonly R[], key: FilterKey, match: (row: R) => boolean): readonly R[] {
  const kept = (memory.get(owner) ?? []) as Remembered<R>[];
  const hit = kept.find((m) => sameKey(m.key, key));
  if (hit) {
    // Most recent last: it is the one to keep longest.
    kept.splice(kept.indexOf(hit), 1);
    kept.push(hit);
    return hit.rows;
  }
  // The narrowest remembered set this query narrows (fewest rows to look at).
  let from: readonly R[] = all;
  for (const m of kept) if (m.rows.length < from.length && narrows(key, m.key)) from = m.rows;
  const rows = from.filter(match);
  kept.push({ key, rows });
  if (kept.length > KEEP) kept.shift();
  memory.set(owner, kept);
  return rows;
}
