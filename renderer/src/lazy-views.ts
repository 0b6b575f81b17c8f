import { lazy } from 'react';

/**
 * The views a start never lands on (the app opens on the Studio, and the
 * Library is one click away): loaded on first use, so their code is not
 * evaluated before the first paint. Once the page is idle they are fetched
 * anyway, so switching to one later does not wait on the network.
 */
const loadCompare = () => import('./features/compare/CompareView');
const loadSpending = () => import('./features/spending/SpendingView');
const loadSettings = () => import('./features/settings/SettingsView');

export const CompareView = lazy(async () => ({ default: (await loadCompare()).CompareView }));
export const SpendingView = lazy(async () => ({ default: (await loadSpending()).SpendingView }));
export const SettingsView = lazy(async () => ({ default: (await loadSettings()).SettingsView }));

/** Fetches the lazy views when the page has nothing else to do. Returns how to cancel it. */
export function preloadViewsWhenIdle(): () => void {
  const load = (): void => {
    // A failed fetch here is retried by the view's own lazy import when it is opened.
    for (const l of [loadCompare, loadSpending, loadSettings]) l().catch(() => undefined);
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
