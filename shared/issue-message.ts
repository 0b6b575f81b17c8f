import type { z } from 'zod';
import { errorMessage, isErrorKey, type ErrorKey, type ErrorMessage, type ParamArgs, type ParamsOf } from './error-messages.js';
import type { ErrorParams } from './errors.js';

/**
 * A zod issue as a catalog message, so a schema's refusal reads in the
 * person's language on the page, whether main refused the request or the
 * page's own form did (both run the same schemas).
 *
 * Schemas word their messages with `schemaMessage`, which remembers which key
 * and params made each English text; an issue carrying one of those texts is
 * traced back to them. A custom issue may carry its message in its `params`
 * (`issueParams`) when the text depends on the input. Any other issue gets a
 * generic message naming its field.
 */

type Issue = z.core.$ZodIssue;

export interface IssueMessage extends ErrorMessage {
  /** The field the issue is about (`prompt`, `first_frame_image.url`), when it names one. */
  field?: string;
}

/** Texts made at schema definition, so the set is fixed and small: it never grows with what is parsed. */
const byText = new Map<string, ErrorMessage>();

/** The English text of a catalog message, for a schema's `error`; issueMessage finds its key again. */
export function schemaMessage<K extends ErrorKey>(key: K, ...args: ParamArgs<K>): string {
  const made = errorMessage(key, ...args);
  byText.set(made.message, made);
  return made.message;
}

/** For `ctx.addIssue({ code: 'custom', message, params })`: the message travels beside its text. */
export function issueParams(made: ErrorMessage): { errorKey: ErrorKey; errorParams?: ErrorParams } {
  return { errorKey: made.key, ...(made.params ? { errorParams: made.params } : {}) };
}

/** The issue's field path, an unknown key named itself rather than its parent object. */
export function issueField(issue: Issue): string {
  const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
  return path.map(String).join('.');
}

function carried(issue: Issue): ErrorMessage | undefined {
  if (issue.code !== 'custom' || !issue.params) return undefined;
  const { errorKey, errorParams } = issue.params as { errorKey?: unknown; errorParams?: ErrorParams };
  if (!isErrorKey(errorKey)) return undefined;
  return { key: errorKey, ...(errorParams ? { params: errorParams } : {}), message: issue.message };
}

export function issueMessage(issue: Issue): IssueMessage {
  const field = issueField(issue);
  const where = field === '' ? {} : { field };
  const known = carried(issue) ?? byText.get(issue.message);
  if (known) return { ...known, ...where };
  if (issue.code === 'unrecognized_keys') return { ...errorMessage('schema.unknown_key', { name: issue.keys[0] ?? '' }), ...where };
  if (field === '') return errorMessage('schema.invalid_request');
  const params: ParamsOf<'schema.invalid'> = { field };
  return { ...errorMessage('schema.invalid', params), field };
}
