import { appFailure, errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { diskFullError, errnoCode, isDiskFull } from '../util/fs-errors.js';

export { errnoCode } from '../util/fs-errors.js';

/**
 * Turns the ways a result download can go wrong into AppFailures a person can
 * read. Messages never contain the URL: result links are signed and the query
 * string is as good as a password for the file.
 */

/** "8.4 MB" — decimal units, as file managers on macOS and most Linux desktops show them. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function failureForStatus(status: number, headers: Headers, nowMs: number): AppFailure {
  if (status === 403 || status === 404 || status === 410) {
    // The CDN answers 403 once a result link has passed expires_at; the caller
    // re-queries the task for a fresh link rather than retrying this one.
    return appFailure('link_expired', errorMessage('download.link_expired'), {
      detail: `The video host answered HTTP ${status}.`,
      retryable: false,
      httpStatus: status,
    });
  }
  if (status === 429 || status >= 500) {
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), nowMs) : undefined;
    return appFailure('download_failed', errorMessage('download.host_busy'), {
      detail: `The video host answered HTTP ${status}.`,
      retryable: true,
      httpStatus: status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return appFailure('download_failed', errorMessage('download.refused', { status }), { retryable: false, httpStatus: status });
}

/** "stopped after 8.4 MB", or "after 8.4 MB of 20.1 MB" when the total is known. */
function interruptedText(done: number, total: number | undefined): ErrorMessage {
  return total === undefined
    ? errorMessage('download.interrupted', { done: formatBytes(done) })
    : errorMessage('download.interrupted.of', { done: formatBytes(done), total: formatBytes(total) });
}

function stalledText(seconds: number, done: number, total: number | undefined): ErrorMessage {
  return total === undefined
    ? errorMessage('download.stalled', { seconds, done: formatBytes(done) })
    : errorMessage('download.stalled.of', { seconds, done: formatBytes(done), total: formatBytes(total) });
}

/** The connection failed or ended before every byte arrived; the .part is kept for a Range resume. */
export function interruptedFailure(done: number, total: number | undefined, cause?: unknown): AppFailure {
  const before = done === 0;
  const text = before ? errorMessage('download.unreachable') : interruptedText(done, total);
  return appFailure(before ? 'network' : 'download_failed', text, {
    ...(cause === undefined ? {} : { detail: describeCause(cause) }),
    retryable: true,
  });
}

export function stalledFailure(stallMs: number, done: number, total: number | undefined): AppFailure {
  const seconds = Math.round(stallMs / 1000);
  const text = done === 0 ? errorMessage('download.no_response', { seconds }) : stalledText(seconds, done, total);
  return appFailure('download_failed', text, { retryable: true });
}

export function oversizeFailure(done: number, total: number): AppFailure {
  return appFailure('download_failed', errorMessage('download.oversize', { done: formatBytes(done), total: formatBytes(total) }), { retryable: true });
}

export function cancelledFailure(): AppFailure {
  return appFailure('cancelled', errorMessage('download.cancelled'), { retryable: false });
}

export function destExistsFailure(fileName: string): AppFailure {
  return appFailure('io', errorMessage('download.file_exists', { name: fileName }), { retryable: false });
}

/** A full disk is retryable: the .part is kept and the download resumes with Range once there is room. */
export function writeFailure(cause: unknown): AppFailure {
  if (isDiskFull(cause)) return new AppFailure(diskFullError('output', describeCause(cause)));
  return appFailure('io', errorMessage('download.write_failed'), { detail: describeCause(cause), retryable: false });
}

/**
 * The finished part read back from disk is not what was received: bytes went
 * missing or changed on the way to the disk. It is discarded, never renamed;
 * the next attempt downloads it again.
 */
export function partMismatchFailure(detail: string): AppFailure {
  return appFailure('download_failed', errorMessage('download.mismatch'), { detail, retryable: true });
}

export function invalidFileFailure(detail: string): AppFailure {
  return appFailure('invalid_file', errorMessage('download.not_mp4'), { detail, retryable: false });
}

/** undici hides the useful part (ECONNRESET, "other side closed") in `cause`. */
function describeCause(err: unknown): string {
  const parts: string[] = [];
  let cur: unknown = err;
  for (let depth = 0; depth < 3 && cur instanceof Error; depth += 1) {
    const code = errnoCode(cur);
    parts.push(code ? `${cur.message} (${code})` : cur.message);
    cur = cur.cause;
  }
  return parts.length > 0 ? parts.join(': ') : String(err);
}
