import { appError, errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import type { AppError, AppErrorCode } from '../../../shared/errors.js';
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

type SaidKey =
  | 'apimart.permission'
  | 'apimart.not_found'
  | 'apimart.image_type'
  | 'apimart.rejected'
  | 'apimart.build_failed'
  | 'apimart.server_error'
  | 'apimart.model_unavailable';

/**
 * The envelope's words for "this key has no such model" (contract §7). Named by `type` or by `code`:
 * here the code is the one reliable thing, since the status varies (400, 403, 404).
 */
const MODEL_UNAVAILABLE = /^(model_not_found|unsupported_generation_model)$/i;

/** Whether a failure is the provider saying the model is not available (the model check must be redone). */
export function isModelUnavailable(error: Pick<AppError, 'key'>): boolean {
  return error.key === 'apimart.model_unavailable' || error.key === 'apimart.model_unavailable.said';
}

/** The message, with APIMart's own words after it when it gave any (shown as its words, untranslated). */
function withWords(key: SaidKey, words: ProviderWords): ErrorMessage {
  return words.message ? errorMessage(`${key}.said`, { provider: words.message }) : errorMessage(key);
}

export function classifyHttpError(reply: RawReply, nowMs: number): AppError {
  const words = readProviderWords(reply.bodyText);
  const requestId = reply.headers.get('x-oneapi-request-id') ?? words.requestId ?? undefined;
  const detail = [words.type, words.code, words.message].filter(Boolean).join(' · ') || undefined;
  const base = { httpStatus: reply.status, requestId, detail };
  const fail = (code: AppErrorCode, text: ErrorMessage, more: Pick<AppError, 'retryable' | 'retryAfterMs'>): AppError => appError(code, text, { ...base, ...more });
  const s = reply.status;

  if (s === 401) return fail('auth', errorMessage('apimart.auth'), { retryable: false });
  if (s === 402) return fail('payment_required', errorMessage('apimart.payment'), { retryable: false });
  if (s >= 400 && s < 500 && s !== 429 && (MODEL_UNAVAILABLE.test(words.type ?? '') || MODEL_UNAVAILABLE.test(words.code ?? ''))) {
    // Asking again cannot help: the same key gets the same answer until the person changes the model or the key.
    return appError('not_found', withWords('apimart.model_unavailable', words), { ...base, retryable: false, field: 'model' });
  }
  if (s === 403) return fail('permission', withWords('apimart.permission', words), { retryable: false });
  if (s === 404) return fail('not_found', withWords('apimart.not_found', words), { retryable: false });
  if (s === 409) return classifyConflict(base, words);
  if (s === 413) return fail('too_large', errorMessage('apimart.too_large'), { retryable: false });
  if (s === 429) {
    const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), nowMs);
    return fail('rate_limited', errorMessage('apimart.rate_limited'), { retryable: true, retryAfterMs });
  }
  if (s === 408) {
    // The gateway timed out waiting for us: nothing was decided, so it is safe to try again.
    return fail('timeout', errorMessage('apimart.request_timeout'), { retryable: true });
  }
  if (s === 400 || (s >= 400 && s < 500)) {
    if (matches(words, /unsupported image type/i)) return fail('unsupported_media', withWords('apimart.image_type', words), { retryable: false });
    return fail('invalid_request', withWords('apimart.rejected', words), { retryable: false });
  }
  // Only a message that names a request parameter counts; "invalid response from upstream" is transient.
  if (s === 500 && matches(words, /build_request_failed|invalid[ _-]?(param|parameter|argument|request|value|field)|\bparam(eter)?s?\b/i)) {
    // A 500 that names a parameter is a request problem dressed as a server error: retrying won't help.
    return fail('invalid_request', withWords('apimart.build_failed', words), { retryable: false });
  }
  if (s === 502 || s === 503 || s === 504) {
    const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), nowMs);
    return fail('unavailable', errorMessage('apimart.unavailable'), { retryable: true, retryAfterMs });
  }
  return fail('server_error', withWords('apimart.server_error', words), { retryable: true });
}

function classifyConflict(base: Pick<AppError, 'httpStatus' | 'requestId' | 'detail'>, words: ProviderWords): AppError {
  const inProgress = appError('idempotency_in_progress', errorMessage('apimart.idempotency_in_progress'), { ...base, retryable: true });
  const indeterminate = appError('idempotency_indeterminate', errorMessage('apimart.idempotency_indeterminate'), { ...base, retryable: false });
  const conflict = appError('idempotency_conflict', errorMessage('apimart.idempotency_conflict'), { ...base, retryable: false });
  // The contract says: type first, then message. Tested together, category by category, an
  // `idempotency_result_indeterminate` whose message says "…may still be in progress" would read as
  // the retryable in_progress, and the job would re-send the same key forever.
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
  if (timedOut) return appError('timeout', errorMessage('apimart.no_answer'), { retryable: true });
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const text = cause instanceof Error ? `${(cause as NodeJS.ErrnoException).code ?? cause.name}: ${cause.message}` : String(cause);
  return appError('network', errorMessage('apimart.network'), { retryable: true, detail: text });
}
