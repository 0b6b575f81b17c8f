import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { useNavigationStore } from '../../navigation-store';
import { useSelectionStore } from '../../selection/selection-store';
import { useLibraryStore } from '../library/library-store';
import { useToastStore } from '../library/toast-store';
import { addRecords } from './compare-actions';
import { useCompareStore } from './compare-store';

/**
 * "Trash rejected": every rejected take of the comparison to the trash at once, with the library's
 * one toast offering "Undo" (Ctrl/Cmd+Z too) while main can still put them back, as a single trash does.
 */

/** The toast leaves a little before main's undo window closes, so a last-moment click never meets "too late". */
const UNDO_MARGIN_MS = 1000;

export async function trashRejected(): Promise<CallError | undefined> {
  const sel = useSelectionStore.getState();
  const order = [...sel.ids];
  const ids = useCompareStore.getState().rejected.filter((id) => order.includes(id));
  const trashed: string[] = [];
  let undoMs = Infinity;
  let error: CallError | undefined;
  for (const id of ids) {
    try {
      const reply = await api.library.trash({ id });
      trashed.push(id);
      undoMs = Math.min(undoMs, reply.undoMs);
    } catch (err) {
      // The ones already trashed stay trashed (and undoable); the rest stay rejected, to try again.
      error = toAppError(err);
      break;
    }
  }
  if (trashed.length > 0) {
    const s = useCompareStore.getState();
    s.set({ rejected: s.rejected.filter((id) => !trashed.includes(id)), gone: [...s.gone, ...trashed], solo: trashed.includes(s.solo ?? '') ? undefined : s.solo });
    const now = useSelectionStore.getState();
    const left = now.ids.filter((id) => !trashed.includes(id));
    now.selectMany(left, now.primary !== undefined && left.includes(now.primary) ? now.primary : left[0]);
    if (undoMs > UNDO_MARGIN_MS) {
      useToastStore.getState().show(
        {
          text: trashed.length === 1 ? 'compare.trashedOne' : 'compare.trashed',
          vars: { count: trashed.length },
          action: { label: 'library.undo', run: () => restoreTakes(trashed, order) },
        },
        undoMs - UNDO_MARGIN_MS,
      );
    }
    void useLibraryStore.getState().load();
  }
  useCompareStore.getState().set({ error });
  return error;
}

/** Undo: puts the takes back, rejected as they left, in their places in the comparison (or selected, once it is left). */
async function restoreTakes(ids: readonly string[], order: readonly string[]): Promise<CallError | undefined> {
  const back: VideoView[] = [];
  let error: CallError | undefined;
  for (const id of ids) {
    try {
      back.push(await api.library.restore({ id }));
    } catch (err) {
      error = toAppError(err);
    }
  }
  if (back.length > 0) {
    const returned = back.map((v) => v.id);
    addRecords(back);
    const s = useCompareStore.getState();
    s.set({ gone: s.gone.filter((id) => !returned.includes(id)), rejected: [...s.rejected.filter((id) => !returned.includes(id)), ...returned] });
    const sel = useSelectionStore.getState();
    if (useNavigationStore.getState().view === 'compare') {
      sel.selectMany(
        order.filter((id) => sel.ids.includes(id) || returned.includes(id)),
        sel.primary,
      );
    } else sel.selectMany(returned);
    await useLibraryStore.getState().load();
  }
  return error;
}
