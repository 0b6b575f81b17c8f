import { useCallback, useEffect } from 'react';
import { api } from '../../api';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { toggleFavorite } from './actions';
import { DetailsPane } from './DetailsPane';
import { EmptyState } from './EmptyState';
import { LibraryGrid } from './LibraryGrid';
import { isFiltered } from './library-filters';
import { videoIdFromHash } from './library-selection';
import { useLibraryStore } from './library-store';
import { LibraryCount, LibraryToolbar } from './LibraryToolbar';
import { stepFrame, togglePlay } from './player-ref';
import './library.css';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** `#video=<id>` (the queue's "open result"): select that video when the view opens. */
async function selectFromHash(): Promise<void> {
  const id = videoIdFromHash(window.location.hash);
  if (!id) return;
  try {
    useLibraryStore.getState().select(await api.library.get({ id }));
  } catch {
    // A result that was deleted since: nothing to select.
  }
}

/** The Library view: toolbar, virtualised poster grid, details pane with the player. */
export function LibraryView() {
  const t = useT();
  const total = useLibraryStore((s) => s.total);
  const filtered = useLibraryStore((s) => isFiltered(s.filters));
  const error = useLibraryStore((s) => s.error);

  useEffect(() => {
    void useLibraryStore.getState().load();
    void selectFromHash();
    const onHash = () => void selectFromHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const onMove = useCallback((i: number) => void useLibraryStore.getState().selectAt(i), []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (TYPING.has(target.tagName) || target.isContentEditable || e.ctrlKey || e.metaKey || e.altKey) return;
    const s = useLibraryStore.getState();
    const v = s.selected;
    if (e.key === ' ' && target.tagName !== 'BUTTON' && target.tagName !== 'VIDEO') {
      e.preventDefault();
      togglePlay();
    } else if (e.key === ',' || e.key === '.') {
      e.preventDefault();
      stepFrame(e.key === ',' ? -1 : 1);
    } else if ((e.key === 'f' || e.key === 'F') && v) {
      e.preventDefault();
      void toggleFavorite(v);
    } else if (e.key === 'Delete' && v) {
      e.preventDefault();
      s.setConfirmingDelete(true);
    } else if (e.key === 'Escape' && s.confirmingDelete) {
      s.setConfirmingDelete(false);
    }
  };

  return (
    <section className="panel lib-view" aria-labelledby="library-title" onKeyDown={onKeyDown}>
      <div className="lib-head">
        <h2 id="library-title">{t('library.title')}</h2>
        <LibraryCount />
      </div>
      <LibraryToolbar />
      {error ? (
        <p className="form-error" role="alert">
          {t('library.error', { message: errorText(t, error) })}
        </p>
      ) : null}
      <div className="lib-body">
        <div className="lib-grid-wrap">{total === 0 ? <EmptyState filtered={filtered} /> : <LibraryGrid onMove={onMove} />}</div>
        <DetailsPane />
      </div>
    </section>
  );
}
