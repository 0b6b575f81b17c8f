import { errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { fsFailure, type DiskPlace } from './fs-errors.js';

export type { DiskPlace } from './fs-errors.js';

const RETRY = { output: 'disk_full.retry.output', data: 'disk_full.retry.data', unknown: 'disk_full.retry' } as const;

/**
 * For an operation that did not happen because of a file-system error (a new
 * job, a pause, a settings save): read like `fsFailure`, but a full disk asks
 * the person to try again. Unlike a job waiting for space, nothing here
 * continues by itself, and saying so would leave the person waiting for it.
 */
export function fsRefusal(err: unknown, message: ErrorMessage, where: DiskPlace = 'unknown'): AppFailure {
  const failure = fsFailure(err, message, where);
  if (err instanceof AppFailure || failure.app.code !== 'disk_full') return failure;
  const retry = errorMessage(RETRY[where]);
  return new AppFailure({ ...failure.app, key: retry.key, message: retry.message });
}
