import type { HttpGet, HttpGetInit, HttpGetResponse } from '../ports.js';

/**
 * Follows a result link through the redirects a CDN may answer with. Every
 * hop gets the same headers the first did (Range, Accept-Encoding) and never
 * more: no credential travels, whichever host a Location names.
 */

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** A loop between two hosts would otherwise never end. */
export const MAX_REDIRECTS = 5;

export async function getFollowingRedirects(get: HttpGet, url: string, init: HttpGetInit): Promise<HttpGetResponse> {
  let current = url;
  for (let hops = 0; ; hops += 1) {
    const res = await get(current, init);
    const location = REDIRECT_STATUSES.has(res.statusCode ?? 0) ? firstValue(res.headers.location) : undefined;
    // A redirect without a Location is the answer itself (the caller refuses its status).
    if (location === undefined) return res;
    res.destroy();
    if (hops >= MAX_REDIRECTS) throw new Error(`The video host redirected more than ${MAX_REDIRECTS} times.`);
    current = nextUrl(current, location);
  }
}

/** Resolves a Location against the link it answered; only http(s) may follow (no file:, no data:). */
function nextUrl(from: string, location: string): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    // The Location is not quoted: it is as secret as the signed link.
    throw new Error('The video host redirected to an address that is not a valid URL.');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new Error(`The video host redirected to an unsupported ${next.protocol} address.`);
  }
  return next.href;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}
