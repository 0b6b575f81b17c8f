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
