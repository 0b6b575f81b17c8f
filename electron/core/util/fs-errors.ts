import { appError, appFailure, errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import { AppFailure, type AppError } from '../../../shared/errors.js';

/**
 * One reading of file-system errors for the whole engine. A full disk must
 * say "the disk is full" (code `disk_full`) wherever it surfaces — a download,
 * a journal write, a settings save — so the person knows what to fix, and the
 * queue knows the job can finish once space is freed.
 */

/** Which disk is full: the output folder's, the data folder's, or not known. */
export type DiskPlace = 'output' | 'data' | 'unknown';

/** The errno code of a Node file-system error (`ENOSPC`, `ENOENT`, …), if any. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** Out of space (ENOSPC) or out of quota (EDQUOT): both are fixed by freeing space. */
export function isDiskFull(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

const WAITING = { output: 'disk_full.waiting.output', data: 'disk_full.waiting.data', unknown: 'disk_full.waiting' } as const;

/** A full disk a job waits on: it carries on by itself once there is room. */
export function diskFullError(where: DiskPlace = 'unknown', detail?: string): AppError {
  return appError('disk_full', errorMessage(WAITING[where]), { retryable: true, ...(detail === undefined ? {} : { detail }) });
}

/** An AppFailure for a file-system error: `disk_full` when out of space, else `io` with `message`. */
export function fsFailure(err: unknown, message: ErrorMessage, where: DiskPlace = 'unknown'): AppFailure {
  if (err instanceof AppFailure) return err;
  const code = errnoCode(err);
  if (isDiskFull(err)) return new AppFailure(diskFullError(where, code));
  return appFailure('io', message, { retryable: false, ...(code === undefined ? {} : { detail: code }) });
}
