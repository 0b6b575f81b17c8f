import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReconcileScope } from './library-reconcile.js';
import type { ListedFolder } from './scanner.js';

/**
 * Which folders a refresh looks at. A whole refresh lists every library
 * folder with its subfolders; a refresh for changed paths lists only the
 * folders those paths are in, reads only the files that changed, and keeps
 * every other record untouched, so a clip landing in a folder of thousands
 * costs one folder listing and one read.
 */

export function wholeScope(dirs: readonly string[]): ReconcileScope {
  return { folders: dirs.map((dir) => ({ dir, subfolders: true })), owns: () => true };
}

/** The library folder `path` is in, and its path below it split in parts (empty for the folder itself). */
function placeOf(dirs: readonly string[], path: string): { root: string; parts: string[] } | undefined {
  for (const root of dirs) {
    if (path === root) return { root, parts: [] };
    const rel = relative(root, path);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
    return { root, parts: rel.split(sep) };
  }
  return undefined;
}

/** Whether a record's folder is one of the library folders or one of their subfolders (the depth the scanner lists). */
export function isInFolders(dirs: readonly string[], dir: string): boolean {
  return dirs.includes(dir) || dirs.includes(dirname(dir));
}

/** Undefined when no path is the library's business. */
export function changedScope(dirs: readonly string[], paths: readonly string[]): ReconcileScope | undefined {
  const folders = new Map<string, ListedFolder>();
  const whole = new Set<string>();
  const changed = new Set<string>();
  const list = (dir: string, subfolders: boolean) => {
    if (subfolders) whole.add(dir);
    if (!folders.get(dir)?.subfolders) folders.set(dir, { dir, subfolders });
  };
  for (const raw of paths) {
    const path = resolve(raw);
    const place = placeOf(dirs, path);
    // Hidden files and folders (the trash among them) and anything deeper than one subfolder are not listed.
    if (!place || place.parts.some((p) => p.startsWith('.')) || place.parts.length > 2) continue;
    changed.add(path);
    if (place.parts.length === 0) {
      // The folder itself came or went (a drive plugged in or out): all of it is looked at again.
      list(place.root, true);
    } else if (place.parts.length === 1) {
      // A file in the folder, or a subfolder that came or went: the folder's names and, if it is one, the subfolder.
      list(place.root, false);
      list(path, false);
    } else {
      list(dirname(path), false);
    }
  }
  if (folders.size === 0) return undefined;
  const rootOfWhole = (dir: string) => whole.has(dir) || whole.has(dirname(dir));
  return {
    folders: [...folders.values()],
    owns: (dir) => folders.has(dir) || rootOfWhole(dir),
    // Only what the watcher named is read again (and everything in a folder that came or went).
    trusted: (path) => !changed.has(path) && !rootOfWhole(dirname(path)),
  };
}
