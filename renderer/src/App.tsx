import { useEffect } from 'react';
import { AppNotices } from './components/AppNotices';
import { ConnectionBanner } from './components/ConnectionBanner';
import { NavTabs } from './components/NavTabs';
import { ProviderChip } from './components/ProviderChip';
import { useDocumentSetup } from './components/use-document-setup';
import { CompareView } from './features/compare/CompareView';
import { ComposePanel } from './features/compose/ComposePanel';
import { LibraryView } from './features/library/LibraryView';
import { QueuePanel } from './features/queue/QueuePanel';
import { SettingsView } from './features/settings/SettingsView';
import { StatusNotices } from './features/settings/StatusNotices';
import { useT } from './i18n';
import { useNavigationStore } from './navigation-store';
import { startSync } from './sync';

/** The shell: header (name, views, where jobs run), notices, and the current view. */
export function App() {
  const t = useT();
  const view = useNavigationStore((s) => s.view);
  useEffect(() => startSync(), []);
  useDocumentSetup();
  return (
    <div className="app" data-view={view}>
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <NavTabs />
        <ProviderChip />
      </header>
      <div className="notices">
        <ConnectionBanner />
        <StatusNotices />
        <AppNotices />
      </div>
      <main className="app-main">
        {view === 'studio' ? (
          <div className="studio">
            <ComposePanel />
            <QueuePanel />
          </div>
        ) : view === 'library' ? (
          <LibraryView />
        ) : view === 'compare' ? (
          <CompareView />
        ) : (
          <SettingsView />
        )}
      </main>
    </div>
  );
}
