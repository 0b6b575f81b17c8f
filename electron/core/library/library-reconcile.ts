import { dirname } from 'node:path';
import type { BareVideoEntry } from '../../../shared/domain/bare-video.js';
import { isBareEntry, type FullSidecarEntry } from '../../../shared/domain/video.js';
import { probeBareVideo } from './bare-video-probe.js';
import type { CacheRecord } from './library-cache.js';
import { sidecarNameFor } from './file-naming.js';
import { leanEntry, type StringPool } from './library-sidecar.js';
import { listLibraryFolders, loadListedEntry, mapLimit, stampsOf, videoPresent, type FileStamp, type FoundFile, type ListedFolder, type SidecarFile } from './scanner.js';

/**
 * Brings a set of cached records in line with the folders: files whose stat
 * is unchanged are reused without being read, changed and new ones are read,
 * vanished ones dropped. Only the video-present flag of a reused sidecar
 * entry is recomputed, from the folder listing (no extra stat per video).
 * A video that no sidecar names is a bare video, read from its container.
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
  /** Sidecars read from disk (the rest came from the records; probed videos are not counted). */
  parsed: number;
}

/** What to look at: every library folder, or only the folders where something changed. */
export interface ReconcileScope {
  folders: readonly ListedFolder[];
  /** Whether a record in this folder is this scope's to keep, update or drop; the rest are kept as they are. */
  owns(dir: string): boolean;
  /** Files known not to have changed since their record was made (the watcher said nothing of them): reused without a stat. */
  trusted?(path: string): boolean;
}

type Looked =
  | { kind: 'gone' }
  | { kind: 'reuse'; f: FoundFile; old: CacheRecord | undefined; reuse: CacheRecord }
  | { kind: 'read'; f: FoundFile; old: CacheRecord | undefined; file: SidecarFile; entry: FullSidecarEntry | undefined };

const PARSE_CONCURRENCY = 32;
/** Probing reads a video's index: a few at a time keeps a folder of clips from starving everything else. */
const PROBE_CONCURRENCY = 4;

const sameStamp = (prev: FileStamp, now: FileStamp): boolean => prev.mtimeMs === now.mtimeMs && prev.size === now.size && prev.ino === now.ino;

type Seen = { reuse: CacheRecord } | { stamp: FileStamp | undefined };

/**
 * For each file, the record kept when it is trusted or its stat is unchanged,
 * else its new stat (undefined: gone, or not readable: it is not listed until it is).
 */
async function lookAgain(
  files: readonly FoundFile[],
  prevOf: (path: string) => CacheRecord | undefined,
  trusted: ((path: string) => boolean) | undefined,
): Promise<Seen[]> {
  const seen = new Array<Seen | undefined>(files.length);
  const toStat: number[] = [];
  files.forEach((f, i) => {
    const prev = prevOf(f.path);
    if (prev && trusted?.(f.path)) seen[i] = { reuse: prev };
    else toStat.push(i);
  });
  const stamps = await stampsOf(toStat.map((i) => (files[i] as FoundFile).path));
  toStat.forEach((i, k) => {
    const prev = prevOf((files[i] as FoundFile).path);
    const stamp = stamps[k];
    seen[i] = prev && stamp && sameStamp(prev, stamp) ? { reuse: prev } : { stamp };
  });
  return seen as Seen[];
}

/** `pool` shares the texts every entry repeats (see StringPool). */
export async function reconcile(prev: ReadonlyMap<string, CacheRecord>, scope: ReconcileScope, pool: StringPool): Promise<Reconciled> {
  const listing = await listLibraryFolders(scope.folders);
  const change: LibraryChange = { added: [], updated: [], removed: [] };
  const corrupt: string[] = [];
  const records = new Map<string, CacheRecord>();
  for (const [path, r] of prev) if (!scope.owns(r.entry.dir)) records.set(path, r);
  let parsed = 0;

  // Sidecars first: the videos they name are not bare.
  const seenSidecars = await lookAgain(listing.sidecars, (path) => prev.get(path), scope.trusted);
  const looked = await mapLimit(listing.sidecars, PARSE_CONCURRENCY, async (f, i): Promise<Looked> => {
    const old = prev.get(f.path);
    const seen = seenSidecars[i] as Seen;
    if ('reuse' in seen) return { kind: 'reuse', f, old, reuse: seen.reuse };
    if (!seen.stamp) return { kind: 'gone' };
    parsed += 1;
    const file: SidecarFile = { dir: f.dir, sidecarName: f.name, path: f.path, ...seen.stamp };
    return { kind: 'read', f, old, file, entry: await loadListedEntry(listing, file) };
  });
  const named = new Set<string>();
  for (const item of looked) {
    if (item.kind === 'gone') continue;
    const { f, old } = item;
    if (item.kind === 'reuse') {
      const r = item.reuse;
      if (isBareEntry(r.entry)) continue;
      named.add(`${f.dir}\0${r.entry.sidecar.file}`);
      // Unchanged sidecar, but its video may have been deleted or restored.
      const missing = !videoPresent(listing, f.dir, r.entry.sidecar.file);
      if (missing === r.entry.videoMissing) {
        records.set(f.path, r);
      } else {
        change.updated.push(r.entry.id);
        records.set(f.path, { ...r, entry: { ...r.entry, videoMissing: missing } });
      }
      continue;
    }
    const { entry, file } = item;
    if (!entry) {
      corrupt.push(f.path);
      continue;
    }
    named.add(`${f.dir}\0${entry.sidecar.file}`);
    (old ? change.updated : change.added).push(entry.id);
    records.set(f.path, { mtimeMs: file.mtimeMs, size: file.size, ino: file.ino, entry: leanEntry(entry, pool) });
  }

  // A video with a sidecar of its own name (even one that cannot be read) belongs to that record.
  const bare = listing.videos.filter(
    (v) => !named.has(`${v.dir}\0${v.name}`) && !(listing.namesByDir.get(v.dir)?.has(sidecarNameFor(v.name)) ?? false),
  );
  const prevBare = (path: string): CacheRecord | undefined => {
    const old = prev.get(path);
    return old && isBareEntry(old.entry) ? old : undefined;
  };
  const seenBare = await lookAgain(bare, prevBare, scope.trusted);
  const probed = await mapLimit(bare, PROBE_CONCURRENCY, (v, i) => bareRecord(v, seenBare[i] as Seen));
  bare.forEach((v, i) => {
    const r = probed[i];
    if (!r) return;
    const old = prev.get(v.path);
    if (r !== old) (old ? change.updated : change.added).push(r.entry.id);
    records.set(v.path, r);
  });

  for (const [path, r] of prev) {
    if (records.has(path)) continue;
    change.removed.push(r.entry.id);
  }
  return { records, change, corrupt, parsed };
}

/** The record of a bare video: reused while its file is unchanged, else probed; undefined while it cannot be read as a video. */
async function bareRecord(v: FoundFile, seen: Seen): Promise<CacheRecord | undefined> {
  if ('reuse' in seen) return seen.reuse;
  if (!seen.stamp) return undefined;
  const entry: BareVideoEntry | undefined = await probeBareVideo(v.path).catch(() => undefined);
  if (!entry || dirname(v.path) !== entry.dir) return undefined;
  // Stamped as it was before the probe: a file that changed while it was read is read again at its next event.
  return { ...seen.stamp, entry };
}
