import { dirname } from 'node:path';
import type { BareVideoEntry } from '../../../shared/domain/bare-video.js';
import { isBareEntry, type FullSidecarEntry } from '../../../shared/domain/video.js';
import { probeBareVideo } from './bare-video-probe.js';
import type { CacheRecord } from './library-cache.js';
import { sidecarNameFor } from './file-naming.js';
import { leanEntry, type StringPool } from './library-sidecar.js';
import {
  foundFile,
  listLibraryFolders,
  loadListedEntry,
  mapLimit,
  stampsOf,
  videoPresent,
  yieldToLoop,
  type FileStamp,
  type FolderListing,
  type FoundFile,
  type ListedFolder,
  type SidecarFile,
} from './scanner.js';

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
/**
 * Files looked at together. Each slice's stats, reads and bookkeeping are
 * done with before the next begins, so they die young: made for 100,000
 * files at once they outlive the young generation and pile up in the old one
 * until the check ends, at the process's peak memory, for a check that keeps
 * almost none of it. The loop gets a turn between slices.
 */
export const RECONCILE_SLICE = 2000;

const sameStamp = (prev: FileStamp, now: FileStamp): boolean => prev.mtimeMs === now.mtimeMs && prev.size === now.size && prev.ino === now.ino;

type Seen = { reuse: CacheRecord } | { stamp: FileStamp | undefined };

/** The files named, a slice at a time, in scan order (a slice never spans two folders); their paths are made slice by slice. */
function* slices(folders: readonly { dir: string; names: readonly string[] }[]): Generator<FoundFile[]> {
  for (const { dir, names } of folders) {
    for (let at = 0; at < names.length; at += RECONCILE_SLICE) yield names.slice(at, at + RECONCILE_SLICE).map((name) => foundFile(dir, name));
  }
}

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

/** What one reconcile builds up, slice after slice. */
interface Check {
  prev: ReadonlyMap<string, CacheRecord>;
  scope: ReconcileScope;
  pool: StringPool;
  listing: FolderListing;
  records: Map<string, CacheRecord>;
  change: LibraryChange;
  corrupt: string[];
  parsed: number;
  /** Per folder, the video files its sidecars name (those are not bare). */
  named: Map<string, Set<string>>;
}

/** `pool` shares the texts every entry repeats (see StringPool). */
export async function reconcile(prev: ReadonlyMap<string, CacheRecord>, scope: ReconcileScope, pool: StringPool): Promise<Reconciled> {
  const listing = await listLibraryFolders(scope.folders);
  const check: Check = {
    prev,
    scope,
    pool,
    listing,
    records: new Map(),
    change: { added: [], updated: [], removed: [] },
    corrupt: [],
    parsed: 0,
    named: new Map(),
  };
  for (const [path, r] of prev) if (!scope.owns(r.entry.dir)) check.records.set(path, r);

  // Sidecars first: the videos they name are not bare.
  for (const slice of slices(listing.folders.map(({ dir, sidecars }) => ({ dir, names: sidecars })))) {
    await checkSidecars(slice, check);
    await yieldToLoop();
  }
  // A video with a sidecar of its own name (even one that cannot be read) belongs to that record.
  const bare = listing.folders.map(({ dir, videos }) => {
    const named = check.named.get(dir);
    const names = listing.namesByDir.get(dir);
    return { dir, names: videos.filter((name) => !(named?.has(name) ?? false) && !(names?.has(sidecarNameFor(name)) ?? false)) };
  });
  for (const slice of slices(bare)) {
    await checkBareVideos(slice, check);
    await yieldToLoop();
  }

  const { records, change, corrupt, parsed } = check;
  for (const [path, r] of prev) {
    if (records.has(path)) continue;
    change.removed.push(r.entry.id);
  }
  return { records, change, corrupt, parsed };
}

function nameVideo(check: Check, dir: string, file: string): void {
  let names = check.named.get(dir);
  if (!names) check.named.set(dir, (names = new Set()));
  names.add(file);
}

async function checkSidecars(files: readonly FoundFile[], check: Check): Promise<void> {
  const { prev, listing, records, change } = check;
  const seen = await lookAgain(files, (path) => prev.get(path), check.scope.trusted);
  const looked = await mapLimit(files, PARSE_CONCURRENCY, async (f, i): Promise<Looked> => {
    const old = prev.get(f.path);
    const s = seen[i] as Seen;
    if ('reuse' in s) return { kind: 'reuse', f, old, reuse: s.reuse };
    if (!s.stamp) return { kind: 'gone' };
    check.parsed += 1;
    const file: SidecarFile = { dir: f.dir, sidecarName: f.name, path: f.path, ...s.stamp };
    return { kind: 'read', f, old, file, entry: await loadListedEntry(listing, file) };
  });
  for (const item of looked) {
    if (item.kind === 'gone') continue;
    const { f, old } = item;
    if (item.kind === 'reuse') {
      const r = item.reuse;
      if (isBareEntry(r.entry)) continue;
      nameVideo(check, f.dir, r.entry.sidecar.file);
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
      check.corrupt.push(f.path);
      continue;
    }
    nameVideo(check, f.dir, entry.sidecar.file);
    (old ? change.updated : change.added).push(entry.id);
    records.set(f.path, { mtimeMs: file.mtimeMs, size: file.size, ino: file.ino, entry: leanEntry(entry, check.pool) });
  }
}

async function checkBareVideos(videos: readonly FoundFile[], check: Check): Promise<void> {
  const { prev, records, change } = check;
  const prevBare = (path: string): CacheRecord | undefined => {
    const old = prev.get(path);
    return old && isBareEntry(old.entry) ? old : undefined;
  };
  const seen = await lookAgain(videos, prevBare, check.scope.trusted);
  const probed = await mapLimit(videos, PROBE_CONCURRENCY, (v, i) => bareRecord(v, seen[i] as Seen));
  videos.forEach((v, i) => {
    const r = probed[i];
    if (!r) return;
    const old = prev.get(v.path);
    if (r !== old) (old ? change.updated : change.added).push(r.entry.id);
    records.set(v.path, r);
  });
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
