import { statSync, type Dir } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isLibraryVideoName } from '../../../shared/domain/bare-video.js';
import type { FullSidecarEntry } from '../../../shared/domain/video.js';
import { errnoCode } from '../util/fs-errors.js';
import { fileInFolder } from './library-entry.js';
import { readSidecar } from './sidecar.js';

/**
 * Finds and reads sidecars (and finds videos) in the library folders. The folders alone are the
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

/** A file found by name, not yet looked at. */
export interface FoundFile {
  dir: string;
  name: string;
  path: string;
}

/** The file names of one folder the library lists: its sidecars and its videos, each sorted. */
export interface ListedNames {
  dir: string;
  sidecars: string[];
  videos: string[];
}

/**
 * Names, not paths: a path (and its object) per file, made for every file at
 * once, is some 25 MB more held through the whole check of a folder of
 * 200,000 files; a file's path is made when it is looked at (foundFile).
 */
export interface FolderListing {
  namesByDir: Map<string, Set<string>>;
  /** In scan order. */
  folders: ListedNames[];
}

export const foundFile = (dir: string, name: string): FoundFile => ({ dir, name, path: fileInFolder(dir, name) });

/** A folder to list: a library folder with its subfolders, or one folder alone (a subfolder that changed). */
export interface ListedFolder {
  dir: string;
  subfolders: boolean;
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Entries the OS hands over per read: a folder of 200,000 names takes 200 reads, and never sits whole in memory as entries. */
const LIST_BATCH = 1024;

/** One folder's names: all of them, and the files and subfolders the library looks into (not hidden), each sorted. */
interface FolderNames {
  names: Set<string>;
  files: string[];
  subfolders: string[];
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Read a batch at a time rather than as one array of entries: a folder of
 * 200,000 files made into entries all at once takes some 50 MB of heap for a
 * moment, and that moment falls in the start-up check, which sets the
 * process's peak memory.
 */
async function readFolderNames(dir: string): Promise<FolderNames> {
  const folder: FolderNames = { names: new Set(), files: [], subfolders: [] };
  let entries: Dir;
  try {
    entries = await opendir(dir, { bufferSize: LIST_BATCH });
  } catch (err) {
    // An output folder that does not exist yet (or was unplugged) is just empty.
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return folder;
    throw err;
  }
  for await (const d of entries) {
    folder.names.add(d.name);
    if (d.name.startsWith('.')) continue;
    // Symlinks are neither files nor folders here: a link could lead anywhere on the disk.
    if (d.isFile()) folder.files.push(d.name);
    else if (d.isDirectory()) folder.subfolders.push(d.name);
  }
  folder.files.sort(byName);
  folder.subfolders.sort(byName);
  return folder;
}

/**
 * Sidecar and video files at the top level of each folder and one level of
 * subfolders (users sort clips into folders). Hidden files and folders and
 * symlinked folders are skipped, which also rules out loops and the trash
 * folder. Order is deterministic: folders as given, then names sorted, top
 * level before subfolders.
 */
export async function listLibraryFolders(folders: readonly ListedFolder[]): Promise<FolderListing> {
  const listing: FolderListing = { namesByDir: new Map(), folders: [] };
  const visit = async (dir: string, subfolders: boolean): Promise<void> => {
    if (listing.namesByDir.has(dir)) return;
    const folder = await readFolderNames(dir);
    listing.namesByDir.set(dir, folder.names);
    const listed: ListedNames = { dir, sidecars: [], videos: [] };
    for (const name of folder.files) {
      if (name.endsWith(SIDECAR_SUFFIX)) listed.sidecars.push(name);
      else if (isLibraryVideoName(name)) listed.videos.push(name);
    }
    listing.folders.push(listed);
    if (!subfolders) return;
    for (const name of folder.subfolders) await visit(join(dir, name), false);
  };
  for (const f of folders) await visit(resolve(f.dir), f.subfolders);
  return listing;
}

/** The stat that tells a file changed (an atomic rewrite is a new inode even when mtime and size look unchanged). */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

/** The stamp of a regular file, or undefined when it is gone (deleted while we listed) or not a file. */
export async function stampOf(path: string): Promise<FileStamp | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino } : undefined;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** Stats taken back to back before the event loop gets a turn (a few milliseconds' worth). */
const STAMP_BATCH = 2000;

export const yieldToLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * The stamps of many files, in order; undefined for one that is gone, not a
 * file or cannot be looked at. A synchronous stat of a file the kernel has
 * cached costs a few microseconds, a promise through the thread pool several
 * times that: checking 100,000 sidecars at start-up would take seconds. The
 * loop is given a turn between batches so nothing else starves meanwhile.
 */
export async function stampsOf(paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
  const out = new Array<FileStamp | undefined>(paths.length);
  for (let i = 0; i < paths.length; i++) {
    if (i > 0 && i % STAMP_BATCH === 0) await yieldToLoop();
    try {
      const s = statSync(paths[i] as string, { throwIfNoEntry: false });
      out[i] = s?.isFile() ? { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino } : undefined;
    } catch {
      out[i] = undefined;
    }
  }
  return out;
}

/** Sidecar files in the library folders (and one level of subfolders), with their stat. */
export async function listSidecarFiles(dirs: readonly string[]): Promise<SidecarListing> {
  const listing = await listLibraryFolders(dirs.map((dir) => ({ dir, subfolders: true })));
  const sidecars = listing.folders.flatMap((folder) => folder.sidecars.map((name) => foundFile(folder.dir, name)));
  const stats = await mapLimit(sidecars, CONCURRENCY, async (f) => {
    const st = await stampOf(f.path);
    return st && { dir: f.dir, sidecarName: f.name, path: f.path, ...st };
  });
  return { files: stats.filter((s): s is SidecarFile => s !== undefined), namesByDir: listing.namesByDir };
}

export const isSidecarName = (name: string): boolean => name.endsWith(SIDECAR_SUFFIX) && !name.startsWith('.');

export function videoPresent(listing: Pick<SidecarListing, 'namesByDir'>, dir: string, file: string): boolean {
  return listing.namesByDir.get(dir)?.has(file) ?? false;
}

/** Reads one listed sidecar into a library entry; undefined when it is corrupt. */
export async function loadListedEntry(listing: Pick<SidecarListing, 'namesByDir'>, f: SidecarFile): Promise<FullSidecarEntry | undefined> {
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
  entries: FullSidecarEntry[];
  /** Paths of sidecars that could not be read or failed the schema. */
  corrupt: string[];
}

/** A full scan of the sidecars with no cache: every sidecar is read (bare videos are the index's business). */
export async function scanLibrary(dirs: string[]): Promise<ScanResult> {
  const listing = await listSidecarFiles(dirs);
  const loaded = await mapLimit(listing.files, CONCURRENCY, (f) => loadListedEntry(listing, f));
  const entries: FullSidecarEntry[] = [];
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
