import { appFailure, errorMessage, type ErrorMessage } from '../../shared/error-messages.js';
import { AppFailure, isAppFailure } from '../../shared/errors.js';

/** The errors the services raise themselves, worded for a person (shared/error-messages.ts). */

export function missingKey(): AppFailure {
  return appFailure('missing_key', errorMessage('key.missing'), { retryable: false });
}

/** The same job was queued `sinceMs` ago: the page asks before sending it again with `confirmDuplicate`. */
export function duplicateSubmit(sinceMs: number): AppFailure {
  const seconds = Math.max(1, Math.round(sinceMs / 1000));
  return appFailure('duplicate_submit', errorMessage('job.duplicate_submit', { seconds }), { retryable: false });
}

const GONE = { video: 'library.video_gone', job: 'job.gone', frame: 'image.gone' } as const;

export function notFound(what: keyof typeof GONE, field?: string): AppFailure {
  return appFailure('not_found', errorMessage(GONE[what]), { retryable: false, ...(field ? { field } : {}) });
}

export function invalid(field: string, message: ErrorMessage): AppFailure {
  return appFailure('invalid_request', message, { retryable: false, field });
}

/** Gives an AppFailure a field (UI points at it); wraps anything else as an io failure with `message`. */
export function withField(err: unknown, field: string, message: ErrorMessage): AppFailure {
  if (isAppFailure(err)) return new AppFailure({ ...err.app, field });
  return appFailure('io', message, { retryable: false, field, detail: (err as NodeJS.ErrnoException | undefined)?.code });
}
