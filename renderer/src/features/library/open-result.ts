import { api } from '../../api';
import { toAppError } from '../../app-error';
import { useNavigationStore } from '../../navigation-store';
import { useSelectionStore } from '../../selection/selection-store';
import { hidingFilters } from './hiding-filters';
import { useLibraryStore } from './library-store';
import { useToastStore } from './toast-store';

/**
 * "Open result" from a finished job: the Library, with exactly that clip selected and on screen. A
 * filter that would hide it is taken out (the others stay), and a toast says which were, so the grid
 * never shows an unrelated clip highlighted or a details pane for a clip the grid does not show.
 */
export async function openResult(id: string): Promise<void> {
  useSelectionStore.getState().select(id);
  useLibraryStore.getState().setPrimaryIndex(-1);
  useNavigationStore.getState().go('library');
  let hiding: ReturnType<typeof hidingFilters>;
  try {
    hiding = hidingFilters(await api.library.get({ id }), useLibraryStore.getState().filters);
  } catch (err) {
    // Trashed since: nothing may stay highlighted for it (a page fetched earlier can still list it).
    if (toAppError(err).code === 'not_found' && useSelectionStore.getState().primary === id) {
      useSelectionStore.getState().drop(id);
      useToastStore.getState().show({ text: 'library.openResult.gone' }, 6000);
    }
    return;
  }
  if (useSelectionStore.getState().primary !== id || hiding.length === 0) return;
  useLibraryStore.getState().dropFilters(hiding);
  useToastStore.getState().show({ text: 'library.openResult.filtersCleared' }, 6000);
}
