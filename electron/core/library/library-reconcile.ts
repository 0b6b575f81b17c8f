import type { CacheRecord } from './library-cache.js';
import { listSidecarFiles, loadListedEntry, mapLimit, videoPresent, type SidecarFile } from './scanner.js';

/**
 * Brings a set of cached records in line with the folders: sidecars whose
 * stat is unchanged are reused without being read, changed and new ones are
 * read, vanished ones dropped. Only the video-present flag of a reused entry
 * is recomputed, from the folder listing (no extra stat per video).
 */

export interface LibraryChange {
  added: string[];
  updated: string[];
  removed: string[];
}

export interface Reconciled {
  records: Map<string, CacheRecord>;
  change: LibraryChange;
  /** Paths of sidecars that could not be read. */
  corrupt: string[];
  /** Sidecars read from disk. */
  parsed: number;
}

const PARSE_CONCURRENCY = 32;

function unchanged(prev: CacheRecord | undefined, f: SidecarFile): prev is CacheRecord {
  return prev !== undefined && prev.mtimeMs === f.mtimeMs && prev.size === f.size && prev.ino === f.ino;
}

export async function reconcile(prev: ReadonlyMap<string, CacheRecord>, dirs: readonly string[]): Promise<Reconciled> {
  const listing = await listSidecarFiles(dirs);
  const stale = listing.files.filter((f) => !unchanged(prev.get(f.path), f));
  const loaded = await mapLimit(stale, PARSE_CONCURRENCY, (f) => loadListedEntry(listing, f));
  const fresh = new Map(stale.map((f, i) => [f.path, loaded[i]]));
  const change: LibraryChange = { added: [], updated: [], removed: [] };
  const corrupt: string[] = [];
  const records = new Map<string, CacheRecord>();
  for (const f of listing.files) {
    const old = prev.get(f.path);
    if (!fresh.has(f.path) && old) {
      // Unchanged sidecar, but its video may have been deleted or restored.
      const missing = !videoPresent(listing, f.dir, old.entry.sidecar.file);
      if (missing === old.entry.videoMissing) {
        records.set(f.path, old);
      } else {
        change.updated.push(old.entry.id);
        records.set(f.path, { ...old, entry: { ...old.entry, videoMissing: missing } });
      }
      continue;
    }
    const entry = fresh.get(f.path);
    if (!entry) {
      corrupt.push(f.path);
      continue;
    }
    (old ? change.updated : change.added).push(entry.id);
    records.set(f.path, { mtimeMs: f.mtimeMs, size: f.size, ino: f.ino, entry });
  }
  for (const [path, r] of prev) if (!records.has(path)) change.removed.push(r.entry.id);
  return { records, change, corrupt, parsed: stale.length };
}
