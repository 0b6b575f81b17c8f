import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { ApiKeySection } from './ApiKeySection';
import { CapsSection } from './CapsSection';
import { LibraryFoldersSection } from './LibraryFoldersSection';
import { OutputSection } from './OutputSection';
import { PreferencesSection } from './PreferencesSection';
import { useSettingsStore } from './settings-store';
import './settings.css';

/** Settings, as main holds them: every change goes to main and the page shows main's answer. */
export function SettingsView() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {error ? <p className="form-error">{errorText(t, error)}</p> : null}
      {!settings && !error ? <p className="empty">{t('settings.loading')}</p> : null}
      {settings ? (
        <>
          <ApiKeySection settings={settings} />
          <CapsSection settings={settings} />
          <OutputSection key={settings.outputDir} settings={settings} />
          <LibraryFoldersSection key={`folders-${settings.outputDir}`} />
          <PreferencesSection settings={settings} />
        </>
      ) : null}
    </section>
  );
}
