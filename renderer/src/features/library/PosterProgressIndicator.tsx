import { useT } from '../../i18n';
import { formatCount } from '../../i18n/format-count';
import { posterIndicator, usePosterProgress } from './poster-progress';

/**
 * "Posters 1,234 / 10,000" while posters are being made in the background, gone once caught up.
 * Not a live region: it changes several times a second during a catch-up, which a screen reader
 * would read out without end; its words are there to read when wanted.
 */
export function PosterProgressIndicator() {
  const t = useT();
  const counts = usePosterProgress((s) => s.counts);
  const failed = usePosterProgress((s) => s.failed);
  const shown = posterIndicator({ counts, failed });
  if (!shown) return null;
  const { done, total } = shown;
  return (
    <span className="lib-posters" data-testid="poster-progress" data-done={done} data-total={total} title={t('library.postersHint')}>
      <span className="lib-posters-bar" aria-hidden="true">
        <span style={{ width: `${total === 0 ? 0 : (done / total) * 100}%` }} />
      </span>
      {t('library.posters', { done: formatCount(done), total: formatCount(total) })}
    </span>
  );
}
