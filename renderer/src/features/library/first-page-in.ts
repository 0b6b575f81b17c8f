import { useLibraryStore } from './library-store';

/**
 * Resolves once the library store holds its first page (or has failed to get
 * it), or after `maxMs`, whichever is first. The page asks for that page in
 * its boot module; waiting for it before the first render means the Library's
 * first render already holds its grid, instead of drawing an empty grid and
 * then drawing it again.
 */
export function firstLibraryPageIn(maxMs: number): Promise<void> {
  const settled = (): boolean => {
    const { total, error } = useLibraryStore.getState();
    return total !== undefined || error !== undefined;
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = useLibraryStore.subscribe(() => {
      if (settled()) finish();
    });
    const timer = setTimeout(finish, maxMs);
  });
}
