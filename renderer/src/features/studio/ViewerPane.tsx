import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n';
import { onClipKey } from '../library/clip-keys';
import { DetailsPane } from '../library/DetailsPane';
import { LibraryToast } from '../library/LibraryToast';
import { useStudioStore, VIEWER_MIN } from './studio-store';

/** The feed keeps at least this much beside the viewer. */
const FEED_MIN = 420;
const STEP = 24;
/**
 * The clip opened from the feed. Wide windows: a pane beside the feed, its
 * left edge dragged (or arrowed) to resize. Narrow: it covers the feed, whose
 * scroll position waits underneath, with "← Results" to go back.
 */
export function ViewerPane({ wide }: { wide: boolean }) {
  const t = useT();
  const close = useStudioStore((s) => s.closeViewer);
  const width = useStudioStore((s) => s.viewerWidth);
  const setWidth = useStudioStore((s) => s.setViewerWidth);
  const pane = useRef<HTMLElement>(null);

  const maxWidth = (): number => {
    const row = pane.current?.parentElement?.getBoundingClientRect();
    return row ? Math.max(VIEWER_MIN, row.width - FEED_MIN) : width;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const right = pane.current?.getBoundingClientRect().right ?? window.innerWidth;
    const move = (ev: globalThis.PointerEvent): void => setWidth(Math.min(maxWidth(), right - ev.clientX));
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onHandleKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    setWidth(Math.min(maxWidth(), width + (e.key === 'ArrowLeft' ? STEP : -STEP)));
  };

  return (
    <section
      ref={pane}
      className={`studio-viewer ${wide ? 'studio-viewer-side' : 'studio-viewer-over'}`}
      aria-label={t('viewer.title')}
      style={wide ? { width } : undefined}
      onKeyDown={onClipKey}
    >
      {wide ? (
        <div
          className="viewer-resize"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('viewer.resize')}
          aria-valuenow={Math.round(width)}
          aria-valuemin={VIEWER_MIN}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onKeyDown={onHandleKey}
        />
      ) : null}
      <div className="viewer-bar">
        {wide ? null : (
          <button type="button" className="quiet small" onClick={close}>
            <span aria-hidden="true">← </span>
            {t('viewer.backToResults')}
          </button>
        )}
        <span className="viewer-bar-title">{t('viewer.title')}</span>
        {wide ? (
          <button type="button" className="quiet icon-button" aria-label={t('viewer.close')} title={t('viewer.close')} onClick={close}>
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      <div className="viewer-body">
        <DetailsPane />
      </div>
      <LibraryToast />
    </section>
  );
}
