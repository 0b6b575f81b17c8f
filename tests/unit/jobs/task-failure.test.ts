import { describe, expect, it } from 'vitest';
import type { TaskSnapshot } from '../../../electron/core/apimart/task-snapshot.js';
import { describeTaskFailure } from '../../../electron/core/jobs/task-failure.js';

/** A failed task as the job shows it: a catalog message, the provider's own words kept as a param and as detail. */

const failed = (error: TaskSnapshot['error'], status = 'failed'): TaskSnapshot => ({
  taskId: 'task_1',
  status,
  phase: 'failed',
  videos: [],
  ...(error ? { error } : {}),
});

describe('describeTaskFailure', () => {
  it('a refusal in Korean (APIMart localises the message to ?language=ko) is still a content-policy refusal', () => {
    const e = describeTaskFailure(failed({ message: '콘텐츠 안전 정책에 따라 프롬프트가 차단되었습니다.' }));
    expect(e).toMatchObject({ code: 'content_policy', key: 'task.content_policy', retryable: false });
    expect(e.detail).toBe('콘텐츠 안전 정책에 따라 프롬프트가 차단되었습니다.');
  });

  it('any other failure carries the provider words as {provider}, untranslated', () => {
    const e = describeTaskFailure(failed({ message: 'upstream render crashed', code: '500' }));
    expect(e).toMatchObject({ code: 'generation_failed', key: 'task.failed', params: { provider: 'upstream render crashed' } });
    expect(e.message).toBe('The generation failed: upstream render crashed Failed generations are not charged.');
    expect(e.detail).toBe('500 · upstream render crashed');
  });

  it('a failure without words, or only a status, gets its own message (no English made up as the provider words)', () => {
    const silent = describeTaskFailure(failed({ code: '13' }));
    expect(silent).toMatchObject({ key: 'task.failed.no_message', detail: '13 · The provider reported a failure without a message.' });
    expect(silent.params).toBeUndefined();
    const bare = describeTaskFailure(failed(undefined, 'error'));
    expect(bare).toMatchObject({ key: 'task.failed.status', params: { status: 'error' } });
    expect(bare.message).toBe('The generation failed: The provider reported status “error”. Failed generations are not charged.');
  });

  it('a very long provider message is cut, so the journal and the reply stay bounded', () => {
    const e = describeTaskFailure(failed({ message: `render failed: ${'x'.repeat(5000)}` }));
    expect(String(e.params?.provider).length).toBe(1000);
  });
});
