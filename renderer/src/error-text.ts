import { isErrorKey } from '../../shared/error-messages.js';
import { isAppErrorCode } from '../../shared/app-failure.js';
import { hasMessage, type Translate } from './i18n';

/**
 * The words for an error from main, in the page's language. Main sends a
 * catalog key and params (shared/error-messages.ts) beside its English
 * `message`; the words are chosen here, where they are shown, so a language
 * switch re-words every error on screen.
 */

type Params = Readonly<Record<string, string | number>>;

/** What the page knows of an error: a reply, a job's error, a notice, a schema issue. */
export interface ShownError {
  /** An AppError code; absent for a notice. */
  code?: string;
  /** English, shown only when neither the key nor the code is known here. */
  message: string;
  key?: string;
  params?: Params;
  note?: { key: string; params?: Params };
}

/** Params whose values the page translates: a field's name, why a host is not public. */
const TRANSLATED_PARAMS: Readonly<Record<string, string>> = { field: 'error.field.', why: 'error.why.' };

/**
 * The words for a param value, if the tables have any. A field path is tried
 * from its full length down (`request.prompt` is the prompt), as main names
 * fields by their path in the input it was given.
 */
function wordFor(t: Translate, prefix: string, value: string): string | undefined {
  const parts = value.split('.');
  for (let i = 0; i < parts.length; i++) {
    const key = `${prefix}${parts.slice(i).join('.')}`;
    if (hasMessage(key)) return t(key);
  }
  return undefined;
}

function localParams(t: Translate, params: Params | undefined): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const prefix = TRANSLATED_PARAMS[name];
    out[name] = (prefix === undefined ? undefined : wordFor(t, prefix, String(value))) ?? value;
  }
  return out;
}

function catalogText(t: Translate, key: string | undefined, params: Params | undefined): string | undefined {
  if (!isErrorKey(key)) return undefined;
  return t(`error.${key}`, localParams(t, params));
}

/** Key → a text for the code → main's own message, in that order. */
export function errorText(t: Translate, error: ShownError): string {
  const main = catalogText(t, error.key, error.params);
  if (main !== undefined) {
    const note = error.note ? catalogText(t, error.note.key, error.note.params) : undefined;
    return note === undefined ? main : `${main} ${note}`;
  }
  if (isAppErrorCode(error.code)) return t(`error.code.${error.code}`);
  return error.message;
}
