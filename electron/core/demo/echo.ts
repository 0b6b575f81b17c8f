import type { ServerResponse } from 'node:http';
import { sendBody } from './http-util.js';

/**
 * The 'echo-auth' faults: a gateway or proxy that puts what it received (the
 * Authorization header) back into its reply, so tests can prove the client
 * never lets it through.
 */

export function bearerToken(authorization: string | undefined): string {
  return /^Bearer\s+(.*)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
}

/** `value` with every `{auth}` and `{token}` in its strings filled in, however nested. */
export function fillEcho(value: unknown, authorization: string): unknown {
  if (typeof value === 'string') return value.split('{auth}').join(authorization).split('{token}').join(bearerToken(authorization));
  if (Array.isArray(value)) return value.map((v) => fillEcho(v, authorization));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillEcho(v, authorization)]));
}

export function sendEcho(
  res: ServerResponse,
  fault: { status: number; body: unknown; headers?: Record<string, string> },
  authorization: string,
): void {
  const headers = Object.fromEntries(Object.entries(fault.headers ?? {}).map(([k, v]) => [k, String(fillEcho(v, authorization))]));
  sendBody(res, fault.status, fillEcho(fault.body, authorization), headers);
}

/** The headers of an 'echo-auth-headers' fault, on a reply that is otherwise normal. */
export function echoHeaders(res: ServerResponse, requestId: string, authorization: string): void {
  res.setHeader('X-Oneapi-Request-Id', `${requestId}.${bearerToken(authorization)}`);
  res.setHeader('X-Echo-Authorization', authorization);
}
