import { lazy, type ComponentType } from 'react';
import { lazyPart } from './components/lazy-part';
import { libraryParts } from './features/library/library-parts';

/**
 * The views loaded on first use rather than before the first paint. The
 * Studio, where the app opens, loads right after the shell has painted: its
 * compose form checks and stores drafts with zod, whose code and schemas the
 * first paint must not wait for (a start that goes straight to the Library
 * never loads them before its grid). The others are a click away. Once the
 * page is idle they are all fetched anyway, so switching to one later does not
 * wait on the network.
 */
const studio = lazyPart(() => import('./features/studio/Studio').then((m) => m.Studio));
const loadCompare = () => import('./features/compare/CompareView');
const loadSpending = () => import('./features/spending/SpendingView');
const loadSettings = () => import('./features/settings/SettingsView');

export const CompareView = lazy(async () => ({ default: (await loadCompare()).CompareView }));
export const SpendingView = lazy(async () => ({ default: (await loadSpending()).SpendingView }));
export const SettingsView = lazy(async () => ({ default: (await loadSettings()).SettingsView }));

/** The Studio once its code is in, loading it while `wanted` (see lazy-part.ts: a start lands on the Studio). */
export const useStudio = (wanted: boolean): ComponentType | undefined => studio.useLoaded(wanted);

/**
 * Fetches the lazy views when the page has nothing else to do, once `after`
 * has settled. Returns how to cancel it.
 */
export function preloadViewsWhenIdle(after: Promise<void> = Promise.resolve()): () => void {
  const load = (): void => {
    // A failed fetch here is retried by the view's own lazy import when it is opened.
    for (const l of [loadCompare, loadSpending, loadSettings]) l().catch(() => undefined);
    for (const part of [studio, ...libraryParts]) void part.preload();
  };
  let cancel: (() => void) | undefined;
  let cancelled = false;
  void after.then(() => {
    if (cancelled) return;
    // Not every browser the host may be opened in has idle callbacks.
    const idle = window.requestIdleCallback as typeof window.requestIdleCallback | undefined;
    if (idle) {
      const id = idle(load, { timeout: 5000 });
      cancel = () => window.cancelIdleCallback(id);
    } else {
      const id = setTimeout(load, 2000);
      cancel = () => clearTimeout(id);
    }
  });
  return () => {
    cancelled = true;
    cancel?.();
  };
}
