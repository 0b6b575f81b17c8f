import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { watch as chokidarWatch, type ChokidarOptions } from 'chokidar';
import { isLibraryVideoName } from '../../../shared/domain/bare-video.js';
import { silentLogger, type Clock, type Logger, type TimerHandle } from '../ports.js';
import { errnoCode } from '../util/fs-errors.js';
import { isSidecarName } from './scanner.js';
import { ChangeBatcher } from './watch-batcher.js';
import { nativeFolderWatcher } from './watch-native.js';
import { needsPolling, type PollingChoice } from './watch-polling.js';

/**
 * Keeps the library in step with its folders while the app runs: a video
 * the CLI writes, a clip copied in from Finder, a sidecar deleted in
 * Explorer shows (or goes) within a second or two, without a restart.
 * Each folder has its own watcher, polled where the OS would not tell us
 * (network shares), so one unplugged drive neither stops the others nor
 * crashes anything: it is reported once and looked for again until it is back.
 */

/** What the index must offer the watcher. */
export interface WatchedIndex {
  pathsChanged(paths: readonly string[]): Promise<unknown>;
}

/** The subset of chokidar's FSWatcher used here (tests may hand in their own). */
export interface FolderWatcher {
  /** 'all' (event, path), 'raw' (event, path, details), 'error' (err), 'ready' (). */
  on(event: 'all' | 'raw' | 'error' | 'ready', cb: (...args: never[]) => void): unknown;
  close(): Promise<void>;
}

export type FolderWatchState = 'starting' | 'watching' | 'polling' | 'waiting' | 'unavailable';

export interface FolderStatus {
  dir: string;
  state: FolderWatchState;
}

/** A folder that stopped being readable, or came back. */
export interface FolderProblem {
  dir: string;
  kind: 'lost' | 'back';
  /** The errno code or message, for the log. */
  reason?: string;
}

export interface LibraryWatchOptions {
  index: WatchedIndex;
  clock: Clock;
  log?: Logger;
  /** `auto` polls network shares only (see watch-polling.ts). */
  polling?: PollingChoice;
  /** Quiet time that ends a burst of events (default 150 ms)… */
  debounceMs?: number;
  /** …and the longest a burst is held (default 800 ms), so a folder that keeps changing still updates. */
  maxWaitMs?: number;
  /** How long a file's size must hold still before it counts as written (default 250 ms). */
  settleMs?: number;
  /** Polling interval where polling is used (default 400 ms). */
  pollIntervalMs?: number;
  /** How often a missing or unreadable folder is looked for again (default 1000 ms). */
  retryMs?: number;
  onProblem?: (problem: FolderProblem) => void;
  /** Makes the watcher of one folder (default: chokidar). */
  createWatcher?: (dir: string, options: ChokidarOptions) => FolderWatcher;
}

interface Folder {
  dir: string;
  state: FolderWatchState;
  watcher?: FolderWatcher;
  retry?: TimerHandle;
  /** Whether the folder was ever readable: its disappearing then is news; a folder not made yet is not. */
  seen: boolean;
  /** Reported lost and not yet back. */
  reportedLost: boolean;
  /** Polls even where notifications should work (the OS ran out of watches). */
  forcePolling: boolean;
  /** Bumped at each start and stop, so a late 'ready' of an abandoned watcher changes nothing. */
  generation: number;
}

/** The longest a failed batch waits before it is tried again. */
const MAX_BACKOFF_MS = 60_000;

/** Notifications: the folders' own watches; polling (network shares): chokidar, a watch per library file. */
const defaultCreate = (dir: string, options: ChokidarOptions): FolderWatcher => (options.usePolling ? chokidarWatch(dir, options) : nativeFolderWatcher(dir));

/** A name the library lists: a sidecar or a video. `.part` files and the rest are not its business. */
export function isWatchedName(name: string): boolean {
  return !name.startsWith('.') && (isSidecarName(name) || isLibraryVideoName(name));
}

export class LibraryWatch {
  private readonly folders = new Map<string, Folder>();
  private readonly batcher: ChangeBatcher;
  private readonly log: Logger;
  private closed = false;
  /** Batches that failed in a row: each waits twice as long before it is tried again. */
  private failures = 0;
  private readonly retries = new Set<TimerHandle>();

  constructor(private readonly opts: LibraryWatchOptions) {
    this.log = opts.log ?? silentLogger;
    this.batcher = new ChangeBatcher({
      clock: opts.clock,
      debounceMs: opts.debounceMs ?? 150,
      maxWaitMs: opts.maxWaitMs ?? 800,
      flush: (paths) =>
        opts.index.pathsChanged(paths).then(
          () => {
            this.failures = 0;
          },
          (err: unknown) => this.indexFailed(paths, err),
        ),
    });
  }

  /**
   * A batch that could not be indexed (a folder listing failed: EIO on a
   * flaky share) is tried again after the retry delay, not dropped: no
   * other event may come for those files.
   */
  private indexFailed(paths: string[], err: unknown): void {
    this.log.log('warn', 'library: changed files could not be indexed; trying again', { count: paths.length, error: String(err) });
    if (this.closed) return;
    const delay = Math.min(MAX_BACKOFF_MS, (this.opts.retryMs ?? 1000) * 2 ** this.failures);
    this.failures += 1;
    const handle = this.opts.clock.setTimeout(() => {
      this.retries.delete(handle);
      for (const p of paths) this.batcher.add(p);
    }, delay);
    this.retries.add(handle);
  }

  /** Watches exactly these folders: new ones start, ones no longer listed stop. */
  async sync(dirs: readonly string[]): Promise<void> {
    if (this.closed) return;
    const wanted = new Set(dirs.map((d) => resolve(d)));
    for (const [dir, f] of this.folders) {
      if (!wanted.has(dir)) {
        this.folders.delete(dir);
        await this.stop(f);
      }
    }
    for (const dir of wanted) {
      if (this.folders.has(dir)) continue;
      const f: Folder = { dir, state: 'starting', seen: false, reportedLost: false, forcePolling: false, generation: 0 };
      this.folders.set(dir, f);
      await this.start(f, false);
    }
  }

  status(): FolderStatus[] {
    return [...this.folders.values()].map((f) => ({ dir: f.dir, state: f.state }));
  }

  /** Stops every watcher and timer; pending changes are indexed first. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const handle of this.retries) this.opts.clock.clearTimeout(handle);
    this.retries.clear();
    const folders = [...this.folders.values()];
    this.folders.clear();
    await Promise.all(folders.map((f) => this.stop(f)));
    await this.batcher.close();
  }

  private async start(f: Folder, afterGap: boolean): Promise<void> {
    const generation = ++f.generation;
    let isDir: boolean;
    try {
      isDir = (await stat(f.dir)).isDirectory();
    } catch (err) {
      const code = errnoCode(err);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return this.lost(f, code ?? String(err));
      isDir = false;
    }
    if (generation !== f.generation || this.closed) return;
    if (!isDir) {
      // Not there (yet): an output folder is made by its first video; a drive may be plugged in later.
      if (f.seen) return this.lost(f, 'ENOENT');
      f.state = 'waiting';
      this.scheduleRetry(f);
      return;
    }
    const polling = f.forcePolling || (await this.pollingFor(f.dir));
    if (generation !== f.generation || this.closed) return;
    const watcher = (this.opts.createWatcher ?? defaultCreate)(f.dir, this.watchOptions(f.dir, polling));
    f.watcher = watcher;
    watcher.on('error', (err: unknown) => void this.failed(f, generation, err));
    watcher.on('all', (event: string, path: string) => this.event(f, generation, event, path));
    watcher.on('raw', (_event: string, path: string | null, details: unknown) => this.rawEvent(f, generation, path, details));
    // An error before 'ready' means no 'ready' ever comes: either ends the wait (failed() has already stopped it).
    await new Promise<void>((done) => {
      watcher.on('ready', done);
      watcher.on('error', () => done());
    });
    if (generation !== f.generation || this.closed) return;
    f.state = polling ? 'polling' : 'watching';
    f.seen = true;
    if (f.reportedLost) {
      f.reportedLost = false;
      this.opts.onProblem?.({ dir: f.dir, kind: 'back' });
    }
    // Whatever changed while nobody watched (a drive replugged, a folder made) is looked at once, in full.
    if (afterGap) this.batcher.add(f.dir);
  }

  private async pollingFor(dir: string): Promise<boolean> {
    const choice = this.opts.polling ?? 'auto';
    if (choice !== 'auto') return choice === 'always';
    return needsPolling(dir);
  }

  private watchOptions(dir: string, polling: boolean): ChokidarOptions {
    const interval = this.opts.pollIntervalMs ?? 400;
    return {
      ignoreInitial: true,
      persistent: true,
      followSymlinks: false,
      // The folder and one level of subfolders, as the scanner lists them.
      depth: 1,
      usePolling: polling,
      interval,
      binaryInterval: interval,
      // An .mp4 being copied in is reported once its size holds still; the probe then checks it is whole.
      awaitWriteFinish: { stabilityThreshold: this.opts.settleMs ?? 250, pollInterval: 50 },
      // Hidden folders (the trash) and files the library does not list are not watched at all. Natively,
      // files are not watched one by one either: a handle per file costs ~5 kB and a stat at start-up (over
      // half a gigabyte and half a minute with 100,000 takes), while the folder's own watch already names
      // every file added, changed or removed in it (the raw events). Polling sees only a folder's stat, so
      // there each library file keeps its own watch.
      ignored: (path, stats) =>
        path !== dir && (basename(path).startsWith('.') || (stats?.isFile() === true && (!polling || !isWatchedName(basename(path))))),
    };
  }

  private event(f: Folder, generation: number, event: string, path: string): void {
    if (generation !== f.generation || this.closed) return;
    const abs = resolve(path);
    if (abs === f.dir) {
      // The folder itself went away (deleted, renamed, unmounted).
      if (event === 'unlinkDir') void this.checkFolder(f, generation);
      return;
    }
    const isDirEvent = event === 'addDir' || event === 'unlinkDir';
    if (isDirEvent || isWatchedName(basename(abs))) this.batcher.add(abs);
  }

  /**
   * The OS's own word, before chokidar's bookkeeping: chokidar reports a file
   * only once it has listed it, and misses files moved into a folder while it
   * is still setting up its watch there (so also their later deletion). Any
   * notification naming a library file is therefore looked at too; the
   * reconcile makes a repeated look cost nothing.
   */
  private rawEvent(f: Folder, generation: number, path: string | null, details: unknown): void {
    if (generation !== f.generation || this.closed || path === null) return;
    const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    // fs.watch names the file relative to the watched folder (or the watched file itself); fs.watchFile gives the full path.
    const abs = typeof watched === 'string' ? (basename(watched) === path ? resolve(watched) : resolve(watched, path)) : resolve(path);
    // Something happened to the folder itself: chokidar does not always say when it was deleted.
    if (abs === f.dir) void this.checkFolder(f, generation);
    else if (isWatchedName(basename(abs))) this.batcher.add(abs);
  }

  /** Whether the watched folder is still there; when it is not, it is lost (reported and looked for again). */
  private async checkFolder(f: Folder, generation: number): Promise<void> {
    const isDir = await stat(f.dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) await this.failed(f, generation, Object.assign(new Error('folder removed'), { code: 'ENOENT' }));
  }

  private async failed(f: Folder, generation: number, err: unknown): Promise<void> {
    if (generation !== f.generation || this.closed) return;
    const code = errnoCode(err);
    this.log.log('warn', 'library folder watch failed', { dir: f.dir, error: code ?? String(err) });
    // Out of OS watches: this folder is polled from now on instead.
    if (code === 'ENOSPC' || code === 'EMFILE') f.forcePolling = true;
    await this.stop(f);
    if (this.closed || !this.folders.has(f.dir)) return;
    // Whatever it held is looked at again now: the videos of an unplugged drive leave the list.
    this.batcher.add(f.dir);
    this.lost(f, code ?? String(err));
  }

  private lost(f: Folder, reason: string): void {
    f.state = 'unavailable';
    if (!f.reportedLost) {
      f.reportedLost = true;
      this.opts.onProblem?.({ dir: f.dir, kind: 'lost', reason });
    }
    this.scheduleRetry(f);
  }

  private scheduleRetry(f: Folder): void {
    if (this.closed || f.retry !== undefined) return;
    f.retry = this.opts.clock.setTimeout(() => {
      f.retry = undefined;
      if (this.closed || this.folders.get(f.dir) !== f) return;
      void this.start(f, true).catch((err: unknown) => {
        this.log.log('warn', 'library folder watch could not start', { dir: f.dir, error: String(err) });
        this.lost(f, String(err));
      });
    }, this.opts.retryMs ?? 1000);
  }

  private async stop(f: Folder): Promise<void> {
    f.generation += 1;
    if (f.retry !== undefined) this.opts.clock.clearTimeout(f.retry);
    f.retry = undefined;
    const w = f.watcher;
    f.watcher = undefined;
    await w?.close().catch((err: unknown) => this.log.log('warn', 'library folder watcher did not close cleanly', { dir: f.dir, error: String(err) }));
  }
}
