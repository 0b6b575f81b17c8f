import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Logger } from '../core/ports.js';
import { mediaResponse } from '../services/media-response.js';
import type { AppServices } from '../services/types.js';
import { tokenMatches } from './auth.js';
import { MEDIA_KINDS, type MediaKind } from '../../shared/ipc/views.js';

/**
 * `/media/video/<id>` and `/media/frame/<id>`: the browser host's counterpart
 * of Electron's media protocol. `<video src>` cannot send headers, so the
 * token travels as `?t=`. The URLs the services hand to the page carry a
 * separate read-only media token, not the IPC token: a copied video address
 * (right click → copy) then opens videos, never the control socket.
 * `?download=1` answers the same bytes as an attachment named after the
 * file, so a link with `download` saves it under its own name.
 */

const MEDIA_PATH = new RegExp(`^/media/(${MEDIA_KINDS.join('|')})/([A-Za-z0-9_-]{1,128})$`);

export const mediaPath = (kind: MediaKind, id: string, mediaToken: string): string =>
  `/media/${kind}/${encodeURIComponent(id)}?t=${mediaToken}`;

export function isMediaPath(pathname: string): boolean {
  return pathname.startsWith('/media/');
}

export interface MediaRouteDeps {
  services: AppServices;
  /** Tokens that may read media: the media token and the IPC token. */
  tokens: readonly string[];
  logger: Logger;
}

export async function serveMedia(deps: MediaRouteDeps, req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): Promise<void> {
  const given = query.get('t');
  if (!given) return plain(res, 401, 'A token is required.');
  if (!deps.tokens.some((t) => tokenMatches(t, given))) return plain(res, 403, 'Wrong token.');
  const m = MEDIA_PATH.exec(pathname);
  if (!m) return plain(res, 404, 'Not found');
  const kind = m[1] as MediaKind;
  const id = m[2] as string;
  let file;
  try {
    file = await deps.services.resolveMedia(kind, id);
  } catch (err) {
    deps.logger.log('warn', 'Media lookup failed', { kind, id, err });
    return plain(res, 500, 'Media lookup failed.');
  }
  if (!file) return plain(res, 404, 'Not found');
  const range = req.headers.range;
  const out = mediaResponse(file, { method: req.method ?? 'GET', ...(range ? { range } : {}) });
  const headers = query.get('download') === '1' ? { ...out.headers, 'Content-Disposition': attachment(basename(file.path)) } : out.headers;
  res.writeHead(out.status, headers);
  if (!out.body) {
    res.end();
    return;
  }
  // A seek aborts the previous request mid-body: that is normal, not an error worth a log line.
  await pipeline(out.body as Readable, res).catch(() => undefined);
}

/**
 * `attachment` with the file's name: a plain-ASCII `filename` for old clients (quotes, backslashes
 * and anything outside printable ASCII replaced, so no name can break out of the header) and the
 * exact name as RFC 8187 `filename*`.
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
