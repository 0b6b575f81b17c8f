import { MEDIA_SCHEME } from './schemes.js';

/**
 * The production Content-Security-Policy, sent as a header on every response of
 * our protocols (a <meta> tag can be removed by an injected script; a header
 * cannot). No remote origin appears anywhere: the page talks to APIMart only
 * through main, so an XSS cannot exfiltrate anything with fetch, <img> or a form.
 * `'unsafe-inline'` for styles only: React's style props need it, scripts never.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${MEDIA_SCHEME}:`,
  `media-src 'self' blob: ${MEDIA_SCHEME}:`,
  // The viewer reads a clip's frame rate from its file (fetch with Range) before it steps frames.
  `connect-src 'self' ${MEDIA_SCHEME}:`,
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers every protocol response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};
