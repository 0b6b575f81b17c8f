/**
 * Resolves when the page has nothing else to do (or after `timeoutMs` at the
 * latest). Work that may wait (a parser's code, views not on screen) goes
 * behind it, so it never delays the first paint of what the person asked for.
 */
export function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Not every browser the host may be opened in has idle callbacks.
    const idle = window.requestIdleCallback as typeof window.requestIdleCallback | undefined;
    if (idle) idle(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, Math.min(timeoutMs, 200));
  });
}
