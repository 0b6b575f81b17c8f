import type { Model } from '../../../../shared/domain/generation.js';
import type { MessageKey, Translate } from '../../i18n';

/** The settings a summary names; every request (planned, recorded, the draft's) has them. */
export interface SummarizedSettings {
  model: Model;
  duration: number;
  aspect_ratio: string;
  resolution: string;
  generate_audio?: boolean | undefined;
  seed?: number | undefined;
  sample_count?: number | undefined;
}

export const MODEL_NAME: Record<Model, MessageKey> = {
  'veo3.1-fast-official': 'batch.model.fast',
  'veo3.1-quality-official': 'batch.model.quality',
};

/** "Fast · 8 s · 16:9 · 1080p · audio · seed 42 · ×2": one line, what a row or an entry will make. */
export function requestSummary(t: Translate, r: SummarizedSettings): string {
  return [
    t(MODEL_NAME[r.model]),
    t('batch.settings.duration', { n: r.duration }),
    r.aspect_ratio,
    r.resolution,
    ...(r.generate_audio ? [t('batch.settings.audio')] : []),
    ...(r.seed === undefined ? [] : [t('batch.settings.seed', { seed: r.seed })]),
    ...((r.sample_count ?? 1) > 1 ? [t('batch.settings.samples', { count: r.sample_count ?? 1 })] : []),
  ].join(' · ');
}
