import { useState } from 'react';
import type { Settings, SettingsView } from '../../../../shared/ipc/views.js';
import { useProviderSwitch } from '../../components/use-provider-switch';
import { useLanguageStore, useT } from '../../i18n';
import { problemText } from './problem-text';
import { useSettingsStore, type SettingsProblem } from './settings-store';

const inRange = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 16;

/** Concurrency, language, theme (each applied as soon as it changes) and where jobs run (asked first). */
export function PreferencesSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [concurrency, setConcurrency] = useState(String(settings.concurrency));
  const [problem, setProblem] = useState<SettingsProblem | undefined>();
  const update = async (patch: Partial<Settings>): Promise<void> => {
    const p = await useSettingsStore.getState().update(patch);
    setProblem(p ? { field: Object.keys(patch)[0], ...p } : undefined);
  };
  const concurrencyOk = inRange(Number(concurrency));

  return (
    <section className="settings-section" aria-labelledby="settings-general-title">
      <h3 id="settings-general-title">{t('settings.general.title')}</h3>
      <div className="settings-grid">
        <label className="field-label" htmlFor="settings-concurrency">
          {t('settings.concurrency')}
        </label>
        <div>
          <input
            id="settings-concurrency"
            type="number"
            min={1}
            max={16}
            step={1}
            value={concurrency}
            aria-invalid={!concurrencyOk}
            aria-describedby="settings-concurrency-hint"
            onChange={(e) => {
              setConcurrency(e.target.value);
              const n = Number(e.target.value);
              if (inRange(n) && n !== settings.concurrency) void update({ concurrency: n });
            }}
          />
          <p id="settings-concurrency-hint" className={concurrencyOk ? 'hint' : 'form-error'}>
            {concurrencyOk ? t('settings.concurrency.hint') : t('settings.concurrency.range')}
          </p>
        </div>

        <label className="field-label" htmlFor="settings-language">
          {t('settings.language')}
        </label>
        <select
          id="settings-language"
          value={settings.language}
          onChange={(e) => {
            const language = e.target.value as Settings['language'];
            // Switch at once; main's answer confirms it (or puts it back on failure).
            useLanguageStore.getState().setLanguage(language);
            void update({ language }).then(() => useLanguageStore.getState().setLanguage(useSettingsStore.getState().settings?.language ?? language));
          }}
        >
          <option value="en" lang="en">
            English
          </option>
          <option value="ko" lang="ko">
            한국어
          </option>
        </select>

        <label className="field-label" htmlFor="settings-theme">
          {t('settings.theme')}
        </label>
        <select id="settings-theme" value={settings.theme} onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}>
          <option value="system">{t('settings.theme.system')}</option>
          <option value="light">{t('settings.theme.light')}</option>
          <option value="dark">{t('settings.theme.dark')}</option>
        </select>

        <span className="field-label" id="settings-provider-label">
          {t('settings.provider')}
        </span>
        <ProviderRow demo={settings.demoMode} />
      </div>
      {problem ? (
        <p className="form-error" role="alert">
          {problemText(t, problem)}
        </p>
      ) : null}
    </section>
  );
}

/** DEMO or LIVE in words, and the same switch as the header chip, with the same question. */
function ProviderRow({ demo }: { demo: boolean }) {
  const t = useT();
  const { ask, dialog } = useProviderSwitch();
  return (
    <div className="settings-provider">
      <p className="hint" id="settings-provider-state">
        {demo ? t('settings.provider.demo') : t('settings.provider.live')}
      </p>
      <button type="button" aria-describedby="settings-provider-label settings-provider-state" onClick={ask}>
        {demo ? t('settings.provider.toLive') : t('settings.provider.toDemo')}
      </button>
      {dialog}
    </div>
  );
}
