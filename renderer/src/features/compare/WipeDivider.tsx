import { useT } from '../../i18n';
import { useCompareStore } from './compare-store';

/**
 * The wipe's divider: A shows left of it, B right. A slider to assistive tech and to the keyboard
 * (arrows: 1 %, Shift or Page keys: 10 %, Home/End); the stage drags it (CompareStage).
 */
export function WipeDivider() {
  const t = useT();
  const wipe = useCompareStore((s) => s.wipe);
  const set = (x: number) => useCompareStore.getState().set({ wipe: Math.min(1, Math.max(0, x)) });
  const onKeyDown = (e: React.KeyboardEvent) => {
    const big = e.shiftKey ? 0.1 : 0.01;
    const to =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? wipe - big
      : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? wipe + big
      : e.key === 'PageDown' ? wipe - 0.1
      : e.key === 'PageUp' ? wipe + 0.1
      : e.key === 'Home' ? 0
      : e.key === 'End' ? 1
      : undefined;
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    set(to);
  };
  const pct = Math.round(wipe * 100);
  return (
    <div
      className="cmp-divider"
      role="slider"
      tabIndex={0}
      aria-label={t('compare.divider')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={`${pct}%`}
      style={{ left: `${wipe * 100}%` }}
      onKeyDown={onKeyDown}
    >
      <span className="cmp-divider-grip" aria-hidden="true" />
    </div>
  );
}
