import { useNavigationStore } from '../navigation-store';
import { COMPARE_MAX, formatRoute, parseRoute, type Route } from './route';
import { useSelectionStore } from './selection-store';

/**
 * Keeps the address and the app in step, both ways: the view and the primary clip write the hash,
 * and a hash the person changes (Back, Forward, an edited or pasted link) sets them. A new view is
 * a new history entry (Back returns to the last view); moving the selection replaces the entry
 * (arrowing through 200 clips must not make Back take 200 presses).
 */

export interface AddressBar {
  hash(): string;
  push(hash: string): void;
  replace(hash: string): void;
  /** Calls back when the person changes the hash; returns how to stop. */
  onChange(cb: () => void): () => void;
}

export const browserAddressBar = (): AddressBar => ({
  hash: () => window.location.hash,
  push: (hash) => history.pushState(null, '', hash),
  replace: (hash) => history.replaceState(null, '', hash),
  onChange(cb) {
    window.addEventListener('hashchange', cb);
    window.addEventListener('popstate', cb);
    return () => {
      window.removeEventListener('hashchange', cb);
      window.removeEventListener('popstate', cb);
    };
  },
});

const current = (): Route => {
  const { primary: clip, ids } = useSelectionStore.getState();
  const view = useNavigationStore.getState().view;
  // A comparison's address names its clips: a reload or a copied link compares the same ones.
  if (view === 'compare') return { view, ids: ids.slice(0, COMPARE_MAX), ...(clip ? { clip } : {}) };
  return { view, ...(clip ? { clip } : {}) };
};

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/** Starts at the address's route (if it names one) and follows from then on. Returns how to stop. */
export function startUrlSync(bar: AddressBar = browserAddressBar()): () => void {
  // While the address is being applied, the stores' changes are not news to write back: the view
  // changing first would otherwise push a half-applied route (new view, old clip) into history.
  let applying = false;
  const apply = (route: Route): void => {
    applying = true;
    try {
      if (useNavigationStore.getState().view !== route.view) useNavigationStore.getState().go(route.view);
      const sel = useSelectionStore.getState();
      if (route.ids) {
        if (!sameIds(sel.ids, route.ids) || sel.primary !== route.clip) sel.selectMany(route.ids, route.clip);
      } else if (sel.primary !== route.clip) sel.select(route.clip);
    } finally {
      applying = false;
    }
  };

  const initial = parseRoute(bar.hash());
  if (initial) apply(initial);
  bar.replace(formatRoute(current()));

  const write = (push: boolean) => {
    if (applying) return;
    const hash = formatRoute(current());
    // Unchanged when the change came from the address itself: nothing to write back.
    if (hash === bar.hash()) return;
    if (push) bar.push(hash);
    else bar.replace(hash);
  };
  const offView = useNavigationStore.subscribe((s, prev) => {
    if (s.view !== prev.view) write(true);
  });
  const offSelection = useSelectionStore.subscribe((s, prev) => {
    if (s.primary !== prev.primary || (s.ids !== prev.ids && useNavigationStore.getState().view === 'compare')) write(false);
  });
  const offBar = bar.onChange(() => {
    const route = parseRoute(bar.hash());
    if (route) apply(route);
    // A hash that names no route (typed by hand, a legacy link) is put back to what the app shows.
    write(false);
  });
  return () => {
    offView();
    offSelection();
    offBar();
  };
}
