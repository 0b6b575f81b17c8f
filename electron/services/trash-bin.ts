import { readdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import { errnoCode } from '../core/util/fs-errors.js';
import { isFree, moveIntoTrashFolder, TRASH_DIR } from './trash-folder.js';
import type { ShellPort } from './types.js';

/**
 * Trash with "Undo", the same in the desktop app and the browser host.
 *
 * A trashed clip's files are first renamed into the app's own `.keyframe-trash`
 * folder beside them (trash-folder.ts): instant, atomic, and as easy to take
 * back. For the undo window a restore renames them back. Only when the window
 * ends, or the app closes, does a file go to the shell's trash for good:
 * - desktop: the OS trash. Electron can put a file there (shell.trashItem) but
 *   has no way to take one back out, so handing it over at once would make
 *   "Undo" impossible. It is first renamed back to where it was, so the OS
 *   trash's own "Put back" returns it to the output folder, not to the hidden one.
 * - browser host: `.keyframe-trash` is its trash (ShellPort.trashIsAppFolder),
 *   so the files simply stay there.
 * A crash inside the window leaves files in `.keyframe-trash`: never lost, and
 * the next start hands them to the OS trash (sweep).
 */

export const UNDO_WINDOW_MS = 15_000;

interface HeldFile {
  /** Where the file was, and goes back to on restore. */
  original: string;
  /** Where it is while the undo window is open. */
  held: string;
}

/** Where the clip's record (sidecar) is listed from, to index it again after a restore. */
export interface RecordPlace {
  dir: string;
  sidecarName: string;
}

interface Held {
  place: RecordPlace;
  files: HeldFile[];
  until: number;
  timer: TimerHandle;
}

export interface TrashBinDeps {
  shell: ShellPort;
  clock: Clock;
  logger: Logger;
  undoWindowMs?: number;
}

export class TrashBin {
  private readonly held = new Map<string, Held>();
  private readonly finishing = new Set<Promise<void>>();
  private readonly windowMs: number;

  constructor(private readonly deps: TrashBinDeps) {
    this.windowMs = deps.undoWindowMs ?? UNDO_WINDOW_MS;
  }

  /**
   * Moves a clip's files, in the order given (video first, then its sidecar), into the trash folder
   * beside them and keeps them restorable under `id`. Returns how long (ms) a restore stays possible.
   * When a later file cannot move, the earlier ones go back: a clip is never left half in the trash.
   */
  async hold(id: string, place: RecordPlace, paths: readonly string[]): Promise<number> {
    const files: HeldFile[] = [];
    try {
      for (const original of paths) files.push({ original, held: await moveIntoTrashFolder(original) });
    } catch (err) {
      await this.moveBack(files);
      throw err;
    }
    this.arm(id, { place, files, until: this.deps.clock.now() + this.windowMs });
    return this.windowMs;
  }

  /** Puts a held clip's files back where they were; refuses once the window has ended or a file took the place. */
  async restore(id: string): Promise<RecordPlace> {
    const h = this.held.get(id);
    if (!h) throw appFailure('not_found', errorMessage('library.restore_expired'), { retryable: false });
    // Out of the map before the first await: the window's timer must not finish a clip being restored.
    this.disarm(id, h);
    for (const f of h.files) {
      if (!(await isFree(f.original))) {
        this.arm(id, h);
        throw appFailure('invalid_file', errorMessage('library.restore_taken', { file: basename(f.original) }), { retryable: true });
      }
    }
    const back: HeldFile[] = [];
    try {
      for (const f of h.files) {
        await rename(f.held, f.original);
        back.push(f);
      }
    } catch (err) {
      this.deps.logger.log('warn', 'could not put a trashed file back', { error: err });
      for (const f of back.reverse()) await rename(f.original, f.held).catch(() => undefined);
      this.arm(id, h);
      throw appFailure('io', errorMessage('library.restore_failed'), { retryable: true });
    }
    return h.place;
  }

  /** Whether `id` can still be restored. */
  holds(id: string): boolean {
    return this.held.has(id);
  }

  /** Ends every undo window now (the app is closing) and waits for the files to reach the shell's trash. */
  async close(): Promise<void> {
    for (const [id, h] of [...this.held]) this.finish(id, h);
    await Promise.all([...this.finishing]);
  }

  /**
   * Files a previous run left in `.keyframe-trash` inside an undo window (it crashed or was killed) go
   * to the OS trash now. Nothing to do where that folder is the trash itself (browser host).
   */
  async sweep(dirs: readonly string[]): Promise<void> {
    if (this.deps.shell.trashIsAppFolder) return;
    for (const dir of dirs) {
      const trashDir = join(dir, TRASH_DIR);
      let names: string[];
      try {
        names = (await readdir(trashDir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
      } catch (err) {
        if (errnoCode(err) !== 'ENOENT') this.deps.logger.log('warn', 'could not read a trash folder', { error: err });
        continue;
      }
      // Sidecars last, as when trashing: a video never outlives its record in the output folder.
      names.sort((a, b) => Number(a.endsWith('.keyframe.json')) - Number(b.endsWith('.keyframe.json')));
      for (const name of names) await this.toShellTrash({ original: join(dir, name), held: join(trashDir, name) });
    }
  }

  private arm(id: string, h: Omit<Held, 'timer'>): void {
    const entry: Held = { ...h, timer: 0 };
    entry.timer = this.deps.clock.setTimeout(() => this.finish(id, entry), Math.max(0, h.until - this.deps.clock.now()));
    this.held.set(id, entry);
  }

  private disarm(id: string, h: Held): void {
    this.deps.clock.clearTimeout(h.timer);
    this.held.delete(id);
  }

  private finish(id: string, h: Held): void {
    if (this.held.get(id) !== h) return;
    this.disarm(id, h);
    if (this.deps.shell.trashIsAppFolder) return;
    const done = (async () => {
      for (const f of h.files) await this.toShellTrash(f);
    })();
    this.finishing.add(done);
    void done.finally(() => this.finishing.delete(done));
  }

  /** One held file to the OS trash, from its original place when that is still free (so "Put back" puts it there). */
  private async toShellTrash(f: HeldFile): Promise<void> {
    let path = f.held;
    try {
      if (await isFree(f.original)) {
        await rename(f.held, f.original);
        path = f.original;
      }
      await this.deps.shell.trash(path);
    } catch (err) {
      // Not lost: it stays at `path` (back in the output folder, or in .keyframe-trash for the next start's sweep).
      this.deps.logger.log('warn', 'could not hand a file to the trash', { error: err });
    }
  }

  private async moveBack(files: HeldFile[]): Promise<void> {
    for (const f of [...files].reverse()) {
      await rename(f.held, f.original).catch((err: unknown) => this.deps.logger.log('warn', 'could not put a file back after a failed trash', { error: err }));
    }
  }
}
