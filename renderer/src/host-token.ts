import { hashWithoutToken } from './selection/route';

const KEY = 'keyframe.token';

/**
 * The token from `#token=…`, kept for this tab only (a reload must still work once the address is cleaned: the route stays in the hash, the token in sessionStorage).
 * The first write to sessionStorage is a synchronous round trip to the browser process, which a busy machine turns into tens of
 * milliseconds before the first paint; the token is in hand, so keeping it waits for the page to be idle, or for the page to be left
 * (a reload), whichever comes first.
 */
export function takeToken(): string | undefined {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]{20,200})(?:&|$)/.exec(window.location.hash);
  if (m?.[1]) {
    keepForReload(m[1]);
    // Out of the address bar: it must not end up in a screenshot, a bookmark or a shared link.
    // A route beside it (`#/library?v=…&token=…`) stays.
    history.replaceState(null, '', window.location.pathname + window.location.search + hashWithoutToken(window.location.hash));
    return m[1];
  }
  return storedToken();
}

let pending: string | undefined;

/** The token of this tab: the one taken from the address (kept or about to be), else the one a reload left. */
export function storedToken(): string | undefined {
  return pending ?? sessionStorage.getItem(KEY) ?? undefined;
}

function keepForReload(token: string): void {
  pending = token;
  let kept = false;
  const keep = (): void => {
    if (kept) return;
    kept = true;
    sessionStorage.setItem(KEY, token);
    window.removeEventListener('pagehide', keep);
  };
  window.addEventListener('pagehide', keep);
  const idle = window.requestIdleCallback as typeof window.requestIdleCallback | undefined;
  if (idle) idle(keep, { timeout: 2000 });
  else setTimeout(keep, 500);
}
