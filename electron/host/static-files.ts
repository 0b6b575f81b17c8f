import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, isAbsolute, sep } from 'node:path';
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

interface HeldFile {
  body: Buffer;
  type: string;
}

/** Past this the build is not held in memory (it is a few MB; anything bigger is not a renderer build). */
const MAX_HELD_BYTES = 64 * 1024 * 1024;

/**
 * The build's files as they are when the host starts, by request path
 * (`/index.html`, `/assets/…`). The page's first paint waits on them, and
 * read from disk per request they queue in libuv's four-thread pool behind
 * whatever else reads files (posters, media, a library scan); from memory
 * they never wait. Regular files only, dotfiles and symlinks left out (they
 * are still served from disk with every check of `locateStatic`).
 */
export async function holdStaticFiles(root: string): Promise<Map<string, HeldFile>> {
  const held = new Map<string, HeldFile>();
  let total = 0;
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const body = await readFile(path);
        total += body.length;
        if (total > MAX_HELD_BYTES) throw new Error(`${root} holds more than ${MAX_HELD_BYTES} bytes: not a renderer build`);
        held.set(`/${prefix}${entry.name}`, { body, type: mimeFor(path) });
      }
    }
  };
  try {
    await walk(root, '');
  } catch {
    // Unreadable or too big: everything is served from disk, as before.
    return new Map();
  }
  return held;
}

/** The held file a request names, if the build had it at start. */
function heldFor(held: ReadonlyMap<string, HeldFile>, pathname: string): HeldFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  return held.get(decoded === '/' ? '/index.html' : decoded);
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string, held: ReadonlyMap<string, HeldFile> = new Map()): Promise<void> {
  const method = req.method ?? 'GET';
  const hit = method === 'GET' || method === 'HEAD' ? heldFor(held, pathname) : undefined;
  if (hit) {
    res.writeHead(200, { 'Content-Type': hit.type, 'Content-Length': String(hit.body.length), 'Cache-Control': 'no-cache' });
    res.end(method === 'HEAD' ? undefined : hit.body);
    return;
  }
  const found = await locateStatic(root, method, pathname);
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
