import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { ConnectionBanner } from './components/ConnectionBanner';
import { useDocumentSetup } from './components/use-document-setup';
import { CompareView } from './features/compare/CompareView';
import { LibraryView } from './features/library/LibraryView';
import { ActivityDrawer } from './features/queue/ActivityDrawer';
import { useQueueStateSync } from './features/queue/use-queue-state-sync';
import { SettingsView } from './features/settings/SettingsView';
import { Studio } from './features/studio/Studio';
import { SpendingView } from './features/spending/SpendingView';
import { useNavigationStore } from './navigation-store';
import { startSync } from './sync';

/**
 * The shell: the window is the workspace. A 44 px header (views, notices,
 * activity, where jobs run), a strip only while the connection is lost, and
 * the current view filling the rest; the page itself never scrolls, each pane
 * scrolls on its own. The activity drawer opens over the right edge.
 */
export function App() {
  const view = useNavigationStore((s) => s.view);
  useEffect(() => startSync(), []);
  useDocumentSetup();
  useQueueStateSync();
  return (
    <div className="app" data-view={view}>
      <AppHeader />
      <ConnectionBanner />
      <main className="app-main" data-view={view}>
        {view === 'studio' ? (
          <Studio />
        ) : view === 'library' ? (
          <LibraryView />
        ) : view === 'compare' ? (
          <CompareView />
        ) : view === 'spending' ? (
          <SpendingView />
        ) : (
          <SettingsView />
        )}
      </main>
      <ActivityDrawer />
    </div>
  );
}
