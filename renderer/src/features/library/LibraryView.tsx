import { useCallback, useEffect } from 'react';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useSelectedVideo } from '../../selection/selected-video';
import { CompareSelectionButton } from '../compare/CompareButtons';
import { onClipKey } from './clip-keys';
import { DetailsPane } from './DetailsPane';
import { EmptyState } from './EmptyState';
import { LibraryGrid } from './LibraryGrid';
import { isFiltered } from './library-filters';
import { useLibraryStore, type PickMode } from './library-store';
import { LibraryToast } from './LibraryToast';
import { LibraryCount, LibraryToolbar } from './LibraryToolbar';
import './library.css';


/** The Library view: toolbar, virtualised poster grid, details pane with the viewer. */
export function LibraryView() {
  const t = useT();
  const total = useLibraryStore((s) => s.total);
  const filtered = useLibraryStore((s) => isFiltered(s.filters));
  const error = useLibraryStore((s) => s.error);
  const open = useSelectedVideo((s) => s.video !== undefined);

  useEffect(() => void useLibraryStore.getState().load(), []);

  const onPick = useCallback((i: number, mode: PickMode) => void useLibraryStore.getState().selectAt(i, mode), []);

  return (
    <section className="panel lib-view" aria-labelledby="library-title" onKeyDown={onClipKey} data-open={open || undefined}>
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
