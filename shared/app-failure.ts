import type { AppError } from './errors.js';

/**
 * The parts of the error shape (errors.ts) that need no schema: its codes, its
 * bounds, clipping to them and the AppFailure class. The page words an error
 * (error-text.ts) and main's catalog makes one (error-messages.ts) from the
 * first paint on, and zod must not load for that; errors.ts builds the schemas
 * from these and re-exports them.
 */

export const APP_ERROR_CODES = [
  'invalid_request',
  'auth',
  'payment_required',
  'permission',
  'not_found',
  'idempotency_in_progress',
  'idempotency_conflict',
  'idempotency_indeterminate',
  'too_large',
  'unsupported_media',
  'rate_limited',
  'server_error',
  'unavailable',
  'network',
  'timeout',
  'bad_response',
  'content_policy',
  'generation_failed',
  'cancelled',
  'link_expired',
  'download_failed',
  'invalid_file',
  'missing_key',
  'io',
  /** No space left on the disk of the output or the data folder (ENOSPC, EDQUOT). */
  'disk_full',
  /** The host refused a request because too many were already in flight from this client. */
  'busy',
  /** The same request was queued moments ago; it is queued again only when the person confirms. */
  'duplicate_submit',
  'corrupt_data',
  'internal',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(APP_ERROR_CODES);

/** Whether `code` is one of the codes above (an older or newer main may send one this page does not know). */
export function isAppErrorCode(code: unknown): code is AppErrorCode {
  return typeof code === 'string' && CODES.has(code);
}

/**
 * Errors are journaled with their job and read back at every start, and their
 * texts often quote a provider's words: bounded, and clipped to these bounds
 * where they are made (AppFailure) and journaled (clipAppError).
 */
export const ERROR_MESSAGE_MAX = 2000;
export const ERROR_DETAIL_MAX = 8000;
export const ERROR_ID_MAX = 256;

/** `s` cut to at most `max` UTF-16 units, ending in `…` when cut, never splitting a surrogate pair. */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

/** The same error with every text within AppErrorSchema's bounds (the same object when it already is). */
export function clipAppError(e: AppError): AppError {
  const fits =
    e.message.length <= ERROR_MESSAGE_MAX &&
    (e.detail?.length ?? 0) <= ERROR_DETAIL_MAX &&
    (e.requestId?.length ?? 0) <= ERROR_ID_MAX &&
    (e.field?.length ?? 0) <= ERROR_ID_MAX;
  if (fits) return e;
  return {
    ...e,
    message: clipText(e.message, ERROR_MESSAGE_MAX),
    ...(e.detail === undefined ? {} : { detail: clipText(e.detail, ERROR_DETAIL_MAX) }),
    ...(e.requestId === undefined ? {} : { requestId: clipText(e.requestId, ERROR_ID_MAX) }),
    ...(e.field === undefined ? {} : { field: clipText(e.field, ERROR_ID_MAX) }),
  };
}

/** An Error subclass carrying an AppError, for code paths that throw. */
export class AppFailure extends Error {
  readonly app: AppError;
  constructor(app: AppError) {
    const clipped = clipAppError(app);
    super(clipped.message);
    this.name = 'AppFailure';
    this.app = clipped;
  }
}

export function isAppFailure(err: unknown): err is AppFailure {
  return err instanceof AppFailure;
}
