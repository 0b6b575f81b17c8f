/**
 * What a failed API call rejects with, in the page. The main process sends
 * errors as `{ code, message }` (the Reply envelope); `message` is written for
 * a person and is what the UI shows. Never a stack trace.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly retryable: boolean | undefined;

  constructor(error: { code: string; message: string; field?: string; retryable?: boolean }) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
    this.retryable = error.retryable;
  }
}

/** Whatever a call rejected with, as `{code, message}`: an ApiError, an Error from the preload, or anything else. */
export function toAppError(err: unknown): { code: string; message: string; field?: string } {
  if (err instanceof ApiError) return { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
  if (typeof err === 'object' && err !== null) {
    const rec = err as Record<string, unknown>;
    const message = typeof rec.message === 'string' && rec.message !== '' ? rec.message : 'Something went wrong.';
    return {
      code: typeof rec.code === 'string' ? rec.code : 'internal',
      // Electron prefixes errors crossing contextBridge with "Error invoking remote method …: Error: ".
      message: message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''),
      ...(typeof rec.field === 'string' ? { field: rec.field } : {}),
    };
  }
  return { code: 'internal', message: typeof err === 'string' ? err : 'Something went wrong.' };
}
