import { z } from 'zod';

/**
 * The one serialisable error shape that crosses process boundaries (IPC,
 * WebSocket, CLI --json, the job journal). No stack traces, no local paths the
 * page need not see. `key` and `params` name the message in the catalog
 * (shared/error-messages.ts), so the page can say it in the person's language;
 * `message` is the same message in English, for the log, the CLI and any
 * reader that knows no key. `detail` holds the provider's raw words for a
 * "details" expander.
 */
export const AppErrorCodeSchema = z.enum([
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
]);
export type AppErrorCode = z.infer<typeof AppErrorCodeSchema>;

/**
 * Errors are journaled with their job and read back at every start, and their
 * texts often quote a provider's words: bounded, and clipped to these bounds
 * where they are made (AppFailure) and journaled (clipAppError).
 */
export const ERROR_MESSAGE_MAX = 2000;
export const ERROR_DETAIL_MAX = 8000;
export const ERROR_ID_MAX = 256;

const text = (label: string, max: number) => z.string().max(max, `${label} is too long (${max} characters at most).`);

/**
 * A message's params. Bounded: they are journaled and sent to the page, and a
 * provider's message travels in one. Values are cut before they get here
 * (PARAM_MAX_CHARS in error-messages.ts), so a bound never makes a journal unreadable.
 */
export const ErrorParamsSchema = z
  .record(z.string().max(40), z.union([z.string().max(1000), z.number()]))
  .refine((p) => Object.keys(p).length <= 12, 'At most 12 message params.');
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/** A catalog key: a plain bounded string, so a journal written with a key a later version dropped still loads. */
export const ErrorKeySchema = z.string().min(1).max(100);

export const AppErrorSchema = z.object({
  code: AppErrorCodeSchema,
  message: text('Error message', ERROR_MESSAGE_MAX),
  /** The catalog key of `message` (absent in records written before keys existed). */
  key: ErrorKeySchema.optional(),
  params: ErrorParamsSchema.optional(),
  /** A second sentence after the message (e.g. how many uploads failed), already part of `message`. */
  note: z.object({ key: ErrorKeySchema, params: ErrorParamsSchema.optional() }).optional(),
  detail: text('Error detail', ERROR_DETAIL_MAX).optional(),
  retryable: z.boolean().optional(),
  retryAfterMs: z.number().nonnegative().optional(),
  requestId: text('Error request id', ERROR_ID_MAX).optional(),
  httpStatus: z.number().int().optional(),
  /** The request field the problem is about (e.g. `first_frame_image`), so a UI can point at it. */
  field: text('Error field', ERROR_ID_MAX).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

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
