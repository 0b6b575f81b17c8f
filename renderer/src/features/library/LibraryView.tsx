import { memo, useCallback, useEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { errorText } from '../../error-text';
import { useAfterPaint } from '../../components/use-after-paint';
import { useT } from '../../i18n';
import { useSelectedVideo } from '../../selection/selected-video';
import { BulkBar } from './BulkBar';
import { onClipKey } from './clip-keys';
import { EmptyState } from './EmptyState';
import { LibraryGrid } from './LibraryGrid';
import { isFiltered } from './library-filters';
import { detailsPart, sequencePlayerPart, storyboardPart } from './library-parts';
import { useLibraryPrefs } from './library-prefs';
import { useLibraryStore, type PickMode } from './library-store';
import { LibraryToast } from './LibraryToast';
import { LibraryToolbar } from './LibraryToolbar';
import { SearchHint } from './SearchHint';
import { onSelectionKey } from './selection-keys';
import { SplitHandle } from './SplitHandle';
import { onSequenceKey } from '../storyboard/sequence-keys';
import { useSequencePlayback } from '../storyboard/sequence-playback';
import './library.css';

/**
 * The Library: one toolbar row, then the poster grid and, while a clip is open, the viewer beside it
 * (taking at least half the width; the bar between them resizes). It fills the height the shell gives
 * it and never scrolls itself: the grid and the clip's record scroll on their own.
 * Memoised: it takes no props, so the shell re-rendering around it never redraws it.
 */
export const LibraryView = memo(function LibraryView() {
  const t = useT();
  const total = useLibraryStore((s) => s.total);
  const filtered = useLibraryStore((s) => isFiltered(s.filters));
  const error = useLibraryStore((s) => s.error);
  const clipOpen = useSelectedVideo((s) => s.video !== undefined);
  // While the storyboard's sequence plays it takes the viewer's place; Stop brings the clip back.
  const sequence = useSequencePlayback((s) => s.timeline);
  const open = clipOpen || sequence !== undefined;
  const split = useLibraryPrefs((s) => s.split);
  const body = useRef<HTMLDivElement>(null);
  // The storyboard (and the sequences it reads from main) follows the grid's first paint by a frame.
  const stripReady = useAfterPaint();
  const Strip = storyboardPart.useLoaded(stripReady);
  const Player = sequencePlayerPart.useLoaded(sequence !== undefined);
  const Details = detailsPart.useLoaded(clipOpen);

  // The store is loaded by sync (at every connection and every change): a load here would drop the
  // reply of the one on its way when the view opens at start-up, and the grid would wait for a second.
  // Only a failed load is retried when the view opens again.
  useEffect(() => {
    if (useLibraryStore.getState().error) void useLibraryStore.getState().load();
  }, []);

  // Until a part's code is in, its place stays empty.
  let viewer: ReactNode = null;
  if (sequence) viewer = Player ? <Player timeline={sequence} /> : <PartPlace label={t('library.details')} />;
  else if (clipOpen) viewer = Details ? <Details /> : <PartPlace label={t('library.details')} />;

  const onPick = useCallback((i: number, mode: PickMode) => void useLibraryStore.getState().selectAt(i, mode), []);

  // The playing sequence takes Space and Escape first. Several clips selected: F, Delete and Escape act on them all; otherwise every key acts on the highlighted clip.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (onSequenceKey(e)) return;
    if (!onSelectionKey(e)) onClipKey(e);
  };

  return (
    <section className="lib-view" aria-labelledby="library-title" onKeyDown={onKeyDown} data-open={open || undefined}>
      <h2 id="library-title" className="visually-hidden">
        {t('library.title')}
      </h2>
      <LibraryToolbar />
      <SearchHint />
      {error ? (
        <p className="form-error lib-error" role="alert">
          {t('library.error', { message: errorText(t, error) })}
        </p>
      ) : null}
      <div className="lib-body" ref={body} style={{ '--lib-split': open ? split : 0 } as CSSProperties}>
        <div className="lib-grid-pane">
          <BulkBar />
          <div className="lib-grid-wrap">{total === 0 ? <EmptyState filtered={filtered} /> : <LibraryGrid onPick={onPick} />}</div>
        </div>
        {open ? <SplitHandle body={body} controls="lib-details" /> : null}
        {viewer}
      </div>
      {Strip ? <Strip /> : null}
      <LibraryToast />
    </section>
  );
});

/** Where the viewer goes while its code loads (a clip opened before the page was idle): the pane's place, empty. */
function PartPlace({ label }: { label: string }) {
  return <aside id="lib-details" className="lib-details" aria-label={label} aria-busy="true" />;
}
