import { lazy, useEffect, useReducer, type ComponentType } from 'react';

/**
 * The views loaded on first use rather than before the first paint. The
 * Studio, where the app opens, loads right after the shell has painted: its
 * compose form checks and stores drafts with zod, whose code and schemas the
 * first paint must not wait for (a start that goes straight to the Library
 * never loads them before its grid). The others are a click away. Once the
 * page is idle they are all fetched anyway, so switching to one later does not
 * wait on the network.
 */
let loadedStudio: ComponentType | undefined;
const loadStudio = () =>
  import('./features/studio/Studio').then((m) => {
    loadedStudio = m.Studio;
    return m;
  });
const loadCompare = () => import('./features/compare/CompareView');
const loadSpending = () => import('./features/spending/SpendingView');
const loadSettings = () => import('./features/settings/SettingsView');

export const CompareView = lazy(async () => ({ default: (await loadCompare()).CompareView }));
export const SpendingView = lazy(async () => ({ default: (await loadSpending()).SpendingView }));
export const SettingsView = lazy(async () => ({ default: (await loadSettings()).SettingsView }));

/**
 * The Studio once its code is in, loading it while `wanted`; undefined until
 * then (the pane stays empty). Not React.lazy: React shows what replaces a
 * Suspense fallback no sooner than 300 ms after the fallback, and a start lands
 * on the Studio, so it shows the moment its code has run. A failed load is
 * tried again the next time the Studio is wanted.
 */
export function useStudio(wanted: boolean): ComponentType | undefined {
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!wanted || loadedStudio) return;
    let live = true;
    loadStudio().then(
      () => live && loaded(),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return loadedStudio;
}

/** Fetches the lazy views when the page has nothing else to do. Returns how to cancel it. */
export function preloadViewsWhenIdle(): () => void {
  const load = (): void => {
    // A failed fetch here is retried by the view's own lazy import when it is opened.
    for (const l of [loadStudio, loadCompare, loadSpending, loadSettings]) l().catch(() => undefined);
  };
  // Not every browser the host may be opened in has idle callbacks.
  const idle = window.requestIdleCallback as typeof window.requestIdleCallback | undefined;
  if (idle) {
    const id = idle(load, { timeout: 5000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(load, 2000);
  return () => clearTimeout(id);
}
