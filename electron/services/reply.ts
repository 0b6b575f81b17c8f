import type { ZodError } from 'zod';
import { isAppFailure } from '../../shared/errors.js';
import { describeIssues } from '../../shared/domain/generation.js';
import type { Reply, ReplyError } from '../../shared/ipc/channels.js';
import { isDiskFull } from '../core/util/fs-errors.js';
import { fsRefusal } from '../core/util/fs-refusal.js';

/**
 * The reply envelope, built one way for Electron IPC and the browser host's
 * WebSocket alike. Errors cross as plain data with a code; nothing from a
 * non-AppFailure (stack, message, file paths) ever does.
 */

export type { Reply, ReplyError } from '../../shared/ipc/channels.js';

export const replyOk = <T>(value: T): Reply<T> => ({ ok: true, value });
export const replyError = (error: ReplyError): Reply<never> => ({ ok: false, error });
export const isReplyOk = <T>(r: Reply<T>): r is { ok: true; value: T } => r.ok;

export const INTERNAL: ReplyError = { code: 'internal', message: 'Something went wrong in Keyframe.' };
export const UNKNOWN_OPERATION: ReplyError = { code: 'invalid_request', message: 'Unknown operation.' };
export const UNTRUSTED: ReplyError = { code: 'permission', message: 'Keyframe refused a request that did not come from its own window.' };

/** Texts can echo what the page sent (an unknown key's name): bound them. */
const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * An AppFailure's fields, or undefined for anything else (the caller answers INTERNAL).
 * A full disk is the exception: whichever handler hit it (a journal, settings or sidecar
 * write), the person must hear "the disk is full" to know what to fix, not "internal".
 */
export function appFailureReply(err: unknown): ReplyError | undefined {
  if (isDiskFull(err)) return appFailureReply(fsRefusal(err, 'Keyframe could not write a file.'));
  if (!isAppFailure(err)) return undefined;
  const a = err.app;
  return {
    code: a.code,
    message: clip(a.message, 1000),
    ...(a.field === undefined ? {} : { field: clip(a.field, 200) }),
    ...(a.retryable === undefined ? {} : { retryable: a.retryable }),
    ...(a.retryAfterMs === undefined ? {} : { retryAfterMs: a.retryAfterMs }),
    ...(a.requestId === undefined ? {} : { requestId: clip(a.requestId, 200) }),
    ...(a.detail === undefined ? {} : { detail: clip(a.detail, 4000) }),
  };
}

/** The first problem, naming its field (an unknown key is named itself, not its parent object). */
export function invalidInputReply(error: ZodError): ReplyError {
  const first = error.issues[0];
  const path = first ? [...first.path, ...(first.code === 'unrecognized_keys' ? first.keys.slice(0, 1) : [])] : [];
  const field = path.map(String).join('.');
  return {
    code: 'invalid_request',
    message: clip(first?.message ?? 'Invalid request.', 300),
    ...(field ? { field: clip(field, 200) } : {}),
    detail: clip(describeIssues(error).slice(0, 10).join('\n'), 2000),
    retryable: false,
  };
}
