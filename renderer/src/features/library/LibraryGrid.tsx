import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { titleOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { useAfterPaint } from '../../components/use-after-paint';
import { useT } from '../../i18n';
import { GridCell } from './GridCell';
import { itemAt } from './library-pages';
import { useSelectionStore } from '../../selection/selection-store';
import { moveTarget, selectedIndexIn } from './library-selection';
import { useLibraryPrefs } from './library-prefs';
import { useLibraryStore, type PickMode } from './library-store';
import { onPosterMade, wantPosters } from './poster-maker';

const GAP = 10;
/** The one-line prompt under each poster (12 px text) and the space between it and the poster. */
const CAPTION = 22;

const expand = (v: VideoView) => useLibraryStore.getState().expandShot(v.shotKey ?? '', titleOf(v));

/** The poster grid, virtualised by rows: only the rows in view (plus two) exist in the DOM. */
export function LibraryGrid({ onPick }: { onPick(index: number, mode: PickMode): void }) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Unknown until the layout effect below has measured the box: rendering cells for a guessed width would
  // build every cell in view twice on the first paint (once for the guess, once for the measured width).
  const [measured, setWidth] = useState<number | undefined>(undefined);
  const width = measured ?? 0;
  const minCell = useLibraryPrefs((s) => s.cell);
  const stacked = useLibraryStore((s) => s.filters.group === 'shot' && s.filters.shot === undefined);
  const total = useLibraryStore((s) => s.total) ?? 0;
  const pages = useLibraryStore((s) => s.pages);
  const generation = useLibraryStore((s) => s.generation);
  const shownText = useLibraryStore((s) => s.shownText);
  const primary = useSelectionStore((s) => s.primary);
  const ids = useSelectionStore((s) => s.ids);
  const picked = useMemo(() => new Set(ids), [ids]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth - 2 * GAP));
    ro.observe(el);
    setWidth(el.clientWidth - 2 * GAP);
    return () => ro.disconnect();
  }, []);

  const cols = Math.max(1, Math.floor((width + GAP) / (minCell + GAP)));
  const cellW = Math.floor((width - GAP * (cols - 1)) / cols);
  const rowH = Math.round((cellW * 9) / 16) + CAPTION + GAP;
  const rows = measured === undefined ? 0 : Math.ceil(total / cols);

  const painted = useAfterPaint();
  // Until it has measured its scroll box (a frame after mounting), the virtualizer would show no rows:
  // it starts from the window's height instead, so the grid's first render already holds the cells in view.
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowH,
    // The rows beyond the view come once the grid is on screen: they are for scrolling, not for the first paint.
    overscan: painted ? 2 : 0,
    paddingStart: GAP,
    initialRect: { width: 0, height: window.innerHeight },
  });
  useEffect(() => virtualizer.measure(), [rowH, virtualizer]);
  // New filters: back to the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [generation]);

  const vrows = virtualizer.getVirtualItems();
  const firstIndex = (vrows[0]?.index ?? 0) * cols;
  const lastIndex = ((vrows[vrows.length - 1]?.index ?? 0) + 1) * cols - 1;
  useEffect(() => useLibraryStore.getState().setVisible(firstIndex, lastIndex), [firstIndex, lastIndex, generation]);

  useEffect(() => onPosterMade((v) => useLibraryStore.getState().patch(v)), []);
  const inView = useMemo(() => {
    const out: VideoView[] = [];
    for (let i = firstIndex; i <= Math.min(lastIndex, total - 1); i++) {
      const v = itemAt(pages, i);
      if (v) out.push(v);
    }
    return out;
  }, [pages, firstIndex, lastIndex, total]);
  useEffect(() => wantPosters(inView), [inView]);

  const hint = useLibraryStore((s) => s.primaryIndex);
  const selectedIndex = useMemo(() => selectedIndexIn(pages, primary, hint), [pages, primary, hint]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(Math.floor(selectedIndex / cols), { align: 'auto' });
  }, [selectedIndex, cols, virtualizer]);

  const onCellPick = useCallback((i: number, mode: PickMode) => onPick(i, mode), [onPick]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const to = moveTarget(e.key, selectedIndex, cols, total);
    if (to === undefined) return;
    e.preventDefault();
    onPick(to, e.shiftKey ? 'range' : 'only');
  };

  return (
    <div
      ref={scrollRef}
      className="lib-scroll"
      role="listbox"
      aria-multiselectable="true"
      tabIndex={0}
      aria-label={t('library.grid')}
      aria-activedescendant={selectedIndex >= 0 ? `lib-cell-${selectedIndex}` : undefined}
      data-results-for={shownText}
      data-total={total}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize() + GAP, position: 'relative' }}>
        {vrows.map((r) => (
          <div key={r.key} className="lib-row" style={{ transform: `translateY(${r.start}px)`, height: rowH - GAP, gap: GAP, left: GAP }}>
            {Array.from({ length: Math.min(cols, total - r.index * cols) }, (_, c) => {
              const i = r.index * cols + c;
              const v = itemAt(pages, i);
              return (
                <GridCell
                  key={c}
                  index={i}
                  video={v}
                  selected={v !== undefined && picked.has(v.id)}
                  primary={v !== undefined && v.id === primary}
                  stacked={stacked}
                  width={cellW}
                  onPick={onCellPick}
                  onExpand={expand}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
