import { useT } from '../i18n';
import { ActivityButton } from './ActivityButton';
import { NavTabs } from './NavTabs';
import { ProviderChip } from './ProviderChip';
import { StatusChip } from './StatusChip';

/** The 44 px header: wordmark, views, then notices, activity and where jobs run. */
export function AppHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <h1 className="wordmark" title={t('app.tagline')}>
        {t('app.title')}
      </h1>
      <NavTabs />
      <div className="header-end">
        <StatusChip />
        <ActivityButton />
        <ProviderChip />
      </div>
    </header>
  );
}
