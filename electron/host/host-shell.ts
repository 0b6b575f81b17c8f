import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { inTrashFolder, moveIntoTrashFolder, TRASH_DIR } from '../services/trash-folder.js';
import type { ShellPort } from '../services/types.js';

/**
 * Desktop integration for the browser host, which may run on a headless box
 * with no file manager, no native dialog and no system trash it can reach.
 *
 * - reveal: refused with a clear message (there is no window to show a file in).
 * - trash: the file is moved into the hidden `.keyframe-trash` folder next to it
 *   (see ../services/trash-folder.ts), which is this shell's trash for good: a
 *   file already there (held for "Undo" by the services' trash bin) stays put.
 *   Freedesktop's ~/.local/share/Trash was rejected: it does not exist on
 *   macOS/Windows or on most servers, and it may live on another filesystem
 *   than the output folder. The person restores a clip by moving it back.
 * - chooseFolder: undefined; the settings view lets the person type a path.
 */

export const HOST_TRASH_DIR = TRASH_DIR;

export function createHostShell(): ShellPort {
  return {
    trashIsAppFolder: true,
    async reveal() {
      throw appFailure('unavailable', errorMessage('host.no_file_manager'), { retryable: false });
    },
    async trash(path) {
      if (inTrashFolder(path)) return;
      await moveIntoTrashFolder(path);
    },
    async chooseFolder() {
      return undefined;
    },
  };
}
