import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PERSON_POLICIES, SAMPLE_COUNT_MAX, SEED_MAX } from '../../../../shared/domain/generation.js';
import { FieldError } from '../../components/FieldError';
import { Segmented } from '../../components/Segmented';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FieldErrors } from './request';
import { SETTING_UI } from './settings-ui';

const COUNTS = Array.from({ length: SAMPLE_COUNT_MAX }, (_, i) => i + 1);

/** Seed, number of outputs, audio and the person policy. */
export function MoreOptions({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const s = useComposeStore(
    useShallow((st) => ({
      seedMode: st.seedMode,
      seed: st.seed,
      sample_count: st.sample_count,
      generate_audio: st.generate_audio,
      person_generation: st.person_generation,
      update: st.update,
      rollSeed: st.rollSeed,
    })),
  );
  const [seedText, setSeedText] = useState(String(s.seed));
  // A new seed from elsewhere (dice, reuse settings, a restored draft) replaces what is shown.
  useEffect(() => setSeedText(String(s.seed)), [s.seed]);
  return (
    <div className="options-grid">
      <div className="field">
        <Segmented
          legend={t(SETTING_UI.seed.label)}
          name="seed-mode"
          value={s.seedMode}
          options={[
            { value: 'random', label: t('compose.seed.random') },
            { value: 'fixed', label: t('compose.seed.fixed') },
          ]}
          onChange={(seedMode) => s.update({ seedMode })}
          describedBy="seed-hint"
        />
        <div className="seed-row">
          <input
            type="number"
            id="seed"
            inputMode="numeric"
            min={0}
            max={SEED_MAX}
            step={1}
            aria-label={t('compose.seed.value')}
            disabled={s.seedMode === 'random'}
            value={s.seedMode === 'random' ? '' : seedText}
            aria-invalid={errors.seed ? true : undefined}
            aria-describedby={errors.seed ? 'seed-error' : 'seed-hint'}
            onChange={(e) => {
              // The text is kept as typed (it may be empty mid-edit); only a valid seed reaches the draft.
              setSeedText(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value !== '' && Number.isSafeInteger(n) && n >= 0 && n <= SEED_MAX) s.update({ seed: n });
            }}
            onBlur={() => setSeedText(String(s.seed))}
          />
          <button type="button" className="icon-button" onClick={s.rollSeed} aria-label={t('compose.seed.roll')} title={t('compose.seed.roll')}>
            <span aria-hidden="true">⚄</span>
          </button>
        </div>
        <FieldError id="seed-error" message={errors.seed} />
        <p id="seed-hint" className="hint">
          {t('compose.seed.hint')}
        </p>
      </div>
      <div className="field">
        <Segmented
          legend={t(SETTING_UI.sample_count.label)}
          name="outputs"
          value={s.sample_count}
          options={COUNTS.map((n) => ({ value: n, label: String(n) }))}
          onChange={(sample_count) => s.update({ sample_count })}
          describedBy="outputs-hint"
        />
        <FieldError id="outputs-error" message={errors.sample_count} />
        <p id="outputs-hint" className="hint">
          {t('compose.outputs.hint')}
        </p>
      </div>
      <div className="field">
        <Segmented
          legend={t(SETTING_UI.person_generation.label)}
          name="person"
          value={s.person_generation}
          options={PERSON_POLICIES.map((p) => ({ value: p, label: t(p === 'allow_adult' ? 'compose.person.allow' : 'compose.person.disallow') }))}
          onChange={(person_generation) => s.update({ person_generation })}
        />
        <FieldError id="person-error" message={errors.person_generation} />
      </div>
      <div className="field field-check">
        <label className="check">
          <input type="checkbox" checked={s.generate_audio} onChange={(e) => s.update({ generate_audio: e.target.checked })} />
          <span>{t(SETTING_UI.generate_audio.label)}</span>
        </label>
        <FieldError id="audio-error" message={errors.generate_audio} />
      </div>
    </div>
  );
}
