import type { VideoView } from '../../../../shared/ipc/views.js';
import type { CallError } from '../../app-error';
import { useT } from '../../i18n';
import { COMPARE_MAX } from '../../selection/route';
import { useSelectionStore } from '../../selection/selection-store';
import { compareTakes, openCompare } from './compare-actions';

/** The ways into a comparison: the library's "Compare" for a multi-selection, "Compare takes" for a clip's shot. */

/** Shown while two or more clips are selected; it compares them (two to four) in the order they were picked. */
export function CompareSelectionButton() {
  const t = useT();
  const ids = useSelectionStore((s) => s.ids);
  const primary = useSelectionStore((s) => s.primary);
  if (ids.length < 2) return null;
  const tooMany = ids.length > COMPARE_MAX;
  return (
    <button
      type="button"
      className="cmp-open"
      aria-disabled={tooMany || undefined}
      title={tooMany ? t('compare.buttonTooMany', { count: ids.length }) : t('compare.buttonHint')}
      onClick={() => {
        if (!tooMany) openCompare(ids, primary);
      }}
    >
      ◫ {t('compare.button')} · {ids.length}
    </button>
  );
}

/** For a clip whose shot has several takes: plays them side by side. */
export function CompareTakesButton({ video, onError }: { video: VideoView; onError(err: CallError): void }) {
  const t = useT();
  const takes = video.takes ?? 1;
  if (takes < 2) return null;
  return (
    <button
      type="button"
      title={t('compare.takesHint', { count: takes })}
      onClick={async () => {
        const err = await compareTakes(video);
        if (err) onError(err);
      }}
    >
      ◫ {t('compare.takes')} · {takes}
    </button>
  );
}

/**
 * In the Studio feed, on a job of several takes: plays its saved takes side by side (the first four).
 * Only takes already on disk count: a comparison of one, or of a take still being made, shows nothing.
 */
export function CompareJobTakesButton({ videoIds }: { videoIds: readonly string[] }) {
  const t = useT();
  if (videoIds.length < 2) return null;
  return (
    <button type="button" className="quiet small" title={t('compare.takesHint', { count: videoIds.length })} onClick={() => openCompare(videoIds, videoIds[0])}>
      {t('compare.takes')}
    </button>
  );
}
