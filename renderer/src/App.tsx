import { startTransition, Suspense, useEffect, useState } from 'react';
import { AppHeader } from './components/AppHeader';
import { ConnectionBanner } from './components/ConnectionBanner';
import { useDocumentSetup } from './components/use-document-setup';
import { LibraryView } from './features/library/LibraryView';
import { ActivityDrawer } from './features/queue/ActivityDrawer';
import { useQueueStateSync } from './features/queue/use-queue-state-sync';
import { Studio } from './features/studio/Studio';
import { CompareView, preloadViewsWhenIdle, SettingsView, SpendingView } from './lazy-views';
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
  const bodyReady = useDeferredBody();
  useEffect(() => startSync(), []);
  useEffect(() => preloadViewsWhenIdle(), []);
  useDocumentSetup();
  useQueueStateSync();
  return (
    <div className="app" data-view={view}>
      <AppHeader />
      <ConnectionBanner />
      <main className="app-main" data-view={view}>
        {/* While a view's code loads, the pane stays empty: a neutral pane, never a half-drawn one. */}
        <Suspense fallback={null}>
          {!bodyReady ? null : view === 'studio' ? (
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
        </Suspense>
      </main>
      <ActivityDrawer />
    </div>
  );
}

/**
 * The first commit paints the shell alone (header, navigation); the view
 * fills in as a transition right after. A click on the navigation in between
 * (a discrete event) interrupts that render, so switching views at start-up
 * never waits for a view that is being left.
 */
function useDeferredBody(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return ready;
}
