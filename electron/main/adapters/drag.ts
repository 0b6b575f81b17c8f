import { isAbsolute } from 'node:path';
import { statSync } from 'node:fs';
import type { NativeImage, WebContents } from 'electron';

/**
 * Dragging a finished video out of the library into Finder, a browser upload
 * or an editor. Not wired yet: it needs a contract op (proposed:
 * `library.startDrag({ id })` → `ok`) whose handler resolves the id to the
 * library file and calls a `ShellPort.startDrag(path)` that main implements
 * with this function on the window's webContents. The page never names a path.
 */
export function startDrag(contents: Pick<WebContents, 'startDrag' | 'isDestroyed'>, file: string, icon: NativeImage): boolean {
  if (contents.isDestroyed() || !isAbsolute(file)) return false;
  // A missing file would start an empty drag that silently drops nothing.
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
  // macOS refuses an empty image; callers pass build/drag-icon.png (copied to dist-electron).
  if (icon.isEmpty()) return false;
  contents.startDrag({ file, icon });
  return true;
}
