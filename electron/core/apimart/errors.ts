import type { AppError } from '../../../shared/errors.js';
import { ErrorEnvelopeSchema } from './schemas.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * Turns a failed gateway reply into a typed AppError. Classified by HTTP status
 * first, then `error.type`, then the message: the contract warns that
 * `error.code` is unreliable (often ""), so it is only kept as detail.
 */

export interface RawReply {
  status: number;
  bodyText: string;
  headers: Headers;
}

interface ProviderWords {
  message?: string;
  type?: string;
  code?: string;
  requestId?: string;
}

function readProviderWords(bodyText: string): ProviderWords {
  if (!bodyText.trim()) return {};
  try {
    const parsed = ErrorEnvelopeSchema.safeParse(JSON.parse(bodyText));
    if (!parsed.success) return { message: bodyText.slice(0, 500) };
    const e = parsed.data.error;
    return {
      message: e?.message ?? parsed.data.message,
      type: e?.type,
      code: e?.code === undefined || e.code === null || e.code === '' ? undefined : String(e.code),
      requestId: e?.request_id,
    };
  } catch {
    return { message: bodyText.slice(0, 500) };
  }
}

const matches = (words: ProviderWords, pattern: RegExp): boolean =>
  pattern.test(words.type ?? '') || pattern.test(words.message ?? '');

export function classifyHttpError(reply: RawReply, nowMs: number): AppError {
  const words = readProviderWords(reply.bodyText);
  const requestId = reply.headers.get('x-oneapi-request-id') ?? words.requestId ?? undefined;
  const detail = [words.type, words.code, words.message].filter(Boolean).join(' · ') || undefined;
  const base = { httpStatus: reply.status, requestId, detail };
  const said = words.message ? ` APIMart said: “${words.message}”` : '';
  const s = reply.status;

  if (s === 401)
    return { ...base, code: 'auth', retryable: false, message: 'APIMart did not accept the API key. Check the key in Settings.' };
  if (s === 402)
    return { ...base, code: 'payment_required', retryable: false, message: 'Your APIMart balance is too low for this job. Top up your balance, then retry.' };
  if (s === 403)
    return { ...base, code: 'permission', retryable: false, message: `This API key may not use this model; enable it in the APIMart console.${said}` };
  if (s === 404) return { ...base, code: 'not_found', retryable: false, message: `APIMart does not know this item.${said}` };
  if (s === 409) return classifyConflict(base, words);
  if (s === 413) return { ...base, code: 'too_large', retryable: false, message: 'The image is too large for APIMart (20 MB at most).' };
  if (s === 429) {
    const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), nowMs);
    return { ...base, code: 'rate_limited', retryable: true, retryAfterMs, message: 'APIMart is rate limiting requests; Keyframe will retry shortly.' };
  }
  if (s === 408) {
    // The gateway timed out waiting for us: nothing was decided, so it is safe to try again.
    return { ...base, code: 'timeout', retryable: true, message: 'APIMart timed out waiting for the request; Keyframe will retry.' };
  }
  if (s === 400 || (s >= 400 && s < 500)) {
    if (matches(words, /unsupported image type/i))
      return { ...base, code: 'unsupported_media', retryable: false, message: `APIMart refused the image type.${said}` };
    return { ...base, code: 'invalid_request', retryable: false, message: `APIMart rejected the request.${said}` };
  }
  // Only a message that names a request parameter counts; "invalid response from upstream" is transient.
  if (s === 500 && matches(words, /build_request_failed|invalid[ _-]?(param|parameter|argument|request|value|field)|\bparam(eter)?s?\b/i)) {
    // A 500 that names a parameter is a request problem dressed as a server error: retrying won't help.
    return { ...base, code: 'invalid_request', retryable: false, message: `APIMart could not build the request.${said}` };
  }
  if (s === 502 || s === 503 || s === 504) {
    const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), nowMs);
    return { ...base, code: 'unavailable', retryable: true, retryAfterMs, message: 'APIMart is temporarily unavailable; Keyframe will retry.' };
  }
  return { ...base, code: 'server_error', retryable: true, message: `APIMart had a server error; Keyframe will retry.${said}` };
}

function classifyConflict(base: Pick<AppError, 'httpStatus' | 'requestId' | 'detail'>, words: ProviderWords): AppError {
  const inProgress: AppError = {
    ...base,
    code: 'idempotency_in_progress',
    retryable: true,
    message: 'APIMart is still processing this submission; Keyframe will check again.',
  };
  const indeterminate: AppError = {
    ...base,
    code: 'idempotency_indeterminate',
    retryable: false,
    message: 'APIMart cannot tell whether this submission went through. The job is kept with its key; check your APIMart console before retrying.',
  };
  const conflict: AppError = {
    ...base,
    code: 'idempotency_conflict',
    retryable: false,
    message: 'APIMart saw this submission key used with different settings. The job is kept; retry it as a new job.',
  };
  // Fix: `type` used to be tested together with the message, category by category, so an
  // `idempotency_result_indeterminate` whose message said "…may still be in progress" became the
  // retryable in_progress, and the job re-sent the same key forever. The contract says: type
  // first, then message.
  for (const text of [words.type, words.message]) {
    if (!text) continue;
    if (/indeterminate/i.test(text)) return indeterminate;
    if (/key_reused|reused|different request/i.test(text)) return conflict;
    if (/in_progress|in progress/i.test(text)) return inProgress;
  }
  return conflict;
}

/** Network-level failures (no HTTP reply at all). */
export function classifyNetworkError(err: unknown, timedOut: boolean): AppError {
  if (timedOut) return { code: 'timeout', retryable: true, message: 'APIMart did not answer in time; Keyframe will retry.' };
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const text = cause instanceof Error ? `${(cause as NodeJS.ErrnoException).code ?? cause.name}: ${cause.message}` : String(cause);
  return { code: 'network', retryable: true, detail: text, message: 'Could not reach APIMart (network problem); Keyframe will retry.' };
}
