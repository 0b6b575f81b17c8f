import { Suspense, useEffect, useState } from 'react';
import { AppHeader } from './components/AppHeader';
import { ConnectionBanner } from './components/ConnectionBanner';
import { useDocumentSetup } from './components/use-document-setup';
import { LibraryView } from './features/library/LibraryView';
import { ActivityDrawer } from './features/queue/ActivityDrawer';
import { useQueueStateSync } from './features/queue/use-queue-state-sync';
import { useLeaveGuard } from './features/storyboard/leave-guard';
import { CompareView, preloadViewsWhenIdle, SettingsView, SpendingView, useStudio } from './lazy-views';
import { useNavigationStore } from './navigation-store';

/**
 * The shell: the window is the workspace. A 44 px header (views, notices,
 * activity, where jobs run), a strip only while the connection is lost, and
 * the current view filling the rest; the page itself never scrolls, each pane
 * scrolls on its own. The activity drawer opens over the right edge.
 */
export function App() {
  const view = useNavigationStore((s) => s.view);
  const bodyReady = useDeferredBody();
  const Studio = useStudio(bodyReady && view === 'studio');
  useEffect(() => preloadViewsWhenIdle(), []);
  useDocumentSetup();
  useQueueStateSync();
  useLeaveGuard();
  return (
    <div className="app" data-view={view}>
      <AppHeader />
      <ConnectionBanner />
      <main className="app-main" data-view={view}>
        {/* While a view's code loads, the pane stays empty: a neutral pane, never a half-drawn one. */}
        <Suspense fallback={null}>
          {!bodyReady ? null : view === 'studio' ? (
            Studio ? <Studio /> : null
          ) : view === 'library' ? (
            <LibraryView />
          ) : view === 'compare' ? (
            <CompareView />
          ) : view === 'spending' ? (
            <SpendingView />
          ) : (
            <SettingsView />
          )}
        </Suspense>
      </main>
      <ActivityDrawer />
    </div>
  );
}

/**
 * The first commit is the shell alone (header, navigation); the view fills in
 * with the render right after it. A click on the navigation in between is
 * handled first, so a start that goes straight to another view never renders
 * the one it leaves. (Not a transition: replies arriving from main while it
 * renders would restart a transition from scratch, again and again.)
 */
function useDeferredBody(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready;
}
