import { errorMessage, isErrorKey } from '../../../shared/error-messages.js';
import { isAppFailure } from '../../../shared/errors.js';
import type { GenerationRequest } from '../../../shared/domain/generation.js';
import type { IssueMessage } from '../../../shared/issue-message.js';
import { inspectLocalFrame } from '../frames/local-frame.js';
import { summarize, type BatchPlan } from './batch-plan.js';

/**
 * The local frames of a planned batch, checked before anything is queued (a
 * missing or non-image file is a row problem in the dry run, not a failure
 * half-way through queueing). A file used by many rows is read once; its
 * upload is shared too, by hash (the upload cache).
 */
export async function checkLocalFrames(plan: BatchPlan<GenerationRequest>): Promise<BatchPlan<GenerationRequest>> {
  const seen = new Map<string, Promise<IssueMessage | undefined>>();
  const check = (path: string) => {
    let found = seen.get(path);
    if (!found) {
      found = inspectLocalFrame(path).then(
        () => undefined,
        (err: unknown): IssueMessage => {
          if (!isAppFailure(err)) return errorMessage('request.frame');
          const { key, params, message } = err.app;
          return isErrorKey(key) ? { key, ...(params ? { params } : {}), message } : errorMessage('request.frame');
        },
      );
      seen.set(path, found);
    }
    return found;
  };
  const rows = [];
  for (const r of plan.rows) {
    const errors = [...r.errors];
    for (const field of ['first_frame_image', 'last_frame_image'] as const) {
      const ref = r.request?.[field];
      if (ref?.kind !== 'file') continue;
      const problem = await check(ref.path);
      if (problem) errors.push({ ...problem, field });
    }
    rows.push(errors.length === r.errors.length ? r : { ...r, errors });
  }
  return summarize(rows, plan.errors);
}
