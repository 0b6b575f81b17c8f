import { hashWithoutToken } from './selection/route';

/** The token from `#token=…`, kept for this tab only (a reload must still work once the address is cleaned: the route stays in the hash, the token in sessionStorage). */
export function takeToken(): string | undefined {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]{20,200})(?:&|$)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem('keyframe.token', m[1]);
    // Out of the address bar: it must not end up in a screenshot, a bookmark or a shared link.
    // A route beside it (`#/library?v=…&token=…`) stays.
    history.replaceState(null, '', window.location.pathname + window.location.search + hashWithoutToken(window.location.hash));
    return m[1];
  }
  return sessionStorage.getItem('keyframe.token') ?? undefined;
}
