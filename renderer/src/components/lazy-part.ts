import { useEffect, useReducer, type ComponentType } from 'react';

/**
 * A component whose code loads on first use, not before the first paint.
 * `useLoaded(wanted)` returns it once its code has run (loading it while
 * wanted) and undefined until then, so the caller draws an empty place.
 * Not React.lazy: React shows what replaces a Suspense fallback no sooner than
 * 300 ms after the fallback, where this shows it the moment it is there. A
 * failed load is tried again the next time it is wanted.
 */
export interface LazyPart<P> {
  useLoaded(wanted: boolean): ComponentType<P> | undefined;
  /** Fetches and runs the code now (when the page is idle), so a later first use does not wait. */
  preload(): Promise<void>;
}

export function lazyPart<P>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchOnce = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  return {
    useLoaded(wanted) {
      const [, bump] = useReducer((n: number) => n + 1, 0);
      useEffect(() => {
        if (!wanted || loaded) return;
        let live = true;
        fetchOnce().then(
          () => live && bump(),
          () => undefined,
        );
        return () => {
          live = false;
        };
      }, [wanted]);
      return loaded;
    },
    preload: () => fetchOnce().then(
      () => undefined,
      () => undefined,
    ),
  };
}
