import type { LibraryEntry } from '../../../shared/domain/video.js';
import { createdAtOf, parentIdOf, shotOfEntry } from './library-entry.js';

/**
 * Parent → children and shot → takes over the library's entries, built in one
 * pass from what the sidecars record (so a library rebuilt from the folder has
 * the same lineage) and kept until the entries change, so asking for the
 * family of a video is a few map lookups.
 */

export interface Family {
  /** The video this one continues, as its sidecar names it (it may have left the library since). */
  parentId?: string;
  parent?: LibraryEntry;
  /** Videos continuing this one, oldest first. */
  children: LibraryEntry[];
  /** The other takes of its shot, by take number. */
  siblings: LibraryEntry[];
}

interface Maps {
  byId: Map<string, LibraryEntry>;
  children: Map<string, LibraryEntry[]>;
  takes: Map<string, LibraryEntry[]>;
}

const cache = new WeakMap<readonly LibraryEntry[], Maps>();

function mapsOf(entries: readonly LibraryEntry[]): Maps {
  let maps = cache.get(entries);
  if (maps) return maps;
  maps = { byId: new Map(), children: new Map(), takes: new Map() };
  for (const e of entries) {
    if (!maps.byId.has(e.id)) maps.byId.set(e.id, e);
    const parent = parentIdOf(e);
    if (parent !== undefined) push(maps.children, parent, e);
    push(maps.takes, shotOfEntry(e).key, e);
  }
  for (const list of maps.children.values()) list.sort((a, b) => createdAtOf(a) - createdAtOf(b) || (a.id < b.id ? -1 : 1));
  for (const list of maps.takes.values()) list.sort((a, b) => shotOfEntry(a).take - shotOfEntry(b).take || (a.id < b.id ? -1 : 1));
  cache.set(entries, maps);
  return maps;
}

function push(map: Map<string, LibraryEntry[]>, key: string, e: LibraryEntry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

/** The family of `id` among `entries` (the same array each time while nothing changes: see LibraryIndex.all). */
export function familyOf(entries: readonly LibraryEntry[], id: string): Family | undefined {
  const maps = mapsOf(entries);
  const self = maps.byId.get(id);
  if (!self) return undefined;
  const parentId = parentIdOf(self);
  const parent = parentId === undefined ? undefined : maps.byId.get(parentId);
  return {
    ...(parentId === undefined ? {} : { parentId }),
    ...(parent ? { parent } : {}),
    children: maps.children.get(id) ?? [],
    siblings: (maps.takes.get(shotOfEntry(self).key) ?? []).filter((e) => e.id !== id),
  };
}

/** How many takes the shot of `entry` has in the library (itself included). */
export function takeCount(entries: readonly LibraryEntry[], entry: LibraryEntry): number {
  return mapsOf(entries).takes.get(shotOfEntry(entry).key)?.length ?? 1;
}
