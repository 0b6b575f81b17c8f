import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SEED_MAX } from '../../../../shared/domain/generation-options.js';
import { FieldError } from '../../components/FieldError';
import { Segmented } from '../../components/Segmented';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import { SETTING_UI } from './settings-ui';

/** Seed: Random or Fixed with the dice on one row; the value field opens under it once fixed. */
export function SeedRow({ error }: { error: string | undefined }) {
  const t = useT();
  const s = useComposeStore(useShallow((st) => ({ seedMode: st.seedMode, seed: st.seed, update: st.update, rollSeed: st.rollSeed })));
  const [seedText, setSeedText] = useState(String(s.seed));
  // A new seed from elsewhere (dice, reuse settings, another draft tab) replaces what is shown.
  useEffect(() => setSeedText(String(s.seed)), [s.seed]);
  return (
    <>
      <Segmented
        variant="row"
        legend={t(SETTING_UI.seed.label)}
        name="seed-mode"
        value={s.seedMode}
        options={[
          { value: 'random', label: t('compose.seed.random') },
          { value: 'fixed', label: t('compose.seed.fixed') },
        ]}
        onChange={(seedMode) => s.update({ seedMode })}
        title={t('compose.seed.hint')}
        after={
          <button type="button" className="icon-button" onClick={s.rollSeed} aria-label={t('compose.seed.roll')} title={t('compose.seed.roll')}>
            <span aria-hidden="true">⚄</span>
          </button>
        }
      />
      {s.seedMode === 'fixed' ? (
        <div className="rail-row rail-sub">
          <input
            type="number"
            id="seed"
            inputMode="numeric"
            min={0}
            max={SEED_MAX}
            step={1}
            aria-label={t('compose.seed.value')}
            value={seedText}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'seed-error' : undefined}
            title={t('compose.seed.hint')}
            onChange={(e) => {
              // The text is kept as typed (it may be empty mid-edit); only a valid seed reaches the draft.
              setSeedText(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value !== '' && Number.isSafeInteger(n) && n >= 0 && n <= SEED_MAX) s.update({ seed: n });
            }}
            onBlur={() => setSeedText(String(s.seed))}
          />
        </div>
      ) : null}
      <FieldError id="seed-error" message={error} />
    </>
  );
}
