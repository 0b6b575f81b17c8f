import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLibraryStore } from '../../../renderer/src/features/library/library-store.js';
import { firstLibraryPageIn } from '../../../renderer/src/features/library/first-page-in.js';

/**
 * The first render's short wait for the library's first page: over as soon as
 * the page (or its failure) is in the store, and never longer than its bound.
 */

vi.mock('../../../renderer/src/api', () => ({ api: {} }));

const initial = useLibraryStore.getState();
beforeEach(() => {
  vi.useFakeTimers();
  useLibraryStore.setState(initial, true);
});
afterEach(() => vi.useRealTimers());

/** Whether the wait is over, after letting its promise callbacks run. */
async function over(wait: Promise<void>): Promise<boolean> {
  let done = false;
  void wait.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('firstLibraryPageIn', () => {
  it('is over at once when the page is already in', async () => {
    useLibraryStore.setState({ total: 3 });
    expect(await over(firstLibraryPageIn(40))).toBe(true);
  });

  it('ends the moment the page arrives, not at its bound', async () => {
    const wait = firstLibraryPageIn(40);
    expect(await over(wait)).toBe(false);
    vi.advanceTimersByTime(5);
    // Another change in the store is not the page.
    useLibraryStore.setState({ shownText: 'x' });
    expect(await over(wait)).toBe(false);
    useLibraryStore.setState({ total: 0 });
    expect(await over(wait)).toBe(true);
  });

  it('ends when loading the page failed: the page renders with the error', async () => {
    const wait = firstLibraryPageIn(40);
    useLibraryStore.setState({ error: { code: 'unavailable', message: 'Lost the connection.' } });
    expect(await over(wait)).toBe(true);
  });

  it('never waits past its bound, and lets go of the store then', async () => {
    const before = useLibraryStore.getState();
    const wait = firstLibraryPageIn(40);
    vi.advanceTimersByTime(39);
    expect(await over(wait)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await over(wait)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(useLibraryStore.getState()).toBe(before);
  });
});
