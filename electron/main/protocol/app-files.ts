import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../csp.js';
import { APP_HOST, APP_SCHEME } from '../schemes.js';
import { mimeFor } from '../../services/mime.js';

/**
 * `keyframe://app/<path>` → a file under renderer/dist, and nothing else.
 * Every path is confined to the root: `..`, encoded slashes, backslashes,
 * drive letters, NUL bytes and absolute paths are refused before the disk is
 * touched, and the resolved path is checked again against the root.
 */

export type ProtocolHandler = (request: Request) => Promise<Response>;

const text = (status: number, body: string): Response =>
  new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** The file path for a URL pathname, or undefined when it would leave `root`. Exported for tests. */
export function confinedPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined; // malformed %-escape
  }
  const rel = decoded.replace(/^\/+/, '');
  if (rel === '') return join(root, 'index.html');
  // Check the decoded text: `%2e%2e%2f` survives URL normalisation as a literal segment.
  if (decoded.startsWith('//') || rel.includes('\0') || rel.includes('\\') || /^[A-Za-z]:/.test(rel) || isAbsolute(rel)) return undefined;
  const segments = rel.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return undefined;
  const full = resolve(root, ...segments);
  const back = relative(root, full);
  if (back === '' || back.startsWith(`..${sep}`) || back === '..' || isAbsolute(back)) return undefined;
  return full;
}

export function createAppFileHandler(rootDir: string): ProtocolHandler {
  const root = resolve(rootDir);
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
    const file = confinedPath(root, url.pathname);
    if (!file) return text(403, 'Forbidden');
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return text(404, 'Not found');
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeFor(file), 'Content-Length': String(data.length), 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers });
  };
}
