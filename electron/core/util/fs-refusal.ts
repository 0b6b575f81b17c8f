import { AppFailure } from '../../../shared/errors.js';
import { fsFailure } from './fs-errors.js';

/** Which disk is full: the output folder's, the data folder's, or not known. */
export type DiskPlace = NonNullable<Parameters<typeof fsFailure>[2]>;

/**
 * For an operation that did not happen because of a file-system error (a new
 * job, a pause, a settings save): read like `fsFailure`, but a full disk asks
 * the person to try again. Unlike a job waiting for space, nothing here
 * continues by itself, and saying so would leave the person waiting for it.
 */
export function fsRefusal(err: unknown, message: string, where: DiskPlace = 'unknown'): AppFailure {
  const failure = fsFailure(err, message, where);
  if (err instanceof AppFailure || failure.app.code !== 'disk_full') return failure;
  // diskFullError's first clause names the place ("The disk is full (the output folder’s disk)").
  const place = failure.app.message.split(':')[0] ?? 'The disk is full';
  return new AppFailure({ ...failure.app, message: `${place}: free some space, then try again.` });
}
