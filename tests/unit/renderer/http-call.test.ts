import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpCall } from '../../../renderer/src/boot/http-call.js';
import { ApiError } from '../../../renderer/src/app-error.js';
import { LIBRARY_QUERY } from '../../../renderer/src/boot/first-library-query.js';
import { HTTP_CALL_CHANNELS } from '../../../shared/ipc/http-call.js';

/** The page's one call over HTTP: what it sends, and what it makes of each answer. */

afterEach(() => vi.unstubAllGlobals());

function answering(status: number, body: unknown) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('httpCall', () => {
  it('POSTs the call as JSON with the token in its header, and returns the value', async () => {
    const fetch = answering(200, { ok: true, value: { total: 3, items: [] } });
    await expect(httpCall('tok', 'library:query', { offset: 0 })).resolves.toEqual({ total: 3, items: [] });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/ipc/call');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', 'x-keyframe-token': 'tok' });
    // The host answers the page's first call this way.
    expect(HTTP_CALL_CHANNELS.has(LIBRARY_QUERY)).toBe(true);
    expect(JSON.parse(String(init.body))).toEqual({ channel: 'library:query', input: { offset: 0 } });
  });

  it("throws main's own error when main answered with one", async () => {
    answering(200, { ok: false, error: { code: 'corrupt_data', message: 'The library cache is damaged.' } });
    const err = await httpCall('tok', 'library:query', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('corrupt_data');
  });

  it('throws when the host refused the call, so the caller can ask over the socket instead', async () => {
    answering(404, 'Not found');
    await expect(httpCall('tok', 'library:query', {})).rejects.toThrow('library:query over HTTP: 404');
  });
});
