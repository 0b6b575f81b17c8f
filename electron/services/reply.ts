import type { ZodError } from 'zod';
import { errorMessage, type ErrorMessage } from '../../shared/error-messages.js';
import { isAppFailure, type ErrorParams } from '../../shared/errors.js';
import { describeIssues } from '../../shared/domain/generation.js';
import { issueMessage, type IssueMessage } from '../../shared/issue-message.js';
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

const catalogReply = (code: string, m: ErrorMessage): ReplyError => ({ code, key: m.key, message: m.message });

export const INTERNAL: ReplyError = catalogReply('internal', errorMessage('internal'));
export const UNKNOWN_OPERATION: ReplyError = catalogReply('invalid_request', errorMessage('request.unknown_operation'));
export const UNTRUSTED: ReplyError = catalogReply('permission', errorMessage('request.untrusted'));

/** Texts can echo what the page sent (an unknown key's name): bound them. */
const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * An AppFailure's fields, or undefined for anything else (the caller answers INTERNAL).
 * A full disk is the exception: whichever handler hit it (a journal, settings or sidecar
 * write), the person must hear "the disk is full" to know what to fix, not "internal".
 */
export function appFailureReply(err: unknown): ReplyError | undefined {
  if (isDiskFull(err)) return appFailureReply(fsRefusal(err, errorMessage('fs.write_failed')));
  if (!isAppFailure(err)) return undefined;
  const a = err.app;
  return {
    code: a.code,
    message: clip(a.message, 1000),
    ...(a.key === undefined ? {} : { key: a.key, ...paramsOf(a.params) }),
    ...(a.note === undefined ? {} : { note: { key: a.note.key, ...paramsOf(a.note.params) } }),
    ...(a.field === undefined ? {} : { field: clip(a.field, 200) }),
    ...(a.retryable === undefined ? {} : { retryable: a.retryable }),
    ...(a.retryAfterMs === undefined ? {} : { retryAfterMs: a.retryAfterMs }),
    ...(a.requestId === undefined ? {} : { requestId: clip(a.requestId, 200) }),
    ...(a.detail === undefined ? {} : { detail: clip(a.detail, 4000) }),
  };
}

/** Params as the page gets them: copied, never the journal's own object. */
const paramsOf = (params: ErrorParams | undefined): { params?: ErrorParams } => (params === undefined ? {} : { params: { ...params } });

/** The first problem as a catalog message, naming its field (an unknown key is named itself, not its parent object). */
export function invalidInputReply(error: ZodError): ReplyError {
  const first = error.issues[0];
  const said: IssueMessage = first ? issueMessage(first) : errorMessage('request.invalid');
  const field = said.field;
  return {
    code: 'invalid_request',
    message: clip(said.message, 300),
    key: said.key,
    ...paramsOf(said.params),
    ...(field ? { field: clip(field, 200) } : {}),
    detail: clip(describeIssues(error).slice(0, 10).join('\n'), 2000),
    retryable: false,
  };
}
