import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useCompareStore, type CompareMode } from './compare-store';
import { gridFor, pictureSize } from './tile-layout';
import { WipeDivider } from './WipeDivider';

/** Height of a tile's caption under its picture (label + one or two rows of differences). */
export const CAPTION_PX = 68;
const GAP_PX = 12;

/**
 * Where the clips sit: a grid sized so every clip shows as big as the stage allows (tile-layout.ts),
 * or, for two clips, stacked in one frame (a wipe or A/B). The tiles stay the same elements across
 * layouts, so switching never reloads a <video> or loses its place.
 */
export function CompareStage({ count, aspect, mode, children }: { count: number; aspect: number; mode: CompareMode; children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 1200, height: 600 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);
  const stacked = count === 2 && mode !== 'grid';
  const stage = { ...size, gap: GAP_PX, caption: CAPTION_PX };
  const grid = stacked ? { cols: 1, rows: 1 } : gridFor(count, stage, aspect);
  // Side by side, each track is as big as the picture in it and the grid is centred: with equal
  // shares of the width, pictures held back by the height stood apart with a gulf between them.
  const picture = pictureSize(grid, stage, aspect);
  const tracks =
    stacked || picture.width === 0
      ? { gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr)' }
      : { gridTemplateColumns: `repeat(${grid.cols}, ${picture.width}px)`, gridTemplateRows: `repeat(${grid.rows}, ${picture.height + CAPTION_PX}px)` };

  const dragTo = (e: React.PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width > 0) useCompareStore.getState().set({ wipe: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)) });
  };
  const wipe = useCompareStore((s) => s.wipe);

  return (
    <div
      ref={ref}
      className="cmp-stage"
      role="group"
      aria-label={t('compare.stage')}
      data-layout={stacked ? mode : `${grid.cols}x${grid.rows}`}
      style={{
        ...tracks,
        ['--cmp-caption' as string]: `${CAPTION_PX}px`,
        ['--cmp-gap' as string]: `${GAP_PX}px`,
        ['--cmp-wipe' as string]: `${wipe * 100}%`,
      }}
    >
      {children}
      {stacked && mode === 'wipe' ? (
        <div
          className="cmp-wipe-zone"
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            dragTo(e);
          }}
          onPointerMove={(e) => {
            if (e.currentTarget.hasPointerCapture(e.pointerId)) dragTo(e);
          }}
        >
          <WipeDivider />
        </div>
      ) : null}
    </div>
  );
}
