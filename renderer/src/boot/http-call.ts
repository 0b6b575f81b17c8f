import type { Reply } from '../../../shared/ipc/channels.js';
import { HTTP_CALL_PATH, TOKEN_HEADER } from '../../../shared/ipc/http-call.js';
import { ApiError } from '../app-error';

/**
 * One read-only call to the browser host over plain HTTP (electron/host/http-call.ts):
 * its reply reaches a page that is still loading as its own files do, where the
 * socket's first reply waits on the page's main thread twice.
 */
export async function httpCall(token: string, channel: string, input: unknown): Promise<unknown> {
  const res = await fetch(HTTP_CALL_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify({ channel, input }),
  });
  if (!res.ok) throw new Error(`${channel} over HTTP: ${res.status}`);
  const reply = (await res.json()) as Reply<unknown>;
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error);
}
