import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('job queue against the fake APIMart', () => {
  it('text-to-video: journals, submits once, polls to completion, saves video and sidecar', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'a lighthouse at dawn', seed: 7, duration: 6 });
    // Journaled before any request.
    const journaled = JSON.parse(await readFile(join(h.dataDir, 'jobs', `${job.id}.json`), 'utf8'));
    expect(journaled.idempotencyKey).toBe(job.idempotencyKey);
    expect(journaled.body).toMatchObject({ prompt: 'a lighthouse at dawn', seed: 7, duration: 6 });

    await h.drive(finished(h, job.id));
    const done = h.job(job.id);
    expect(done.state).toBe('done');
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.fake.stats.submitBodies[0]?.idempotencyKey).toBe(job.idempotencyKey);
    expect(done.costUsd).toBeCloseTo(0.064 * 6);

    const files = await readdir(h.outDir);
    expect(files.filter((f) => f.endsWith('.mp4'))).toHaveLength(1);
    expect(files.some((f) => f.endsWith('.part'))).toBe(false);
    const sidecar = JSON.parse(await readFile(join(h.outDir, files.find((f) => f.endsWith('.keyframe.json'))!), 'utf8'));
    expect(sidecar).toMatchObject({ taskId: done.taskId, seed: 7, model: 'veo3.1-fast-official', jobId: job.id });
    expect(h.engine.library.all()).toHaveLength(1);
  });

  it('sample_count 3 saves three distinct files', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'three takes of a bouncing ball', sample_count: 3 });
    await h.drive(finished(h, job.id));
    expect(h.job(job.id).state).toBe('done');
    const mp4s = (await readdir(h.outDir)).filter((f) => f.endsWith('.mp4'));
    expect(new Set(mp4s).size).toBe(3);
    expect(h.engine.library.all()).toHaveLength(3);
  });
});
