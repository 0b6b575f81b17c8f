import type { CustomScheme } from 'electron';
import type { MediaKind } from '../../shared/ipc/views.js';

/**
 * Our two custom schemes. The UI is served from `keyframe://app/…` (never
 * file://, which would give the page the whole disk as its origin) and media
 * from `keyframe-media://video|frame/<opaque id>`, a separate origin so a bug
 * in the page can never turn the app origin into a file server.
 */
export const APP_SCHEME = 'keyframe';
export const APP_HOST = 'app';
export const MEDIA_SCHEME = 'keyframe-media';
/** `new URL()` reports origin `null` for custom schemes under Node, so compare scheme + host instead. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const mediaUrl = (kind: MediaKind, id: string): string => `${MEDIA_SCHEME}://${kind}/${encodeURIComponent(id)}`;

/** True when `url` is a page of our own UI (`keyframe://app/...`). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Must be registered before `app.whenReady()` (Electron ignores later calls).
 * `standard` gives real origins and relative URL resolution, `secure` makes the
 * page a secure context, `stream` lets <video> play Range responses progressively.
 * Neither scheme bypasses CSP, and neither allows service workers.
 */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  // corsEnabled: the page may fetch a video frame into a canvas (frame grab) without tainting it.
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
];
