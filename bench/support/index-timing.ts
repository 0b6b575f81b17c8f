import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryIndex } from '../../electron/core/library/library-index.js';
import { mapLimit } from '../../electron/core/library/scanner.js';
import { systemClock } from '../../electron/core/ports.js';

/**
 * The library index timed in this process, over folders already written:
 * a cold build (no cache: every sidecar read, parsed and validated, then the
 * cache written) and a warm load (the library answering from the cache, then
 * every sidecar stat'ed against it), each beside the least the same work could cost.
 */

export interface IndexLoad {
  /** Until the library answers, as the app opens it (from the cache when there is one). */
  ms: number;
  /** Until its check against the folders is done too (the app does that part in the background). */
  checkedMs: number;
  index: LibraryIndex;
  /** Sidecars the check read again (0 when the cache held every one as it is on disk). */
  parsed: number;
}

export async function timeIndexLoad(cachePath: string, dirs: string[]): Promise<IndexLoad> {
  const index = new LibraryIndex({ cachePath, dirs, clock: systemClock });
  const t = performance.now();
  const opened = await index.open();
  const ms = performance.now() - t;
  const report = await opened.checked;
  return { ms, checkedMs: performance.now() - t, index, parsed: report.parsed };
}

/** The floor under a cold build: every sidecar's bytes read (same parallelism), nothing parsed. */
export async function timeReadAllSidecars(dir: string): Promise<number> {
  const t = performance.now();
  const names = (await readdir(dir)).filter((n) => n.endsWith('.keyframe.json'));
  await mapLimit(names, 32, (n) => readFile(join(dir, n)));
  return performance.now() - t;
}

/** The floor under a warm load: the cache file read and JSON-parsed (its lines as one array), nothing decoded nor checked against the disk. */
export async function timeParseCache(cachePath: string): Promise<number> {
  const t = performance.now();
  const text = await readFile(cachePath, 'utf8');
  JSON.parse(`[${text.trimEnd().split('\n').join(',')}]`);
  return performance.now() - t;
}
