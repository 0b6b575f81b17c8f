import { sep } from 'node:path';
import { bareCreatedAt } from '../../../shared/domain/bare-video.js';
import { shotOf } from '../../../shared/domain/shot.js';
import { isBareEntry, type LibraryEntry } from '../../../shared/domain/video.js';

/**
 * What every part of the library asks of an entry, whichever kind it is: a
 * video with its sidecar, or a bare video known by its container alone.
 */

/**
 * A file in a resolved folder, by its plain name (as a folder listing gives
 * it). Joined without path.join's normalising, which costs a tenth of a
 * second over 100,000 names and builds its result out of a string per path
 * segment: some 400 bytes a path where this makes under 100, and the library
 * holds a path per file (its records are keyed by them).
 */
export const fileInFolder = (dir: string, name: string): string => (dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`);

/** The file the entry is indexed by: the sidecar, or the video itself when it has none (an entry's folder is always resolved). */
export const recordPathOf = (e: LibraryEntry): string => fileInFolder(e.dir, isBareEntry(e) ? e.fileName : e.sidecarName);

/** The video's file name, in the entry's folder. */
export const videoFileOf = (e: LibraryEntry): string => (isBareEntry(e) ? e.fileName : e.sidecar.file);

export const createdAtOf = (e: LibraryEntry): number => (isBareEntry(e) ? bareCreatedAt(e) : e.sidecar.timings.createdAt);

/** A bare video is a shot of its own, its one take. */
export function shotOfEntry(e: LibraryEntry): { key: string; take: number } {
  return isBareEntry(e) ? { key: `video-${e.id}`, take: 1 } : shotOf(e.sidecar);
}

export const parentIdOf = (e: LibraryEntry): string | undefined => (isBareEntry(e) ? undefined : e.sidecar.lineage?.parentId);

export const videoMissingOf = (e: LibraryEntry): boolean => (isBareEntry(e) ? false : e.videoMissing);
