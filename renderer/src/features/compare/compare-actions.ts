import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { useNavigationStore } from '../../navigation-store';
import { COMPARE_MAX } from '../../selection/route';
import { useSelectionStore } from '../../selection/selection-store';
import { useLibraryStore } from '../library/library-store';
import { useCompareStore } from './compare-store';
import { takesWindow } from './takes-window';

/** Opening and leaving a comparison, and the verdicts: pick (a favourite) and reject. */

/** Opens a comparison of these clips (at most four), `focus` the one the keys act on first. */
export function openCompare(ids: readonly string[], focus?: string): void {
  const nav = useNavigationStore.getState();
  const sel = useSelectionStore.getState();
  const store = useCompareStore.getState();
  // Where Escape returns: the view and the selection as they are now (a comparison opened from a
  // comparison keeps the first one's way back).
  store.reset(nav.view === 'compare' ? store.returnTo : { view: nav.view, selection: { ids: sel.ids, primary: sel.primary, anchor: sel.anchor } });
  sel.selectMany(ids.slice(0, COMPARE_MAX), focus);
  nav.go('compare');
}

/** "Compare takes": the clip's shot's takes, in take order (four of them around it when there are more). */
export async function compareTakes(video: VideoView): Promise<CallError | undefined> {
  let siblings: VideoView[];
  try {
    ({ siblings } = await api.library.lineage({ id: video.id }));
  } catch (err) {
    return toAppError(err);
  }
  const takes = [video, ...siblings].sort((a, b) => (a.take ?? 0) - (b.take ?? 0) || (a.id < b.id ? -1 : 1));
  // Records already in hand: the tiles show them at once instead of asking main again.
  addRecords(takes);
  openCompare(
    takesWindow(
      takes.map((v) => v.id),
      video.id,
    ),
    video.id,
  );
  return undefined;
}

/**
 * Escape: back to the view and the selection the comparison was opened from, less what was trashed
 * here. A comparison opened from an address (a reload, a link) came from nowhere: the library, with
 * the compared clips selected.
 */
export function leaveCompare(): void {
  const { returnTo, gone } = useCompareStore.getState();
  const sel = useSelectionStore.getState();
  const back = returnTo ?? { view: 'library' as const, selection: { ids: sel.ids, primary: sel.primary, anchor: sel.primary } };
  // The view first: its new address is pushed with the comparison's focus, then the selection replaces it.
  useNavigationStore.getState().go(back.view);
  const ids = back.selection.ids.filter((id) => !gone.includes(id));
  const primary = back.selection.primary !== undefined && ids.includes(back.selection.primary) ? back.selection.primary : ids[0];
  sel.selectMany(ids, primary);
  useLibraryStore.getState().setPrimaryIndex(-1);
}

export function addRecords(videos: readonly VideoView[]): void {
  const s = useCompareStore.getState();
  s.set({ videos: { ...s.videos, ...Object.fromEntries(videos.map((v) => [v.id, v])) } });
}

/** A fresh record: here, in the grid, and in the details pane. */
function show(video: VideoView): void {
  addRecords([video]);
  useLibraryStore.getState().patch(video);
}

async function setFavorite(id: string, favorite: boolean): Promise<CallError | undefined> {
  try {
    show(await api.library.setFavorite({ id, favorite }));
    return undefined;
  } catch (err) {
    return toAppError(err);
  }
}

/** P: keeps the take (a favourite), or un-picks a picked one. A pick is no longer rejected. */
export async function pick(id: string): Promise<CallError | undefined> {
  const s = useCompareStore.getState();
  const video = s.videos[id];
  if (!video) return undefined;
  const picking = !video.favorite;
  if (picking) s.set({ rejected: s.rejected.filter((x) => x !== id) });
  const err = await setFavorite(id, picking);
  useCompareStore.getState().set({ error: err });
  return err;
}

/** X: sets the take aside (dimmed, trashed later with the others), or takes it back. A rejected take is not a pick. */
export async function reject(id: string): Promise<CallError | undefined> {
  const s = useCompareStore.getState();
  if (s.rejected.includes(id)) {
    s.set({ rejected: s.rejected.filter((x) => x !== id), error: undefined });
    return undefined;
  }
  s.set({ rejected: [...s.rejected, id], error: undefined });
  const err = s.videos[id]?.favorite ? await setFavorite(id, false) : undefined;
  useCompareStore.getState().set({ error: err });
  return err;
}
