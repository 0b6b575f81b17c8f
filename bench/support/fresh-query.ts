import { queryLibrary } from '../../electron/core/library/library-query.js';
import type { LibraryEntry } from '../../shared/domain/video.js';

/**
 * One full filter pass of the index for `text`, as the baseline for a search
 * keystroke. queryLibrary remembers what recent queries matched, so asking it
 * the bench's keystrokes in a row would time its memory, not the index: each
 * pass here carries its own `from` bound (earlier than any video, so it drops
 * nothing), which makes its filters unlike any remembered ones.
 */
let pass = 0;

export function fullPassMs(entries: readonly LibraryEntry[], text: string): number {
  pass += 1;
  const t = performance.now();
  queryLibrary(entries, { text, from: -pass, offset: 0, limit: 100 });
  return performance.now() - t;
}
