import { AppFailure, type AppError } from '../../../shared/errors.js';

/**
 * One reading of file-system errors for the whole engine. A full disk must
 * say "the disk is full" (code `disk_full`) wherever it surfaces — a download,
 * a journal write, a settings save — so the person knows what to fix, and the
 * queue knows the job can finish once space is freed.
 */

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

export function diskFullError(where: 'output' | 'data' | 'unknown' = 'unknown', detail?: string): AppError {
  const place =
    where === 'output' ? ' (the output folder’s disk)' : where === 'data' ? ' (the disk of Keyframe’s data folder)' : '';
  return {
    code: 'disk_full',
    retryable: true,
    message: `The disk is full${place}: free some space; Keyframe continues by itself once there is room.`,
    ...(detail === undefined ? {} : { detail }),
  };
}

/** An AppFailure for a file-system error: `disk_full` when out of space, else `io` with `message`. */
export function fsFailure(err: unknown, message: string, where: 'output' | 'data' | 'unknown' = 'unknown'): AppFailure {
  if (err instanceof AppFailure) return err;
  const code = errnoCode(err);
  if (isDiskFull(err)) return new AppFailure(diskFullError(where, code));
  return new AppFailure({ code: 'io', retryable: false, message, ...(code === undefined ? {} : { detail: code }) });
}
