import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useSettingsStore } from './settings-store';

/** Demo mode, a missing key, and where the key is kept: said plainly, once, at the top. */
export function StatusNotices() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const [plainKeySeen, setPlainKeySeen] = useState(false);
  if (error) return <Notice kind="error">{errorText(t, error)}</Notice>;
  if (!settings) return null;
  return (
    <>
      {settings.demoMode ? <Notice kind="info">{t('notice.demo')}</Notice> : null}
      {!settings.demoMode && !settings.hasApiKey ? (
        <Notice
          kind="warning"
          action={
            <button type="button" onClick={() => void update({ demoMode: true })}>
              {t('notice.useDemo')}
            </button>
          }
        >
          {t('notice.noKey')}
        </Notice>
      ) : null}
      {settings.hasApiKey && settings.keyStorage === 'plain-file' && !plainKeySeen ? (
        <Notice
          kind="info"
          action={
            <button type="button" className="quiet" onClick={() => setPlainKeySeen(true)}>
              {t('notice.dismiss')}
            </button>
          }
        >
          {t('notice.plainKey')}
        </Notice>
      ) : null}
    </>
  );
}
