import type { AppError } from '../../../shared/errors.js';
import type { TaskSnapshot } from '../apimart/task-snapshot.js';

const POLICY_WORDS = /safety|policy|polic(y|ies)|blocked|prohibited|sensitive|violat|moderation|not allowed|unsafe|celebrity|minor/i;

/**
 * Explains a task the provider reported as failed. Content-policy refusals get
 * advice the person can act on; failed tasks are not charged (contract §2).
 */
export function describeTaskFailure(snap: TaskSnapshot): AppError {
  const raw = snap.error?.message ?? `The provider reported status “${snap.status}”.`;
  const detail = [snap.error?.code, raw].filter(Boolean).join(' · ');
  if (snap.phase === 'cancelled') {
    return { code: 'cancelled', retryable: false, detail, requestId: snap.requestId, message: 'The provider cancelled this generation. Nothing was charged for it.' };
  }
  if (POLICY_WORDS.test(raw)) {
    return {
      code: 'content_policy',
      retryable: false,
      detail,
      requestId: snap.requestId,
      message:
        'APIMart refused this under its content policy. Rephrase the prompt (avoid real people, violence, or sensitive content) or use a different frame image. Refused generations are not charged.',
    };
  }
  return { code: 'generation_failed', retryable: false, detail, requestId: snap.requestId, message: `The generation failed: ${raw} Failed generations are not charged.` };
}
