import { useCallback, useEffect } from 'react';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useSelectedVideo } from '../../selection/selected-video';
import { viewerKey } from '../viewer/viewer-keys';
import { useViewerPrefs } from '../viewer/viewer-prefs';
import { CompareSelectionButton } from '../compare/CompareButtons';
import { toggleFavorite } from './actions';
import { DetailsPane } from './DetailsPane';
import { EmptyState } from './EmptyState';
import { LibraryGrid } from './LibraryGrid';
import { isFiltered } from './library-filters';
import { useLibraryStore, type PickMode } from './library-store';
import { LibraryToast } from './LibraryToast';
import { LibraryCount, LibraryToolbar } from './LibraryToolbar';
import { useToastStore } from './toast-store';
import { trashVideo } from './trash-flow';
import './library.css';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Keys a focused button or slider keeps for itself (Space presses a button; arrows move a slider). */
const OWN_KEYS: Record<string, Set<string>> = { BUTTON: new Set([' ', 'Enter']) };

const toggleMute = () => useViewerPrefs.getState().set({ muted: !useViewerPrefs.getState().muted });

/** The Library view: toolbar, virtualised poster grid, details pane with the viewer. */
export function LibraryView() {
  const t = useT();
  const total = useLibraryStore((s) => s.total);
  const filtered = useLibraryStore((s) => isFiltered(s.filters));
  const error = useLibraryStore((s) => s.error);
  const open = useSelectedVideo((s) => s.video !== undefined);

  useEffect(() => void useLibraryStore.getState().load(), []);

  const onPick = useCallback((i: number, mode: PickMode) => void useLibraryStore.getState().selectAt(i, mode), []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (TYPING.has(target.tagName) || target.isContentEditable || e.altKey) return;
    if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z') && !e.shiftKey && useToastStore.getState().toast?.action) {
      e.preventDefault();
      void useToastStore.getState().act();
      return;
    }
    if (e.ctrlKey || e.metaKey || OWN_KEYS[target.tagName]?.has(e.key)) return;
    // Every key acts on the highlighted clip: the one selection's primary, whose record this is.
    const v = useSelectedVideo.getState().video;
    if ((e.key === 'f' || e.key === 'F') && v) {
      e.preventDefault();
      void toggleFavorite(v);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && v) {
      e.preventDefault();
      void trashVideo(v);
    } else if (viewerKey(e, toggleMute)) {
      e.preventDefault();
    }
  };

  return (
    <section className="panel lib-view" aria-labelledby="library-title" onKeyDown={onKeyDown} data-open={open || undefined}>
      <div className="lib-head">
        <h2 id="library-title">{t('library.title')}</h2>
        <LibraryCount />
        <CompareSelectionButton />
      </div>
      <LibraryToolbar />
      {error ? (
        <p className="form-error" role="alert">
          {t('library.error', { message: errorText(t, error) })}
        </p>
      ) : null}
      <div className="lib-body">
        <div className="lib-grid-wrap">{total === 0 ? <EmptyState filtered={filtered} /> : <LibraryGrid onPick={onPick} />}</div>
        <DetailsPane />
      </div>
      <LibraryToast />
    </section>
  );
}
