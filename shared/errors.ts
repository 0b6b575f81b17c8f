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
  'corrupt_data',
  'internal',
]);
export type AppErrorCode = z.infer<typeof AppErrorCodeSchema>;

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
  message: z.string(),
  /** The catalog key of `message` (absent in records written before keys existed). */
  key: ErrorKeySchema.optional(),
  params: ErrorParamsSchema.optional(),
  /** A second sentence after the message (e.g. how many uploads failed), already part of `message`. */
  note: z.object({ key: ErrorKeySchema, params: ErrorParamsSchema.optional() }).optional(),
  detail: z.string().optional(),
  retryable: z.boolean().optional(),
  retryAfterMs: z.number().nonnegative().optional(),
  requestId: z.string().optional(),
  httpStatus: z.number().int().optional(),
  /** The request field the problem is about (e.g. `first_frame_image`), so a UI can point at it. */
  field: z.string().optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

/** An Error subclass carrying an AppError, for code paths that throw. */
export class AppFailure extends Error {
  readonly app: AppError;
  constructor(app: AppError) {
    super(app.message);
    this.name = 'AppFailure';
    this.app = app;
  }
}

export function isAppFailure(err: unknown): err is AppFailure {
  return err instanceof AppFailure;
}
