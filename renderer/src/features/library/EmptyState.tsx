import { useT } from '../../i18n';
import { useSettingsStore } from '../settings/settings-store';
import { go } from './bridges';
import { useLibraryStore } from './library-store';

/** What to do next when the grid has nothing to show: no key, no videos yet, or no matches. */
export function EmptyState({ filtered }: { filtered: boolean }) {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  if (filtered) {
    return (
      <div className="lib-empty" role="status">
        <h3>{t('library.noResults.title')}</h3>
        <p>{t('library.noResults.body')}</p>
        <button type="button" className="primary" onClick={() => useLibraryStore.getState().clearFilters()}>
          {t('library.filter.clear')}
        </button>
      </div>
    );
  }
  if (settings && !settings.hasApiKey && !settings.demoMode) {
    return (
      <div className="lib-empty" role="status">
        <h3>{t('library.emptyNoKey.title')}</h3>
        <p>{t('library.emptyNoKey.body')}</p>
        <div className="lib-action-row">
          <button type="button" className="primary" onClick={() => void useSettingsStore.getState().update({ demoMode: true })}>
            {t('library.emptyNoKey.demo')}
          </button>
          <button type="button" onClick={() => go('settings')}>
            {t('library.emptyNoKey.key')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="lib-empty" role="status">
      <h3>{t('library.emptyLibrary.title')}</h3>
      <p>{t('library.emptyLibrary.body')}</p>
      <button type="button" className="primary" onClick={() => go('studio')}>
        {t('library.emptyLibrary.start')}
      </button>
    </div>
  );
}
