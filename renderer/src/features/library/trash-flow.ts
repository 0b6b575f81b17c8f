import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { showVideo } from '../../selection/selected-video';
import { useSelectionStore } from '../../selection/selection-store';
import { selectedIndexIn, successorOf } from './library-selection';
import { useLibraryStore } from './library-store';
import { useToastStore } from './toast-store';

/**
 * Trash and its "Undo". After a trash the clip that takes the trashed one's place is selected (the
 * next one, or the one before the last), so Delete, Delete, Delete walks down the grid; the toast offers
 * "Undo" for as long as main can still put the files back.
 */

/** The toast leaves a little before main's undo window closes, so a last-moment click never meets "too late". */
const UNDO_MARGIN_MS = 1000;

export async function trashVideo(video: VideoView): Promise<CallError | undefined> {
  const lib = useLibraryStore.getState();
  const index = selectedIndexIn(lib.pages, video.id, useSelectionStore.getState().primary === video.id ? lib.primaryIndex : -1);
  const successor = successorOf(lib.pages, index, lib.total ?? 0);
  let undoMs: number;
  try {
    ({ undoMs } = await api.library.trash({ id: video.id }));
  } catch (err) {
    return toAppError(err);
  }
  const sel = useSelectionStore.getState();
  if (sel.primary === video.id && successor) {
    sel.select(successor.id);
    useLibraryStore.getState().setPrimaryIndex(successor.index);
  } else sel.drop(video.id);
  if (undoMs > UNDO_MARGIN_MS) {
    useToastStore.getState().show({ text: 'library.trashed', vars: { name: video.fileName }, action: { label: 'library.undo', run: () => restoreVideo(video.id) } }, undoMs - UNDO_MARGIN_MS);
  }
  await useLibraryStore.getState().load();
  // The successor's page was not fetched (a page boundary): the clip now at the trashed one's place.
  if (!successor && index >= 0 && useSelectionStore.getState().primary === undefined) {
    const total = useLibraryStore.getState().total ?? 0;
    if (total > 0) await useLibraryStore.getState().selectAt(Math.min(index, total - 1));
  }
  return undefined;
}

/** Puts a trashed clip back and selects it again. */
export async function restoreVideo(id: string): Promise<CallError | undefined> {
  let video: VideoView;
  try {
    video = await api.library.restore({ id });
  } catch (err) {
    return toAppError(err);
  }
  useSelectionStore.getState().select(id);
  useLibraryStore.getState().setPrimaryIndex(-1);
  showVideo(video);
  await useLibraryStore.getState().load();
  return undefined;
}

/**
 * Several clips to the trash with ONE "Undo" that puts them all back. Stops at the first clip main
 * cannot trash (its error is returned; the ones before it are trashed and undoable). Afterwards the
 * clip that moved into the first trashed one's place is selected, as with a single trash.
 */
export async function trashVideos(videos: readonly VideoView[]): Promise<CallError | undefined> {
  if (videos.length === 1 && videos[0]) return trashVideo(videos[0]);
  const lib = useLibraryStore.getState();
  const places = videos.map((v) => selectedIndexIn(lib.pages, v.id, -1)).filter((i) => i >= 0);
  const first = places.length > 0 ? Math.min(...places) : -1;
  const trashed: string[] = [];
  let undoMs = Infinity;
  let failure: CallError | undefined;
  for (const v of videos) {
    try {
      const r = await api.library.trash({ id: v.id });
      trashed.push(v.id);
      undoMs = Math.min(undoMs, r.undoMs);
    } catch (err) {
      failure = toAppError(err);
      break;
    }
  }
  if (trashed.length === 0) return failure;
  useSelectionStore.getState().clear();
  if (undoMs > UNDO_MARGIN_MS) {
    useToastStore.getState().show({ text: 'library.trashedMany', vars: { count: trashed.length }, action: { label: 'library.undo', run: () => restoreVideos(trashed) } }, undoMs - UNDO_MARGIN_MS);
  }
  await useLibraryStore.getState().load();
  const total = useLibraryStore.getState().total ?? 0;
  if (first >= 0 && total > 0 && useSelectionStore.getState().primary === undefined) await useLibraryStore.getState().selectAt(Math.min(first, total - 1));
  return failure;
}

/** Puts trashed clips back and selects them all again (the first one as the primary). Stops at the first failure. */
export async function restoreVideos(ids: readonly string[]): Promise<CallError | undefined> {
  const back: VideoView[] = [];
  let failure: CallError | undefined;
  for (const id of ids) {
    try {
      back.push(await api.library.restore({ id }));
    } catch (err) {
      failure = toAppError(err);
      break;
    }
  }
  const [head, ...rest] = back;
  if (head) {
    const sel = useSelectionStore.getState();
    sel.select(rest.at(-1)?.id ?? head.id);
    for (const v of rest.slice(0, -1)) sel.toggle(v.id);
    // Toggled last, so it is the primary: the viewer shows the first clip put back.
    if (rest.length > 0) sel.toggle(head.id);
    useLibraryStore.getState().setPrimaryIndex(-1);
    showVideo(head);
  }
  await useLibraryStore.getState().load();
  return failure;
}
