import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the browser host. It listens on 127.0.0.1, but every local
 * process and every web page the person visits can reach 127.0.0.1 too, so
 * loopback alone proves nothing:
 * - a random per-run token guards the IPC socket (the page learns it from the
 *   URL fragment, which browsers never send to a server or put in a Referer);
 * - the Origin must be the host's own, so another site's page cannot open the
 *   socket even if it guessed the port (WebSockets are exempt from CORS);
 * - the Host header must name 127.0.0.1:<port>, which defeats DNS rebinding
 *   (evil.example resolving to 127.0.0.1 still sends Host: evil.example).
 */

export const PROTOCOL = 'keyframe.ipc';
/** Second subprotocol offered by the page; carries the token (base64url is valid in a protocol token). */
export const AUTH_PROTOCOL_PREFIX = 'keyframe.auth.';

export const newToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison that also hides the expected token's length. */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 256) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The token among the offered subprotocols (`Sec-WebSocket-Protocol: keyframe.ipc, keyframe.auth.<token>`). */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const p of header.split(',')) {
    const v = p.trim();
    if (v.startsWith(AUTH_PROTOCOL_PREFIX)) return v.slice(AUTH_PROTOCOL_PREFIX.length);
  }
  return undefined;
}

export type HostCheck = 'ok' | 'redirect' | 'refuse';

/** 127.0.0.1:<port> is ours; localhost:<port> is sent there (one origin, one CSP); anything else is refused. */
export function checkHost(host: string | undefined, port: number): HostCheck {
  if (host === `127.0.0.1:${port}`) return 'ok';
  if (host === `localhost:${port}`) return 'redirect';
  return 'refuse';
}
