import { useShallow } from 'zustand/react/shallow';
import { ASPECT_RATIOS, DURATIONS, MODELS, RESOLUTIONS, SAMPLE_COUNT_MAX, type Model } from '../../../../shared/domain/generation-options.js';
import { FieldError } from '../../components/FieldError';
import { InfoTip } from '../../components/InfoTip';
import { Segmented } from '../../components/Segmented';
import { useT, type MessageKey } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FieldErrors } from './request';
import { SeedRow } from './SeedRow';
import { SETTING_UI } from './settings-ui';

const MODEL_TEXT: Record<Model, { name: MessageKey; hint: MessageKey }> = {
  'veo3.1-fast-official': { name: 'compose.model.fast', hint: 'compose.model.fastHint' },
  'veo3.1-quality-official': { name: 'compose.model.quality', hint: 'compose.model.qualityHint' },
};
const COUNTS = Array.from({ length: SAMPLE_COUNT_MAX }, (_, i) => i + 1);

/** The generation options as compact rows, one each: model, length, aspect, resolution, audio, takes, seed. */
export function VideoOptions({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const s = useComposeStore(
    useShallow((st) => ({
      model: st.model,
      duration: st.duration,
      aspect_ratio: st.aspect_ratio,
      resolution: st.resolution,
      generate_audio: st.generate_audio,
      sample_count: st.sample_count,
      update: st.update,
    })),
  );
  return (
    <div className="rail-rows">
      <Segmented
        variant="row"
        legend={t(SETTING_UI.model.label)}
        name="model"
        value={s.model}
        options={MODELS.map((m) => ({ value: m, label: t(MODEL_TEXT[m].name), title: t(MODEL_TEXT[m].hint) }))}
        onChange={(model) => s.update({ model })}
      />
      <FieldError id="model-error" message={errors.model} />
      <Segmented
        variant="row"
        legend={t(SETTING_UI.duration.label)}
        name="duration"
        value={s.duration}
        options={DURATIONS.map((n) => ({ value: n, label: t('compose.duration.value', { n }) }))}
        onChange={(duration) => s.update({ duration })}
      />
      <FieldError id="duration-error" message={errors.duration} />
      <Segmented
        variant="row"
        legend={t(SETTING_UI.aspect_ratio.label)}
        name="aspect"
        value={s.aspect_ratio}
        options={ASPECT_RATIOS.map((a) => ({
          value: a,
          label: a,
          title: t(a === '16:9' ? 'compose.aspect.landscape' : 'compose.aspect.portrait'),
        }))}
        onChange={(aspect_ratio) => s.update({ aspect_ratio })}
      />
      <FieldError id="aspect-error" message={errors.aspect_ratio} />
      <Segmented
        variant="row"
        legend={t(SETTING_UI.resolution.label)}
        name="resolution"
        value={s.resolution}
        options={RESOLUTIONS.map((r) => ({ value: r, label: r }))}
        onChange={(resolution) => s.update({ resolution })}
      />
      <FieldError id="resolution-error" message={errors.resolution} />
      <div className="rail-row">
        <label className="field-label" htmlFor="audio-switch">
          {t(SETTING_UI.generate_audio.label)}
        </label>
        <input
          id="audio-switch"
          type="checkbox"
          role="switch"
          className="switch"
          checked={s.generate_audio}
          onChange={(e) => s.update({ generate_audio: e.target.checked })}
        />
      </div>
      <FieldError id="audio-error" message={errors.generate_audio} />
      <Segmented
        variant="row"
        legend={t(SETTING_UI.sample_count.label)}
        name="outputs"
        value={s.sample_count}
        options={COUNTS.map((n) => ({ value: n, label: String(n) }))}
        onChange={(sample_count) => s.update({ sample_count })}
        title={t('compose.outputs.hint')}
        after={<InfoTip label={t('compose.help', { topic: t(SETTING_UI.sample_count.label) })} text={t('compose.outputs.hint')} />}
      />
      <FieldError id="outputs-error" message={errors.sample_count} />
      <SeedRow error={errors.seed} />
    </div>
  );
}
