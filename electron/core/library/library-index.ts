import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { isBareEntry, type LibraryEntry, type LibrarySidecar, type SidecarEntry, type VideoSidecar } from '../../../shared/domain/video.js';
import { silentLogger, type Clock, type Logger, type TimerHandle } from '../ports.js';
import { readLibraryCache, writeLibraryCache, type CacheRecord } from './library-cache.js';
import { createdAtOf, recordPathOf } from './library-entry.js';
import { familyOf, type Family } from './library-lineage.js';
import { pathExists } from './part-files.js';
import { changedScope, isInFolders, wholeScope } from './library-scope.js';
import { reconcile, type LibraryChange, type ReconcileScope } from './library-reconcile.js';
import { leanEntry, StringPool } from './library-sidecar.js';
import { readSidecar, updateSidecarUser } from './sidecar.js';

/**
 * The in-memory library: every video found in the output folders, kept in
 * step with the sidecars on disk and cached so start-up reads only what
 * changed. All mutations run one at a time so a refresh never races a
 * favorite toggle.
 */

export interface LibraryIndexOptions {
  cachePath: string;
  dirs: string[];
  clock: Clock;
  log?: Logger;
  /** Coalesces cache writes after favorite/tag edits (default 1000 ms). */
  saveDelayMs?: number;
}

export interface RefreshReport {
  added: number;
  updated: number;
  removed: number;
  /** Paths of sidecars that could not be read. */
  corrupt: string[];
  /** Sidecars actually read from disk (the rest came from the cache). */
  parsed: number;
}

export type { LibraryChange } from './library-reconcile.js';

export interface OpenedLibrary {
  /** Whether the library was answered from the cache, before its check against the folders. */
  fromCache: boolean;
  /** The check against the folders: what changed while the app was closed (already settled when not from the cache). */
  checked: Promise<RefreshReport>;
}

export class LibraryIndex {
  /** Keyed by sidecar path; insertion order is scan order. */
  private records = new Map<string, CacheRecord>();
  private byId: Map<string, string> | undefined;
  private list: readonly LibraryEntry[] | undefined;
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  private readonly dirListeners = new Set<(dirs: readonly string[]) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private saveTimer: TimerHandle | undefined;
  private dirty = false;
  private readonly log: Logger;
  private readonly dirs: string[];
  private readonly pool = new StringPool();
  /** Whether the cache or the folders were read at least once. */
  private loaded = false;

  constructor(private readonly opts: LibraryIndexOptions) {
    this.log = opts.log ?? silentLogger;
    this.dirs = opts.dirs.map((d) => resolve(d));
  }

  /** Reads the cache (a bad one is ignored) then refreshes against the folders. */
  load(): Promise<RefreshReport> {
    return this.serial(async () => {
      await this.adoptCache();
      return this.wholeCheck();
    });
  }

  /**
   * Answers from the cache as soon as it is read, and checks it against the
   * folders right after. Listing and stat'ing 100,000 files takes seconds, and
   * a start-up waiting on it shows nothing meanwhile; what changed while the
   * app was closed arrives moments later as an ordinary change. Edits queued
   * meanwhile (a favorite, a finished download) wait behind the check, so
   * none acts on a record the check is about to replace. Without a usable
   * cache there is nothing to show early: it resolves after the full scan.
   */
  async open(): Promise<OpenedLibrary> {
    const fromCache = await this.serial(() => this.adoptCache());
    const checked = this.serial(() => this.wholeCheck());
    if (!fromCache) await checked;
    return { fromCache, checked };
  }

  refresh(): Promise<RefreshReport> {
    return this.serial(() => this.refreshNow());
  }

  /**
   * Files or folders that changed on disk (the watcher's word): only their
   * folders are listed again, and only the changed files read. A path
   * outside the library folders, in a hidden folder or deeper than one
   * subfolder is not the library's and changes nothing.
   */
  pathsChanged(paths: readonly string[]): Promise<RefreshReport> {
    return this.serial(async () => {
      const scope = changedScope(this.dirs, paths);
      return scope ? this.refreshNow(scope, false) : { added: 0, updated: 0, removed: 0, corrupt: [], parsed: 0 };
    });
  }

  /** The folders scanned, resolved. */
  directories(): readonly string[] {
    return this.dirs;
  }

  /**
   * Adds a folder (a newly chosen output folder) and scans it. Serialised with
   * everything else so a scan in flight never sees the list change under it.
   */
  addDir(dir: string): Promise<RefreshReport> {
    return this.serial(async () => {
      const folder = resolve(dir);
      if (!this.dirs.includes(folder)) {
        this.dirs.push(folder);
        this.dirsChanged();
      }
      return this.refreshNow();
    });
  }

  /** Drops a folder from the library (its videos leave the list; their files stay where they are). */
  removeDir(dir: string): Promise<RefreshReport> {
    return this.serial(async () => {
      const folder = resolve(dir);
      const at = this.dirs.indexOf(folder);
      if (at >= 0) {
        this.dirs.splice(at, 1);
        this.dirsChanged();
      }
      return this.refreshNow();
    });
  }

  /** Indexes a sidecar just written next to a finished download. */
  add(dir: string, sidecarName: string): Promise<SidecarEntry> {
    return this.serial(async () => {
      const folder = resolve(dir);
      const path = join(folder, sidecarName);
      const sidecar = await readSidecar(path);
      const s = await stat(path);
      const entry = leanEntry({ id: sidecar.id, dir: folder, sidecarName, videoMissing: !(await pathExists(join(folder, sidecar.file))), sidecar }, this.pool);
      const existed = this.records.has(path);
      this.records.set(path, { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino, entry });
      const change: LibraryChange = existed ? { added: [], updated: [entry.id], removed: [] } : { added: [entry.id], updated: [], removed: [] };
      // The watcher may have listed the video on its own before its sidecar was written: one video, one entry.
      const bare = this.records.get(join(folder, sidecar.file));
      if (bare && isBareEntry(bare.entry)) {
        this.records.delete(join(folder, sidecar.file));
        change.removed.push(bare.entry.id);
      }
      this.changed(change);
      return entry;
    });
  }

  /** Drops an entry (after its files were deleted or trashed); true when it was indexed. */
  remove(id: string): Promise<boolean> {
    return this.serial(async () => {
      const path = this.ids().get(id);
      if (path === undefined) return false;
      this.records.delete(path);
      this.changed({ added: [], updated: [], removed: [id] });
      return true;
    });
  }

  get(id: string): LibraryEntry | undefined {
    const path = this.ids().get(id);
    return path === undefined ? undefined : this.records.get(path)?.entry;
  }

  /**
   * Every sidecar the library lists, once whatever is queued before (the
   * check of the folders after open()) is done; undefined while the library
   * was never loaded, when it knows nothing yet.
   */
  settledSidecars(): Promise<LibrarySidecar[] | undefined> {
    return this.serial(async () => (this.loaded ? this.all().flatMap((e) => (isBareEntry(e) ? [] : [e.sidecar])) : undefined));
  }

  /**
   * The whole sidecar of a video, every field its file holds (the library
   * keeps only what it shows and searches), read and checked now; undefined
   * for an id it does not list or a bare video, which has none.
   */
  async fullSidecar(id: string): Promise<VideoSidecar | undefined> {
    const path = this.ids().get(id);
    const entry = path === undefined ? undefined : this.records.get(path)?.entry;
    return !entry || isBareEntry(entry) ? undefined : readSidecar(recordPathOf(entry));
  }

  /** Newest first. The same array instance is returned until the library changes (queryLibrary caches on it). */
  all(): readonly LibraryEntry[] {
    if (!this.list) {
      const entries = [...this.ids().values()].map((p) => (this.records.get(p) as CacheRecord).entry);
      entries.sort((a, b) => createdAtOf(b) - createdAtOf(a) || (a.id < b.id ? -1 : 1));
      this.list = Object.freeze(entries);
    }
    return this.list;
  }

  /** Parent, children and sibling takes of a video, from the sidecars (undefined: no such video). */
  family(id: string): Family | undefined {
    return familyOf(this.all(), id);
  }

  setFavorite(id: string, favorite: boolean): Promise<SidecarEntry> {
    return this.serial(() => this.patchUser(id, { favorite }));
  }

  setTags(id: string, tags: string[]): Promise<SidecarEntry> {
    return this.serial(() => this.patchUser(id, { tags }));
  }

  on(_event: 'changed', cb: (change: LibraryChange) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Called with the folders whenever one is added or removed (the watcher follows them). */
  onDirectories(cb: (dirs: readonly string[]) => void): () => void {
    this.dirListeners.add(cb);
    return () => this.dirListeners.delete(cb);
  }

  /** Writes the cache now if anything changed since the last write. */
  flush(): Promise<void> {
    return this.serial(() => this.saveNow());
  }

  /** The library folders read (what the cache did not already hold): the library is loaded. */
  private async wholeCheck(): Promise<RefreshReport> {
    const report = await this.refreshNow();
    this.loaded = true;
    return report;
  }

  /** Takes the cache's records as the library (true), or starts empty when there is no usable cache (false). */
  private async adoptCache(): Promise<boolean> {
    const cache = await readLibraryCache(this.opts.cachePath, this.pool);
    if (cache.problem) this.log.log('info', 'library cache not fully used; rescanning', { reason: cache.problem });
    // A folder dropped from the library while the app was closed must not show until the check removes it.
    const listed = (r: CacheRecord) => isInFolders(this.dirs, r.entry.dir);
    this.records = new Map(cache.records.filter(listed).map((r) => [recordPathOf(r.entry), r]));
    this.invalidate();
    this.dirty = cache.problem !== undefined;
    return cache.problem === undefined;
  }

  /**
   * `saveAtOnce`: write the cache before answering (a whole refresh); a
   * watcher's small change leaves it to the coalesced save instead, or a
   * folder the CLI writes into would rewrite a 10,000-entry cache per clip.
   */
  private async refreshNow(scope: ReconcileScope = wholeScope(this.dirs), saveAtOnce = true): Promise<RefreshReport> {
    const { records, change: found, corrupt, parsed } = await reconcile(this.records, scope, this.pool);
    // Read only for ids that came or went: a map of every id, built for a check that found nothing, adds to the start-up peak.
    const before = found.added.length + found.removed.length > 0 ? this.ids() : new Map<string, string>();
    this.records = records;
    this.invalidate();
    const change = settleChange(found, before, this.ids());
    if (corrupt.length > 0) this.log.log('warn', 'library: damaged sidecars skipped', { count: corrupt.length });
    if (change.added.length + change.updated.length + change.removed.length > 0) this.changed(change);
    if (saveAtOnce) await this.saveNow();
    return { added: change.added.length, updated: change.updated.length, removed: change.removed.length, corrupt, parsed };
  }

  private async patchUser(id: string, patch: { favorite?: boolean; tags?: string[] }): Promise<SidecarEntry> {
    const path = this.ids().get(id);
    const prev = path === undefined ? undefined : this.records.get(path);
    if (path === undefined || !prev) {
      throw appFailure('not_found', errorMessage('library.video_gone'), { retryable: false });
    }
    // Favorites and tags live in the sidecar; a video without one has nowhere to keep them.
    if (isBareEntry(prev.entry)) throw appFailure('invalid_request', errorMessage('library.bare_no_record'), { retryable: false });
    const sidecar = await updateSidecarUser(path, patch);
    const s = await stat(path);
    const entry = leanEntry({ ...prev.entry, sidecar }, this.pool);
    this.records.set(path, { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino, entry });
    this.changed({ added: [], updated: [id], removed: [] });
    return entry;
  }

  /** id → record path; a copied sidecar (or video) repeats an id and the first in scan order wins. */
  private ids(): Map<string, string> {
    if (!this.byId) {
      this.byId = new Map();
      for (const [path, r] of this.records) if (!this.byId.has(r.entry.id)) this.byId.set(r.entry.id, path);
    }
    return this.byId;
  }

  private invalidate(): void {
    this.byId = undefined;
    this.list = undefined;
  }

  private changed(change: LibraryChange): void {
    this.invalidate();
    this.dirty = true;
    this.scheduleSave();
    for (const cb of this.listeners) {
      try {
        cb(change);
      } catch (err) {
        this.log.log('error', 'library change listener threw', { error: String(err) });
      }
    }
  }

  private dirsChanged(): void {
    const dirs = [...this.dirs];
    for (const cb of this.dirListeners) {
      try {
        cb(dirs);
      } catch (err) {
        this.log.log('error', 'library folders listener threw', { error: String(err) });
      }
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = this.opts.clock.setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, this.opts.saveDelayMs ?? 1000);
  }

  /** Never throws: a cache that cannot be written only makes the next start slower. */
  private async saveNow(): Promise<void> {
    if (this.saveTimer !== undefined) this.opts.clock.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await writeLibraryCache(this.opts.cachePath, this.records.values(), this.opts.clock.now());
    } catch (err) {
      this.dirty = true;
      this.log.log('warn', 'library cache could not be saved', { error: String(err) });
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * The change as the page should hear it, by id: a file moved (a sidecar to a
 * subfolder, a bare video renamed) is the same video updated, not one gone
 * and one new; an id still held by a copy elsewhere has not gone.
 */
function settleChange(found: LibraryChange, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): LibraryChange {
  const removed = new Set(found.removed.filter((id) => !after.has(id)));
  const updated = new Set(found.updated.filter((id) => after.has(id)));
  const added = new Set<string>();
  for (const id of found.added) {
    if (before.has(id)) updated.add(id);
    else added.add(id);
  }
  for (const id of found.removed) if (after.has(id) && before.get(id) !== after.get(id)) updated.add(id);
  return { added: [...added], updated: [...updated].filter((id) => !added.has(id)), removed: [...removed] };
}
