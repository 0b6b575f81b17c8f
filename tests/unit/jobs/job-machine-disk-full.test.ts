import { describe, expect, it } from 'vitest';
import { transition } from '../../../electron/core/jobs/job-machine.js';
import { diskFullError } from '../../../electron/core/util/fs-errors.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { Job, JobState } from '../../../shared/domain/job.js';

const NOW = Date.UTC(2026, 0, 1);

function makeJob(state: JobState, patch: Partial<Job> = {}): Job {
  return {
    schema: 'keyframe.job/1',
    id: 'job-1',
    provider: 'apimart',
    createdAt: NOW,
    updatedAt: NOW,
    state,
    request: GenerationRequestSchema.parse({ prompt: 'a paper boat' }),
    idempotencyKey: 'keyframe-0d9c7a52-3f1e-4b6a-9a51-1c2d3e4f5a6b',
    frames: [],
    outputDir: '/videos',
    nameTemplate: '{prompt}',
    requestIds: [],
    outputs: [],
    linkRefreshed: false,
    attempts: 0,
    polls: 0,
    parked: false,
    appVersion: '0.0.0-test',
    ...patch,
  };
}

describe('job machine: a full disk', () => {
  const STEPS = ['queued', 'uploading', 'submitting', 'generating', 'downloading'] as const;

  it.each(STEPS)('in %s the job waits for space in that step, on the first failure, and resume continues it', (state) => {
    // Not retryable or retryable alike: a full disk neither fails the job nor backs off blindly.
    for (const retryable of [true, false]) {
      const error = { ...diskFullError('output'), retryable };
      const waiting = transition(makeJob(state, { taskId: 'task_1' }), { type: 'step_failed', error, retryAt: NOW + 1000 }, NOW);
      expect(waiting).toMatchObject({ state: 'needs_attention', attentionFrom: state, error });
      expect(waiting.nextActionAt).toBeUndefined();
      expect(transition(waiting, { type: 'resume' }, NOW + 5)).toMatchObject({ state, nextActionAt: NOW + 5, attempts: 0 });
    }
  });
});
