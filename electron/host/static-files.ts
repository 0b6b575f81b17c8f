import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, isAbsolute, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mimeFor } from '../services/mime.js';
import { resolveInside } from '../services/media-response.js';

/**
 * Serves the built renderer (Vite's output folder). Files only: no directory
 * listing, no dotfiles, nothing outside the folder (`..`, encoded `%2e%2e`,
 * absolute paths and symlinks pointing out are all refused).
 */


export type StaticResult = { status: 200; path: string; size: number; type: string } | { status: 400 | 404 | 405 };

/** Maps a request path to a file in `root`, or says why not. */
export async function locateStatic(root: string, method: string, pathname: string): Promise<StaticResult> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (rel.split('/').some((seg) => seg.startsWith('.'))) return { status: 404 };
  const full = resolveInside(root, rel);
  if (!full) return { status: 404 };
  try {
    const [realRoot, realFull] = await Promise.all([realpath(root), realpath(full)]);
    const r = relative(realRoot, realFull);
    if (r === '' || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) return { status: 404 };
    const st = await stat(realFull);
    if (!st.isFile()) return { status: 404 };
    return { status: 200, path: realFull, size: st.size, type: mimeFor(realFull) };
  } catch {
    return { status: 404 };
  }
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const found = await locateStatic(root, req.method ?? 'GET', pathname);
  if (found.status !== 200) {
    const text = { 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed' }[found.status];
    res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8', ...(found.status === 405 ? { Allow: 'GET, HEAD' } : {}) });
    res.end(text);
    return;
  }
  res.writeHead(200, {
    'Content-Type': found.type,
    'Content-Length': String(found.size),
    // Hashed assets could be cached forever, but a local app gains nothing from it and a stale index.html confuses.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(found.path), res).catch(() => undefined);
}
