import { appError, errorMessage } from '../../../shared/error-messages.js';
import type { AppError } from '../../../shared/errors.js';
import type { TaskSnapshot } from '../apimart/task-snapshot.js';

/**
 * A refusal in the provider's words. Task queries ask for the person's language,
 * so the words may be Korean: 정책 (policy), 안전 (safety), 차단 (blocked),
 * 금지 (prohibited), 민감 (sensitive), 위반 (violation), 유해 (harmful), 유명인 (celebrity), 미성년 (minor).
 */
const POLICY_WORDS =
  /safety|policy|polic(y|ies)|blocked|prohibited|sensitive|violat|moderation|not allowed|unsafe|celebrity|minor|정책|안전|차단|금지|민감|위반|유해|유명인|미성년/i;

/**
 * Explains a task the provider reported as failed. Content-policy refusals get
 * advice the person can act on; failed tasks are not charged (contract §2).
 */
export function describeTaskFailure(snap: TaskSnapshot): AppError {
  const said = snap.error?.message;
  const raw = said ?? (snap.error ? 'The provider reported a failure without a message.' : `The provider reported status “${snap.status}”.`);
  const detail = [snap.error?.code, raw].filter(Boolean).join(' · ');
  const extra = { retryable: false, detail, requestId: snap.requestId };
  if (snap.phase === 'cancelled') return appError('cancelled', errorMessage('task.cancelled'), extra);
  if (said !== undefined && POLICY_WORDS.test(said)) return appError('content_policy', errorMessage('task.content_policy'), extra);
  // The provider's words are kept as they are (already in the person's language when it localises them).
  if (said !== undefined) return appError('generation_failed', errorMessage('task.failed', { provider: said }), extra);
  if (snap.error) return appError('generation_failed', errorMessage('task.failed.no_message'), extra);
  return appError('generation_failed', errorMessage('task.failed.status', { status: snap.status }), extra);
}
