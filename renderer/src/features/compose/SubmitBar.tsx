import type { SettingsView } from '../../../../shared/ipc/views.js';
import type { CallError } from '../../app-error';
import { useNavigationStore } from '../../navigation-store';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useSettingsStore } from '../settings/settings-store';
import { useComposeStore } from './compose-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const KEY_CODES = new Set(['missing_key', 'auth', 'payment_required', 'permission']);

/** "No key" stops being true once a key is saved or demo mode is on: the message goes with its cause. */
function outlived(error: CallError, settings: SettingsView | undefined): boolean {
  return error.code === 'missing_key' && settings !== undefined && (settings.hasApiKey || settings.demoMode);
}

/** Generate with its shortcut, and what became of the last submit (with a way out of key problems). */
export function SubmitBar({ requestError, onGenerate }: { requestError: string | undefined; onGenerate(): void }) {
  const t = useT();
  const submitting = useComposeStore((s) => s.submitting);
  const settings = useSettingsStore((s) => s.settings);
  const lastError = useComposeStore((s) => s.error);
  const error = lastError && !outlived(lastError, settings) ? lastError : undefined;
  const lastJobId = useComposeStore((s) => s.lastJobId);
  const go = useNavigationStore((s) => s.go);
  const updateSettings = useSettingsStore((s) => s.update);
  const keys = isMac ? '⌘↵' : 'Ctrl+↵';
  return (
    <div className="submit-bar">
      {error ? (
        <div className="submit-error" role="alert" data-error-code={error.code}>
          <p>{errorText(t, error)}</p>
          {KEY_CODES.has(error.code) ? (
            <div className="submit-error-actions">
              <button type="button" className="small" onClick={() => go('settings')}>
                {t('compose.error.openSettings')}
              </button>
              {error.code === 'missing_key' ? (
                <button type="button" className="small" onClick={() => void updateSettings({ demoMode: true })}>
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
      ) : null}
      <button
        type="button"
        className="primary generate"
        disabled={submitting}
        aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
        title={t('compose.shortcut', { keys: isMac ? '⌘ Enter' : 'Ctrl+Enter' })}
        onClick={onGenerate}
      >
        {submitting ? t('compose.submitting') : t('compose.generate')}
        <kbd aria-hidden="true">{keys}</kbd>
      </button>
      <p className="form-ok submit-status" role="status">
        {lastJobId && !error ? t('compose.queued') : ''}
      </p>
    </div>
  );
}
