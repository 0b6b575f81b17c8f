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

function progressText(done: number, total: number | undefined): string {
  return total === undefined ? formatBytes(done) : `${formatBytes(done)} of ${formatBytes(total)}`;
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
    return new AppFailure({
      code: 'link_expired',
      message: 'The download link for this video has expired or is no longer valid.',
      detail: `The video host answered HTTP ${status}.`,
      retryable: false,
      httpStatus: status,
    });
  }
  if (status === 429 || status >= 500) {
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), nowMs) : undefined;
    return new AppFailure({
      code: 'download_failed',
      message: 'The video host is busy or having trouble; the download will be retried.',
      detail: `The video host answered HTTP ${status}.`,
      retryable: true,
      httpStatus: status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return new AppFailure({
    code: 'download_failed',
    message: `The video host refused the download (HTTP ${status}).`,
    retryable: false,
    httpStatus: status,
  });
}

/** The connection failed or ended before every byte arrived; the .part is kept for a Range resume. */
export function interruptedFailure(done: number, total: number | undefined, cause?: unknown): AppFailure {
  const before = done === 0;
  return new AppFailure({
    code: before ? 'network' : 'download_failed',
    message: before
      ? 'Could not reach the video host; the download will be retried.'
      : `The download stopped after ${progressText(done, total)}; it will resume.`,
    ...(cause === undefined ? {} : { detail: describeCause(cause) }),
    retryable: true,
  });
}

export function stalledFailure(stallMs: number, done: number, total: number | undefined): AppFailure {
  return new AppFailure({
    code: 'download_failed',
    message:
      done === 0
        ? `The video host did not respond for ${Math.round(stallMs / 1000)} s; the download will be retried.`
        : `The download stalled: no data arrived for ${Math.round(stallMs / 1000)} s after ${progressText(done, total)}; it will resume.`,
    retryable: true,
  });
}

export function oversizeFailure(done: number, total: number): AppFailure {
  return new AppFailure({
    code: 'download_failed',
    message: `The video host sent more data than announced (${progressText(done, total)}); the download will start over.`,
    retryable: true,
  });
}

export function cancelledFailure(): AppFailure {
  return new AppFailure({ code: 'cancelled', message: 'The download was cancelled.', retryable: false });
}

export function destExistsFailure(fileName: string): AppFailure {
  return new AppFailure({
    code: 'io',
    message: `A file named "${fileName}" already exists in the output folder; Keyframe never overwrites files.`,
    retryable: false,
  });
}

/** A full disk is retryable: the .part is kept and the download resumes with Range once there is room. */
export function writeFailure(cause: unknown): AppFailure {
  if (isDiskFull(cause)) return new AppFailure(diskFullError('output', describeCause(cause)));
  return new AppFailure({
    code: 'io',
    message: 'Could not write the video to the output folder.',
    detail: describeCause(cause),
    retryable: false,
  });
}

/**
 * The finished part read back from disk is not what was received: bytes went
 * missing or changed on the way to the disk. It is discarded, never renamed;
 * the next attempt downloads it again.
 */
export function partMismatchFailure(detail: string): AppFailure {
  return new AppFailure({
    code: 'download_failed',
    message: 'The saved video did not match the downloaded data, so it was discarded; it will download again.',
    detail,
    retryable: true,
  });
}

export function invalidFileFailure(detail: string): AppFailure {
  return new AppFailure({
    code: 'invalid_file',
    message: 'The downloaded file is not a valid MP4 video, so it was discarded.',
    detail,
    retryable: false,
  });
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
