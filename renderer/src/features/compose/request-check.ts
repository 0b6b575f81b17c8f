import type { RequestKey } from '../../../../shared/domain/generation.js';
import { IpcGenerationRequestSchema } from '../../../../shared/ipc/request-schemas.js';
import { issueMessage } from '../../../../shared/issue-message.js';
import type { Draft } from './draft';
import { toRequestInput, type FieldIssues, type IpcRequest } from './request';

/**
 * The draft's request checked with the contract's own schema, so the form
 * refuses exactly what main would refuse. Apart from request.ts, which views
 * outside the Studio use from the first paint on: this one builds zod schemas.
 */

const REQUEST_KEYS: ReadonlySet<string> = new Set(Object.keys(IpcGenerationRequestSchema.shape));

export function validate(d: Draft): { request: IpcRequest; errors?: undefined } | { request?: undefined; errors: FieldIssues } {
  const parsed = IpcGenerationRequestSchema.safeParse(toRequestInput(d));
  if (parsed.success) return { request: parsed.data };
  const errors: FieldIssues = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    const field = REQUEST_KEYS.has(key) ? (key as RequestKey) : 'request';
    errors[field] ??= issueMessage(issue);
  }
  return { errors };
}
