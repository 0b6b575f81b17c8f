import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useComposeStore } from '../compose/compose-store';
import { requestSummary } from './request-summary';

/** What every row starts from: the draft's settings, in one line (a row or a sweep changes some of them). */
export function DraftDefaults() {
  const t = useT();
  const d = useComposeStore(
    useShallow((s) => ({
      model: s.model,
      duration: s.duration,
      aspect_ratio: s.aspect_ratio,
      resolution: s.resolution,
      generate_audio: s.generate_audio,
      seed: s.seedMode === 'fixed' ? s.seed : undefined,
      sample_count: s.sample_count,
      frames: (s.first ? 1 : 0) + (s.last ? 1 : 0),
    })),
  );
  const frames = d.frames === 2 ? [t('batch.settings.bothFrames')] : d.frames === 1 ? [t('batch.settings.firstFrame')] : [];
  const settings = [requestSummary(t, d), ...frames].join(' · ');
  return (
    <p className="batch-defaults hint" title={t('batch.defaults.hint')}>
      {t('batch.defaults', { settings })}
    </p>
  );
}
