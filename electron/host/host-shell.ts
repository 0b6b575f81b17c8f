import { lstat, mkdir, rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import type { ShellPort } from '../services/types.js';

/**
 * Desktop integration for the browser host, which may run on a headless box
 * with no file manager, no native dialog and no system trash it can reach.
 *
 * - reveal: refused with a clear message (there is no window to show a file in).
 * - trash: the file is moved into a hidden `.keyframe-trash` folder next to it
 *   (inside the output folder). Chosen over a folder in the data dir because
 *   a rename within one folder tree never crosses filesystems (no copy of a
 *   4K video, no half-moved file), the person finds trashed clips beside their
 *   videos and restores one by moving it back, and the library scanner already
 *   skips hidden folders. Freedesktop's ~/.local/share/Trash was rejected: it
 *   does not exist on macOS/Windows or on most servers, and it may live on
 *   another filesystem than the output folder.
 * - chooseFolder: undefined; the settings view lets the person type a path.
 */

export const HOST_TRASH_DIR = '.keyframe-trash';

export function createHostShell(): ShellPort {
  return {
    async reveal() {
      throw appFailure('unavailable', errorMessage('host.no_file_manager'), { retryable: false });
    },
    async trash(path) {
      const trashDir = join(dirname(path), HOST_TRASH_DIR);
      await mkdir(trashDir, { recursive: true, mode: 0o700 });
      await rename(path, await freeName(trashDir, basename(path)));
    },
    async chooseFolder() {
      return undefined;
    },
  };
}

/** `name`, or `name (2)`, `name (3)`… so trashing a second file of the same name never overwrites the first. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = name.endsWith('.keyframe.json') ? '.keyframe.json' : extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 10_000; n++) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      await lstat(candidate);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return candidate;
      throw err;
    }
  }
  throw appFailure('io', errorMessage('host.trash_full'));
}
