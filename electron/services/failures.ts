import { AppFailure, isAppFailure } from '../../shared/errors.js';

/** The errors the services raise themselves, worded for a person. */

export function missingKey(): AppFailure {
  return new AppFailure({
    code: 'missing_key',
    retryable: false,
    message: 'No APIMart API key is set. Add your key in Settings, or turn on the demo provider to try Keyframe without one.',
  });
}

export function notFound(what: 'video' | 'job' | 'frame', field?: string): AppFailure {
  const message = {
    video: 'That video is no longer in the library.',
    job: 'That job no longer exists.',
    frame: 'That image is no longer available; add it again.',
  }[what];
  return new AppFailure({ code: 'not_found', retryable: false, message, ...(field ? { field } : {}) });
}

export function invalid(field: string, message: string): AppFailure {
  return new AppFailure({ code: 'invalid_request', retryable: false, message, field });
}

/** Gives an AppFailure a field (UI points at it); wraps anything else as an io failure with `message`. */
export function withField(err: unknown, field: string, message: string): AppFailure {
  if (isAppFailure(err)) return new AppFailure({ ...err.app, field });
  return new AppFailure({ code: 'io', retryable: false, message, field, detail: (err as NodeJS.ErrnoException | undefined)?.code });
}
