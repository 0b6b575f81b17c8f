import type { ShownError } from './error-text';

/**
 * What a failed API call rejects with, in the page. The main process sends
 * errors in the Reply envelope: a code, a catalog key and params the page
 * words in its own language (see error-text.ts), and `message`, the same in
 * English for when the key is unknown here. Never a stack trace.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly key: string | undefined;
  readonly params: ShownError['params'];
  readonly note: ShownError['note'];
  readonly field: string | undefined;
  readonly retryable: boolean | undefined;

  constructor(error: { code: string; message: string; key?: string; params?: ShownError['params']; note?: ShownError['note']; field?: string; retryable?: boolean }) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.key = error.key;
    this.params = error.params;
    this.note = error.note;
    this.field = error.field;
    this.retryable = error.retryable;
  }
}

/** A failed call as the page shows it: an error with a code, and the field main named, if any. */
export type CallError = ShownError & { code: string; field?: string };

const isParams = (v: unknown): v is Record<string, string | number> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string' || typeof x === 'number');

/** Whatever a call rejected with, as a CallError: an ApiError, an error object from the preload, or anything else. */
export function toAppError(err: unknown): CallError {
  if (err instanceof ApiError) {
    return {
      code: err.code,
      message: err.message,
      ...(err.key ? { key: err.key } : {}),
      ...(err.params ? { params: err.params } : {}),
      ...(err.note ? { note: err.note } : {}),
      ...(err.field ? { field: err.field } : {}),
    };
  }
  if (typeof err === 'object' && err !== null) {
    const rec = err as Record<string, unknown>;
    const message = typeof rec.message === 'string' && rec.message !== '' ? rec.message : 'Something went wrong.';
    const note = rec.note as Record<string, unknown> | undefined;
    return {
      code: typeof rec.code === 'string' ? rec.code : 'internal',
      // Electron prefixes errors crossing contextBridge with "Error invoking remote method …: Error: ".
      message: message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''),
      ...(typeof rec.key === 'string' ? { key: rec.key } : {}),
      ...(isParams(rec.params) ? { params: rec.params } : {}),
      ...(typeof note?.key === 'string' ? { note: { key: note.key, ...(isParams(note.params) ? { params: note.params } : {}) } } : {}),
      ...(typeof rec.field === 'string' ? { field: rec.field } : {}),
    };
  }
  return { code: 'internal', message: typeof err === 'string' ? err : 'Something went wrong.' };
}
