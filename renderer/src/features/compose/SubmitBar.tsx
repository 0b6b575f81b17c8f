import type { SettingsView } from '../../../../shared/ipc/views.js';
import type { CallError } from '../../app-error';
import { useNavigationStore } from '../../navigation-store';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { BatchButton } from '../batch/BatchButton';
import { HistoryButton } from '../history/HistoryButton';
import { useSettingsStore } from '../settings/settings-store';
import { useComposeStore } from './compose-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const KEY_CODES = new Set(['missing_key', 'auth', 'payment_required', 'permission']);

/** "No key" stops being true once a key is saved or demo mode is on: the message goes with its cause. */
function outlived(error: CallError, settings: SettingsView | undefined): boolean {
  return error.code === 'missing_key' && settings !== undefined && (settings.hasApiKey || settings.demoMode);
}

/** Generate, the shortcut, and what became of the last submit (with a way out of key problems). */
export function SubmitBar({ requestError }: { requestError: string | undefined }) {
  const t = useT();
  const submitting = useComposeStore((s) => s.submitting);
  const settings = useSettingsStore((s) => s.settings);
  const lastError = useComposeStore((s) => s.error);
  const error = lastError && !outlived(lastError, settings) ? lastError : undefined;
  const lastJobId = useComposeStore((s) => s.lastJobId);
  const go = useNavigationStore((s) => s.go);
  const updateSettings = useSettingsStore((s) => s.update);
  return (
    <div className="submit-bar">
      <div className="submit-row">
        <div className="submit-tools">
          <HistoryButton />
          <BatchButton />
        </div>
        <span className="hint">{t('compose.shortcut', { keys: isMac ? '⌘ Enter' : 'Ctrl+Enter' })}</span>
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? t('compose.submitting') : t('compose.generate')}
        </button>
      </div>
      {error ? (
        <div className="submit-error" role="alert" data-error-code={error.code}>
          <p>{errorText(t, error)}</p>
          {KEY_CODES.has(error.code) ? (
            <div className="submit-error-actions">
              <button type="button" onClick={() => go('settings')}>
                {t('compose.error.openSettings')}
              </button>
              {error.code === 'missing_key' ? (
                <button type="button" onClick={() => void updateSettings({ demoMode: true })}>
                  {t('compose.error.useDemo')}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : requestError ? (
        <p className="field-error" role="alert">
          {requestError}
        </p>
      ) : lastJobId ? (
        <p className="form-ok" role="status">
          {t('compose.queued')}
        </p>
      ) : null}
    </div>
  );
}
