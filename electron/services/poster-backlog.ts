import type { PosterProgress } from '../../shared/ipc/poster-views.js';

/**
 * Which videos still need a poster: those whose file is there and that have none cached. Pure
 * over the index's entries; one pass (100,000 entries is a few milliseconds, and the event that
 * carries the counts is sent at most 10 times a second).
 */

interface PosterCandidate {
  id: string;
  /** A sidecar whose video is gone has nothing to make a poster from; a bare video is its file. */
  videoMissing?: boolean;
}

export function posterCounts(entries: readonly PosterCandidate[], hasPoster: (id: string) => boolean): PosterProgress {
  let total = 0;
  let missing = 0;
  for (const e of entries) {
    if (e.videoMissing) continue;
    total += 1;
    if (!hasPoster(e.id)) missing += 1;
  }
  return { total, missing };
}

/** The first `limit` videos needing a poster, in the entries' order, past those named in `skip`. */
export function posterBacklog<T extends PosterCandidate>(entries: readonly T[], hasPoster: (id: string) => boolean, limit: number, skip: ReadonlySet<string>): T[] {
  const out: T[] = [];
  for (const e of entries) {
    if (out.length >= limit) break;
    if (!e.videoMissing && !hasPoster(e.id) && !skip.has(e.id)) out.push(e);
  }
  return out;
}
