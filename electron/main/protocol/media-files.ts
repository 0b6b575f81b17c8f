import { Readable } from 'node:stream';
import { MEDIA_KINDS, type MediaKind } from '../../../shared/ipc/views.js';
import { mediaResponse } from '../../services/media-response.js';
import type { AppServices } from '../../services/types.js';
import { SECURITY_HEADERS } from '../csp.js';
import { APP_ORIGIN, MEDIA_SCHEME } from '../schemes.js';
import type { ProtocolHandler } from './app-files.js';

/**
 * `keyframe-media://video/<id>` and `keyframe-media://frame/<id>`: a library
 * video or an imported frame, addressed ONLY by opaque id. The id is checked
 * against the contract's id alphabet, the services map it to a file they
 * already know (never a path from the page), and the shared responder answers
 * Range requests (206/416/HEAD) so <video> can seek without re-downloading.
 */

const ID = /^[A-Za-z0-9_-]{1,120}$/;
const KINDS = new Set<string>(MEDIA_KINDS);

const plain = (status: number, body: string | null): Response =>
  new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

const asReadable = (s: NodeJS.ReadableStream): Readable => (s instanceof Readable ? s : Readable.from(s));

export function createMediaHandler(resolveMedia: AppServices['resolveMedia']): ProtocolHandler {
  return async (request) => {
    const url = new URL(request.url);
    const id = url.pathname.slice(1);
    if (url.protocol !== `${MEDIA_SCHEME}:` || !KINDS.has(url.host) || !ID.test(id) || url.search !== '') return plain(404, 'Not found');
    const kind = url.host as MediaKind;
    const file = await resolveMedia(kind, id).catch(() => undefined);
    if (!file) return plain(404, 'Not found');
    const range = request.headers.get('range') ?? undefined;
    const res = mediaResponse(file, { method: request.method, ...(range !== undefined ? { range } : {}) });
    const headers = {
      ...res.headers,
      ...SECURITY_HEADERS,
      // Only our own page may read the bytes (canvas frame grabs); no other origin.
      'Access-Control-Allow-Origin': APP_ORIGIN,
      // The viewer's file reader (fetch with Range) needs the size and the range it got, which CORS hides otherwise.
      'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges',
      Vary: 'Origin',
    };
    // toWeb: when <video> aborts a request, cancelling the web stream destroys the file stream (no fd leak).
    const body = res.body ? (Readable.toWeb(asReadable(res.body)) as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: res.status, headers });
  };
}
