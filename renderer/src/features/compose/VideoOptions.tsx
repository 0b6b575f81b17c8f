import { ASPECT_RATIOS, DURATIONS, MODELS, RESOLUTIONS, type Model } from '../../../../shared/domain/generation.js';
import { useShallow } from 'zustand/react/shallow';
import { FieldError } from '../../components/FieldError';
import { Segmented } from '../../components/Segmented';
import { useT, type MessageKey } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FieldErrors } from './request';
import { SETTING_UI } from './settings-ui';

const MODEL_TEXT: Record<Model, { name: MessageKey; hint: MessageKey }> = {
  'veo3.1-fast-official': { name: 'compose.model.fast', hint: 'compose.model.fastHint' },
  'veo3.1-quality-official': { name: 'compose.model.quality', hint: 'compose.model.qualityHint' },
};

/** Model, duration, aspect ratio, resolution. */
export function VideoOptions({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const s = useComposeStore(
    useShallow((st) => ({ model: st.model, duration: st.duration, aspect_ratio: st.aspect_ratio, resolution: st.resolution, update: st.update })),
  );
  return (
    <div className="options-grid">
      <div className="field field-wide">
        <Segmented
          legend={t(SETTING_UI.model.label)}
          name="model"
          value={s.model}
          variant="cards"
          options={MODELS.map((m) => ({
            value: m,
            label: t(MODEL_TEXT[m].name),
            detail: t(MODEL_TEXT[m].hint),
          }))}
          onChange={(model) => s.update({ model })}
        />
        <FieldError id="model-error" message={errors.model} />
      </div>
      <div className="field">
        <Segmented
          legend={t(SETTING_UI.duration.label)}
          name="duration"
          value={s.duration}
          options={DURATIONS.map((n) => ({ value: n, label: t('compose.duration.value', { n }) }))}
          onChange={(duration) => s.update({ duration })}
        />
        <FieldError id="duration-error" message={errors.duration} />
      </div>
      <div className="field">
        <Segmented
          legend={t(SETTING_UI.aspect_ratio.label)}
          name="aspect"
          value={s.aspect_ratio}
          options={ASPECT_RATIOS.map((a) => ({ value: a, label: t(a === '16:9' ? 'compose.aspect.landscape' : 'compose.aspect.portrait') }))}
          onChange={(aspect_ratio) => s.update({ aspect_ratio })}
        />
        <FieldError id="aspect-error" message={errors.aspect_ratio} />
      </div>
      <div className="field">
        <Segmented
          legend={t(SETTING_UI.resolution.label)}
          name="resolution"
          value={s.resolution}
          options={RESOLUTIONS.map((r) => ({ value: r, label: r }))}
          onChange={(resolution) => s.update({ resolution })}
        />
        <FieldError id="resolution-error" message={errors.resolution} />
      </div>
    </div>
  );
}
