import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain/job.js';
import { createHarness, type Harness } from '../../support/engine-harness.js';

let h: Harness;
afterEach(async () => h?.close());

/**
 * Takes of one prompt that finish in the same instant (a sweep, a batch, three
 * jobs queued together) each pick a file name while the others are still
 * checking the folder: a name picked by one job must be out of reach of the
 * others before any of them looks at the disk again.
 */
describe('output names of jobs that finish together', () => {
  it('four jobs with the same name template get four different files, and all finish', async () => {
    h = await createHarness({ concurrency: 4 });
    const jobs: Job[] = [];
    for (let i = 0; i < 4; i++) {
      jobs.push(await h.engine.queue.submit({ prompt: 'the same shot, again', seed: i }, { provider: 'apimart', outputDir: h.outDir, nameTemplate: '{prompt}' }));
    }
    await h.drive(() => jobs.every((j) => ['done', 'failed', 'needs_attention', 'stopped', 'expired'].includes(h.job(j.id).state)));
    expect(jobs.map((j) => h.job(j.id).state)).toEqual(['done', 'done', 'done', 'done']);
    const names = jobs.map((j) => h.job(j.id).outputs[0]?.fileName);
    expect(new Set(names).size).toBe(4);
    const mp4s = (await readdir(h.outDir)).filter((f) => f.endsWith('.mp4'));
    expect(mp4s.sort()).toEqual([...names].sort());
  });
});
