import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskDataSchema, SubmitReplySchema, UploadReplySchema } from '../../../electron/core/apimart/schemas.js';
import { normaliseTask, type TaskSnapshot } from '../../../electron/core/apimart/task-snapshot.js';
import type { ApimartClient } from '../../../electron/core/apimart/client.js';
import type { JobEvent } from '../../../electron/core/jobs/job-machine.js';
import { runStep, type StepContext } from '../../../electron/core/jobs/job-steps.js';
import type { UploadCache } from '../../../electron/core/frames/upload-cache.js';
import { JobSchema, type Job } from '../../../shared/domain/job.js';
import { PROVIDER_ID_MAX, URL_MAX } from '../../../shared/domain/bounds.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import { FakeClock } from '../../support/fake-clock.js';

/**
 * Whatever the provider sends is recorded in the journal, whose schema has
 * bounds: a reply the journal could not load back must be refused or trimmed
 * before a job records it, or the job would be moved aside as corrupt on the
 * next start.
 */

const link = (n: number) => `https://cdn.example.com/v${n}.mp4`;

describe('provider replies within the journal bounds', () => {
  it('refuses a task id longer than the journal keeps', () => {
    const long = 't'.repeat(PROVIDER_ID_MAX + 1);
    expect(SubmitReplySchema.safeParse({ data: [{ task_id: long, status: 'submitted' }] }).success).toBe(false);
    expect(SubmitReplySchema.safeParse({ data: { id: long } }).success).toBe(false);
    expect(SubmitReplySchema.safeParse({ data: [{ task_id: 't'.repeat(PROVIDER_ID_MAX), status: 'submitted' }] }).success).toBe(true);
  });

  it('drops result links and thumbnails longer than the journal keeps', () => {
    const tooLong = `https://cdn.example.com/${'x'.repeat(URL_MAX)}.mp4`;
    const data = TaskDataSchema.parse({
      status: 'completed',
      result: { thumbnail_url: tooLong, videos: [{ url: [tooLong, link(1)] }] },
    });
    const snap = normaliseTask('task_1', data);
    expect(snap.videos).toEqual([{ urls: [link(1)], expiresAt: undefined }]);
    expect(snap.thumbnailUrl).toBeUndefined();
    expect(UploadReplySchema.safeParse({ url: tooLong }).success).toBe(false);
  });
});

describe('a completed task never names more outputs than were asked for', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the first sample_count videos and the job still fits its schema', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kf-poll-bounds-'));
    const clock = new FakeClock(1_700_000_000_000);
    const job: Job = JobSchema.parse({
      schema: 'keyframe.job/1',
      id: 'job-1',
      provider: 'apimart',
      createdAt: clock.now(),
      updatedAt: clock.now(),
      state: 'generating',
      request: GenerationRequestSchema.parse({ prompt: 'six links for one take', sample_count: 2 }),
      idempotencyKey: 'keyframe-job-1',
      frames: [],
      outputDir: dir,
      nameTemplate: '{id}-{index}',
      taskId: 'task_1',
      requestIds: [],
      outputs: [],
      appVersion: '1.0.0',
    });
    const reply: TaskSnapshot = {
      taskId: 'task_1',
      status: 'completed',
      phase: 'completed',
      videos: [1, 2, 3, 4, 5, 6].map((n) => ({ urls: [link(n)] })),
    };
    const events: JobEvent[] = [];
    const ctx: StepContext = {
      client: { getTask: async () => reply } as unknown as ApimartClient,
      fileGet: () => Promise.reject(new Error('this step downloads nothing')),
      uploads: {} as UploadCache,
      clock,
      random: () => 0.5,
      stallTimeoutMs: 1000,
      signal: new AbortController().signal,
      checkModel: async () => undefined,
      forgetModel: async () => undefined,
      dispatch: async (event) => {
        events.push(event);
        return job;
      },
      pickNames: (pick) => pick(new Set(), () => undefined),
      generatingCount: () => 1,
      addToLibrary: async () => undefined,
    };
    await runStep(job, ctx);
    const done = events.find((e) => e.type === 'task_completed');
    if (done?.type !== 'task_completed') throw new Error('no task_completed event');
    expect(done.videos.map((v) => v.urls[0])).toEqual([link(1), link(2)]);
    expect(done.outputs.map((o) => o.url)).toEqual([link(1), link(2)]);
    // What the queue would journal loads back.
    expect(JobSchema.safeParse({ ...job, state: 'downloading', videos: done.videos, outputs: done.outputs }).success).toBe(true);
  });
});
