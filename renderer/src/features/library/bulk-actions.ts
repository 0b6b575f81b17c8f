import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { useLibraryStore } from './library-store';
import { findIn } from './library-pages';

/**
 * What the bulk bar does to every selected clip. Each goes clip by clip (main takes one id per call)
 * and stops at the first failure, which it returns: the clips before it are done, and the grid shows
 * them as they now are.
 */

/** The selected clips' records: from the pages on screen, else asked of main (a clip picked before the filters changed). */
export async function recordsOf(ids: readonly string[]): Promise<VideoView[]> {
  const pages = useLibraryStore.getState().pages;
  const out: VideoView[] = [];
  for (const id of ids) {
    const known = findIn(pages, id);
    if (known) out.push(known);
    else {
      try {
        out.push(await api.library.get({ id }));
      } catch {
        // Gone since it was picked (trashed elsewhere): nothing to act on.
      }
    }
  }
  return out;
}

async function each(videos: readonly VideoView[], act: (v: VideoView) => Promise<VideoView | undefined>): Promise<CallError | undefined> {
  for (const v of videos) {
    try {
      const after = await act(v);
      if (after) useLibraryStore.getState().patch(after);
    } catch (err) {
      return toAppError(err);
    }
  }
  return undefined;
}

/** Favourites them all, or, when every one already is, takes them all out (one press, one meaning). */
export const bulkFavoriteTarget = (videos: readonly Pick<VideoView, 'favorite'>[]): boolean => !videos.every((v) => v.favorite);

export function favoriteAll(videos: readonly VideoView[]): Promise<CallError | undefined> {
  const favorite = bulkFavoriteTarget(videos);
  return each(videos, (v) => (v.favorite === favorite ? Promise.resolve(undefined) : api.library.setFavorite({ id: v.id, favorite })));
}

/** The tags a clip has once `tag` is added (unchanged when it has it already, in any case). */
export function withTag(tags: readonly string[], tag: string): string[] | undefined {
  const clean = tag.normalize('NFC').trim();
  if (clean === '' || tags.some((t) => t.normalize('NFC').toLowerCase() === clean.toLowerCase())) return undefined;
  return [...tags, clean];
}

export function tagAll(videos: readonly VideoView[], tag: string): Promise<CallError | undefined> {
  return each(videos, (v) => {
    const tags = withTag(v.tags, tag);
    return tags ? api.library.setTags({ id: v.id, tags }) : Promise.resolve(undefined);
  });
}
