import { createReadStream } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseRange } from '../core/util/range-request.js';
import type { MediaFile } from './types.js';

/**
 * How a local video or frame image is answered, shared by Electron's media
 * protocol handler and the browser host's `/media/...` route. Pure Node (no
 * Electron): the caller turns the plan into a protocol Response or an HTTP
 * reply. `<video>` seeks with Range requests, so Range support is real:
 * a player that gets 200 for every seek re-downloads the whole file.
 */

export interface MediaRequest {
  method: string;
  /** The raw `Range` header, if any. */
  range?: string;
}

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  /** Absent for HEAD, 416 and refused methods. */
  body?: NodeJS.ReadableStream;
}

const BASE_HEADERS = {
  'Accept-Ranges': 'bytes',
  // The page must never see a stale file after a trash or a re-download under the same id.
  'Cache-Control': 'no-store',
  // A file named .mp4 that holds HTML must not be sniffed into a page.
  'X-Content-Type-Options': 'nosniff',
} as const;

export function mediaResponse(file: MediaFile, req: MediaRequest): MediaResponse {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { ...BASE_HEADERS, Allow: 'GET, HEAD', 'Content-Length': '0' } };
  }
  const size = file.size;
  // Bad syntax and multi-range both read as "full" (RFC 9110 §14.2 lets a server ignore Range).
  const range = parseRange(req.range, size);
  if (range.kind === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...BASE_HEADERS, 'Content-Range': `bytes */${size}`, 'Content-Length': '0', 'Content-Type': file.mime },
    };
  }
  const [status, start, end] = range.kind === 'partial' ? [206, range.start, range.end] : [200, 0, size - 1];
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'Content-Type': file.mime,
    'Content-Length': String(Math.max(0, end - start + 1)),
  };
  if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  if (method === 'HEAD' || end < start) return { status, headers };
  return { status, headers, body: createReadStream(file.path, { start, end }) };
}

/**
 * `candidate` resolved inside `root`, or undefined when it would land outside
 * it (`..` segments, an absolute path elsewhere, a NUL byte). Lexical only:
 * callers serving folders that may hold symlinks should realpath both sides.
 */
export function resolveInside(root: string, candidate: string): string | undefined {
  if (candidate.includes('\0')) return undefined;
  const base = resolve(root);
  const full = resolve(base, candidate);
  const rel = relative(base, full);
  if (rel === '') return full;
  // `..` alone or as the first segment, or another drive on Windows (relative() returns an absolute path).
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return full;
}
