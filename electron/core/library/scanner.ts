import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LibraryEntry } from '../../../shared/domain/video.js';
import { errnoCode } from '../util/fs-errors.js';
import { readSidecar } from './sidecar.js';

/**
 * Finds and reads sidecars in the output folders. The folders alone are the
 * source of truth: deleting the index cache loses nothing.
 */

const SIDECAR_SUFFIX = '.keyframe.json';
/** Parallel reads: enough to hide disk latency, few enough to stay clear of EMFILE. */
const CONCURRENCY = 32;

export interface SidecarFile {
  dir: string;
  sidecarName: string;
  path: string;
  mtimeMs: number;
  size: number;
  ino: number;
}

export interface SidecarListing {
  files: SidecarFile[];
  /** Every file name per folder: tells whether a sidecar's video exists without a stat each. */
  namesByDir: Map<string, Set<string>>;
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function readDirOrEmpty(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (err) {
    // An output folder that does not exist yet (or was unplugged) is just empty.
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
}

/**
 * Sidecar files at the top level of each folder and one level of subfolders
 * (users sort clips into folders). Hidden and symlinked folders are skipped,
 * which also rules out loops. Order is deterministic: folders as given, then
 * names sorted, top level before subfolders.
 */
export async function listSidecarFiles(dirs: readonly string[]): Promise<SidecarListing> {
  const namesByDir = new Map<string, Set<string>>();
  const found: { dir: string; name: string }[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (namesByDir.has(dir)) return;
    const dirents = (await readDirOrEmpty(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    namesByDir.set(dir, new Set(dirents.map((d) => d.name)));
    for (const d of dirents) {
      if (d.isFile() && d.name.endsWith(SIDECAR_SUFFIX) && !d.name.startsWith('.')) found.push({ dir, name: d.name });
    }
    if (depth > 0) return;
    for (const d of dirents) {
      if (d.isDirectory() && !d.name.startsWith('.')) await visit(join(dir, d.name), depth + 1);
    }
  };
  for (const dir of dirs) await visit(resolve(dir), 0);

  const stats = await mapLimit(found, CONCURRENCY, async (f) => {
    const path = join(f.dir, f.name);
    try {
      const s = await stat(path);
      return { dir: f.dir, sidecarName: f.name, path, mtimeMs: s.mtimeMs, size: s.size, ino: s.ino };
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return undefined; // deleted while we listed
      throw err;
    }
  });
  return { files: stats.filter((s): s is SidecarFile => s !== undefined), namesByDir };
}

export function videoPresent(listing: SidecarListing, dir: string, file: string): boolean {
  return listing.namesByDir.get(dir)?.has(file) ?? false;
}

/** Reads one listed sidecar into a library entry; undefined when it is corrupt. */
export async function loadListedEntry(listing: SidecarListing, f: SidecarFile): Promise<LibraryEntry | undefined> {
  try {
    const sidecar = await readSidecar(f.path);
    return {
      id: sidecar.id,
      dir: f.dir,
      sidecarName: f.sidecarName,
      videoMissing: !videoPresent(listing, f.dir, sidecar.file),
      sidecar,
    };
  } catch {
    return undefined;
  }
}

export interface ScanResult {
  entries: LibraryEntry[];
  /** Paths of sidecars that could not be read or failed the schema. */
  corrupt: string[];
}

/** A full scan with no cache: every sidecar is read. */
export async function scanLibrary(dirs: string[]): Promise<ScanResult> {
  const listing = await listSidecarFiles(dirs);
  const loaded = await mapLimit(listing.files, CONCURRENCY, (f) => loadListedEntry(listing, f));
  const entries: LibraryEntry[] = [];
  const corrupt: string[] = [];
  const ids = new Set<string>();
  loaded.forEach((entry, i) => {
    if (!entry) corrupt.push(listing.files[i]?.path ?? '');
    // A copied sidecar repeats its id; the first in scan order wins, as in LibraryIndex.
    else if (!ids.has(entry.id)) {
      ids.add(entry.id);
      entries.push(entry);
    }
  });
  return { entries, corrupt };
}
