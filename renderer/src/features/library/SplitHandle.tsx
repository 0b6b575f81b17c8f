import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import { useT } from '../../i18n';
import { SPLIT_DEFAULT, SPLIT_MAX, SPLIT_MIN, useLibraryPrefs } from './library-prefs';

const STEP = 0.02;

/**
 * The bar between the grid and the viewer: drag it, or focus it and use the arrow keys (Home / End
 * for the narrowest / widest viewer, double-click for the default). Its value is the viewer's share
 * of the width, at least half; the choice is remembered.
 */
export function SplitHandle({ body, controls }: { body: RefObject<HTMLElement | null>; controls: string }) {
  const t = useT();
  const split = useLibraryPrefs((s) => s.split);
  const setSplit = useLibraryPrefs((s) => s.setSplit);

  const follow = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const box = body.current?.getBoundingClientRect();
    if (box && box.width > 0) setSplit((box.right - e.clientX) / box.width);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to =
      e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? split + STEP : e.key === 'ArrowRight' || e.key === 'ArrowDown' ? split - STEP : e.key === 'Home' ? SPLIT_MIN : e.key === 'End' ? SPLIT_MAX : undefined;
    if (to === undefined) return;
    e.preventDefault();
    // The library's own keys (arrows move the selection) stay out of it.
    e.stopPropagation();
    setSplit(to);
  };

  return (
    <div
      className="lib-split"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('library.split')}
      aria-controls={controls}
      aria-valuemin={Math.round(SPLIT_MIN * 100)}
      aria-valuemax={Math.round(SPLIT_MAX * 100)}
      aria-valuenow={Math.round(split * 100)}
      aria-valuetext={t('library.splitValue', { percent: Math.round(split * 100) })}
      title={t('library.splitHint')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={follow}
      onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
      onDoubleClick={() => setSplit(SPLIT_DEFAULT)}
    />
  );
}
