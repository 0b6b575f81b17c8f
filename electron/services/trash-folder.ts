import { lstat, mkdir, rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { errnoCode } from '../core/util/fs-errors.js';

/**
 * The app's own trash folder: a hidden `.keyframe-trash` beside the trashed
 * file, inside the output folder. A rename within one folder tree never
 * crosses filesystems (no copy of a 4K video, no half-moved file), the person
 * finds trashed clips beside their videos, and the library scanner skips
 * hidden folders, so a clip in here is out of the library.
 */

export const TRASH_DIR = '.keyframe-trash';

/** Whether `path` already sits in a `.keyframe-trash` folder. */
export const inTrashFolder = (path: string): boolean => basename(dirname(path)) === TRASH_DIR;

/** Moves `path` into the trash folder beside it and returns where it went (never over another file). */
export async function moveIntoTrashFolder(path: string): Promise<string> {
  const trashDir = join(dirname(path), TRASH_DIR);
  await mkdir(trashDir, { recursive: true, mode: 0o700 });
  const target = await freeName(trashDir, basename(path));
  await rename(path, target);
  return target;
}

/** Whether nothing (not even a dangling link) is at `path`. */
export async function isFree(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return false;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return true;
    throw err;
  }
}

/** `name`, or `name (2)`, `name (3)`… so trashing a second file of the same name never overwrites the first. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = name.endsWith('.keyframe.json') ? '.keyframe.json' : extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 10_000; n++) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (await isFree(candidate)) return candidate;
  }
  throw appFailure('io', errorMessage('host.trash_full'));
}
