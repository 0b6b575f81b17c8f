import { z } from 'zod';
import { APP_ERROR_CODES, ERROR_DETAIL_MAX, ERROR_ID_MAX, ERROR_MESSAGE_MAX } from './app-failure.js';

export {
  APP_ERROR_CODES,
  AppFailure,
  ERROR_DETAIL_MAX,
  ERROR_ID_MAX,
  ERROR_MESSAGE_MAX,
  clipAppError,
  clipText,
  isAppErrorCode,
  isAppFailure,
} from './app-failure.js';

/**
 * The one serialisable error shape that crosses process boundaries (IPC,
 * WebSocket, CLI --json, the job journal). No stack traces, no local paths the
 * page need not see. `key` and `params` name the message in the catalog
 * (shared/error-messages.ts), so the page can say it in the person's language;
 * `message` is the same message in English, for the log, the CLI and any
 * reader that knows no key. `detail` holds the provider's raw words for a
 * "details" expander.
 */
export const AppErrorCodeSchema = z.enum(APP_ERROR_CODES);
export type AppErrorCode = z.infer<typeof AppErrorCodeSchema>;

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
