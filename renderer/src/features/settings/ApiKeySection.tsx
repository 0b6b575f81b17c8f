import { useState, type FormEvent } from 'react';
import type { BalanceView, SettingsView } from '../../../../shared/ipc/views.js';
import { useBalanceStore } from '../../components/balance-store';
import { useT, type Translate } from '../../i18n';
import { problemText } from './problem-text';
import { useSettingsStore, type SettingsProblem } from './settings-store';

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; problem: SettingsProblem } | undefined;

/** What "Test key" found: the key is always tried on APIMart, in demo mode too. */
function balanceText(t: Translate, b: BalanceView): string {
  if (b.unlimited) return t('settings.key.unlimited');
  return b.remainUsd === undefined ? t('settings.key.balanceUnknown') : t('settings.key.balance', { usd: b.remainUsd.toFixed(2) });
}

function storageText(t: Translate, s: SettingsView): string {
  if (!s.hasApiKey) return t('settings.key.none');
  return s.keyStorage === 'plain-file' ? t('settings.key.savedPlain') : t('settings.key.savedEncrypted');
}

/** Write-only: the field sends a new key and empties itself; the saved key is never read back. */
export function ApiKeySection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState<'save' | 'test' | 'remove' | undefined>();
  const [outcome, setOutcome] = useState<Outcome>();

  const after = (problem: SettingsProblem | undefined, okText: string): void => {
    setOutcome(problem ? { kind: 'error', problem: { field: 'key', ...problem } } : { kind: 'ok', text: okText });
    if (!problem) void useBalanceStore.getState().refresh();
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (key.trim() === '') return;
    setBusy('save');
    const problem = await useSettingsStore.getState().setApiKey(key.trim());
    if (!problem) setKey('');
    after(problem, t('settings.key.saved'));
    setBusy(undefined);
  };
  const remove = async (): Promise<void> => {
    setBusy('remove');
    after(await useSettingsStore.getState().clearApiKey(), t('settings.key.removed'));
    setBusy(undefined);
  };
  const test = async (): Promise<void> => {
    setBusy('test');
    setOutcome(undefined);
    const r = await useSettingsStore.getState().testApiKey();
    setOutcome('balance' in r ? { kind: 'ok', text: balanceText(t, r.balance) } : { kind: 'error', problem: r.problem });
    setBusy(undefined);
  };

  return (
    <section className="settings-section" aria-labelledby="settings-key-title">
      <h3 id="settings-key-title">{t('settings.key.title')}</h3>
      <p className="settings-status" data-testid="key-status">
        {storageText(t, settings)}
      </p>
      <form className="settings-row" onSubmit={(e) => void save(e)}>
        <label className="field-label" htmlFor="settings-key">
          {t('settings.key.label')}
        </label>
        <div className="settings-inline">
          <input
            id="settings-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder={t('settings.key.placeholder')}
            onChange={(e) => setKey(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy !== undefined || key.trim() === ''}>
            {busy === 'save' ? t('settings.key.saving') : t('settings.key.save')}
          </button>
        </div>
        <p className="hint">{t('settings.key.hint')}</p>
      </form>
      <div className="settings-actions">
        <button type="button" disabled={busy !== undefined || !settings.hasApiKey} onClick={() => void test()}>
          {busy === 'test' ? t('settings.key.testing') : t('settings.key.test')}
        </button>
        {settings.hasApiKey ? (
          <button type="button" className="quiet" disabled={busy !== undefined} onClick={() => void remove()}>
            {t('settings.key.remove')}
          </button>
        ) : null}
      </div>
      {outcome?.kind === 'ok' ? (
        <p className="form-ok" role="status">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p className="form-error" role="alert">
          {problemText(t, outcome.problem)}
        </p>
      ) : null}
    </section>
  );
}
