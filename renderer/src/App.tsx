import { memo, Suspense, useEffect, useState } from 'react';
import { AppHeader } from './components/AppHeader';
import { ConnectionBanner } from './components/ConnectionBanner';
import { useDocumentSetup } from './components/use-document-setup';
import { firstLibraryPageIn } from './features/library/first-page-in';
import { LibraryView } from './features/library/LibraryView';
import { ActivityDrawer } from './features/queue/ActivityDrawer';
import { useQueueStateSync } from './features/queue/use-queue-state-sync';
import { useLeaveGuard } from './features/storyboard/leave-guard';
import { CompareView, preloadViewsWhenIdle, SettingsView, SpendingView, useStudio } from './lazy-views';
import { useNavigationStore, type View } from './navigation-store';

/**
 * The shell: the window is the workspace. A 44 px header (views, notices,
 * activity, where jobs run), a strip only while the connection is lost, and
 * the current view filling the rest; the page itself never scrolls, each pane
 * scrolls on its own. The activity drawer opens over the right edge.
 *
 * The shell itself re-renders only when the view changes: what else it keeps
 * up (theme, queue state, the leave guard) lives in a component of its own,
 * so a reply from main never re-renders every view below it.
 */
export function App() {
  const view = useNavigationStore((s) => s.view);
  return (
    <div className="app" data-view={view}>
      <PageUpkeep />
      <AppHeader />
      <ConnectionBanner />
      <main className="app-main" data-view={view}>
        <ViewBody view={view} />
      </main>
      <ActivityDrawer />
    </div>
  );
}

/** Most the idle preloading of the other views waits for the library's first page (a start with no connection). */
const PRELOAD_AFTER_MS = 5000;

/** Page-wide upkeep with nothing to draw. */
function PageUpkeep() {
  // Not before the library's first page is in: an idle moment before then is the page waiting for it, and the
  // views' code (the Studio's brings zod) would be running just as it lands and the grid is drawn.
  useEffect(() => preloadViewsWhenIdle(firstLibraryPageIn(PRELOAD_AFTER_MS)), []);
  useDocumentSetup();
  useQueueStateSync();
  useLeaveGuard();
  return null;
}

/** The current view; while a lazy view's code loads, the pane stays empty: a neutral pane, never a half-drawn one. */
const ViewBody = memo(function ViewBody({ view }: { view: View }) {
  const bodyReady = useDeferredBody(view);
  const Studio = useStudio(bodyReady && view === 'studio');
  if (!bodyReady) return null;
  return (
    <Suspense fallback={null}>
      {view === 'studio' ? (
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
  );
});

/**
 * The first commit is the shell alone (header, navigation); the view fills in
 * with the render right after it. A click on the navigation in between is
 * handled first, so a start that goes straight to another view never renders
 * the one it leaves, and draws the view it goes to in the click's own render:
 * waiting for the deferred render would cost a whole frame of the shell alone.
 * (Not a transition: replies arriving from main while it renders would restart
 * a transition from scratch, again and again.)
 */
function useDeferredBody(view: View): boolean {
  const [ready, setReady] = useState(false);
  const [firstView] = useState(view);
  useEffect(() => setReady(true), []);
  return ready || view !== firstView;
}
