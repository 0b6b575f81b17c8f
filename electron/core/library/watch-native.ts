import { EventEmitter } from 'node:events';
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { lstat, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderWatcher } from './watch-folders.js';

/**
 * A library folder watched with the OS's own notifications: one watch on the
 * folder and one on each of its subfolders (the depth the scanner lists),
 * none per file. Chokidar, even told to ignore files and the initial listing,
 * stats every entry before it is ready: 200,000 stats, seconds of start-up
 * and a heap of Stats objects for a folder of 100,000 takes. A folder's own
 * watch already names every file added, changed or removed in it.
 *
 * It speaks chokidar's events as LibraryWatch reads them: `raw` for every
 * notification (the file's name and the folder watched), `all` with
 * `addDir` / `unlinkDir` for a subfolder that came or went, `error`, `ready`.
 */

type Listener = (...args: never[]) => void;

const isHidden = (name: string): boolean => name.startsWith('.');

export function nativeFolderWatcher(dir: string): FolderWatcher {
  return new NativeFolderWatcher(dir);
}

class NativeFolderWatcher implements FolderWatcher {
  private readonly events = new EventEmitter();
  private readonly watches = new Map<string, FSWatcher>();
  private closed = false;

  constructor(private readonly dir: string) {
    // Listeners are attached by the caller right after construction: start once they are.
    queueMicrotask(() => void this.start());
  }

  on(event: 'all' | 'raw' | 'error' | 'ready', cb: Listener): this {
    this.events.on(event, cb as (...args: unknown[]) => void);
    return this;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.watches.values()) w.close();
    this.watches.clear();
  }

  private async start(): Promise<void> {
    try {
      // The folder first: a subfolder made while the others are being set up is still seen.
      this.watchDir(this.dir, true);
      const folders = await opendir(this.dir);
      for await (const d of folders) {
        if (this.closed) return;
        if (d.isDirectory() && !isHidden(d.name)) this.watchDir(join(this.dir, d.name), false);
      }
    } catch (err) {
      if (!this.closed) this.events.emit('error', err);
      return;
    }
    if (!this.closed) this.events.emit('ready');
  }

  /** Throws (ENOSPC, EMFILE, EACCES…) only for the library folder itself; a subfolder that cannot be watched is reported. */
  private watchDir(path: string, isRoot: boolean): void {
    if (this.watches.has(path)) return;
    let w: FSWatcher;
    try {
      w = fsWatch(path, { persistent: true });
    } catch (err) {
      if (isRoot) throw err;
      this.events.emit('error', err);
      return;
    }
    this.watches.set(path, w);
    w.on('change', (event: string, name: string | Buffer | null) => this.changed(path, isRoot, event, name === null ? null : String(name)));
    w.on('error', (err: unknown) => {
      if (this.closed) return;
      // A subfolder deleted ends its own watch: that is its going, told by the folder's watch.
      if (!isRoot) return this.unwatch(path);
      this.events.emit('error', err);
    });
  }

  private unwatch(path: string): void {
    const w = this.watches.get(path);
    if (!w) return;
    w.close();
    this.watches.delete(path);
    this.events.emit('all', 'unlinkDir', path);
  }

  private changed(watched: string, isRoot: boolean, event: string, name: string | null): void {
    if (this.closed) return;
    this.events.emit('raw', event, name, { watchedPath: watched });
    // A name that came or went in the library folder may be a subfolder: its watch starts or stops with it.
    if (isRoot && name !== null && event === 'rename' && !isHidden(name) && !name.includes('/') && !name.includes('\\')) void this.followSubfolder(join(this.dir, name));
  }

  private async followSubfolder(path: string): Promise<void> {
    // lstat: a symlinked folder is not followed, as the scanner does not follow it.
    const isDir = await lstat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (this.closed) return;
    if (isDir && !this.watches.has(path)) {
      this.watchDir(path, false);
      this.events.emit('all', 'addDir', path);
    } else if (!isDir && this.watches.has(path)) {
      this.unwatch(path);
    }
  }
}
