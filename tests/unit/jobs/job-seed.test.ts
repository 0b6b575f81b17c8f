import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJob, drawSeed, type NewJobOptions } from '../../../electron/core/jobs/job-factory.js';
import { SEED_MAX } from '../../../shared/domain/generation.js';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { expectSavedVideos } from '../../support/queue-helpers.js';
import { sidecarEntry } from '../../support/library-kinds.js';

/**
 * "Random" seed means Keyframe draws the seed, sends it and records it: a
 * seed the provider picked itself is never told, and the video could never be
 * made again. The draw comes from an injected source, so it is known in tests.
 */

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

async function options(random: () => number): Promise<NewJobOptions> {
  const dir = await mkdtemp(join(tmpdir(), 'keyframe-seed-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return { provider: 'apimart', outputDir: dir, nameTemplate: '{id}', appVersion: '0.0.0-test', now: Date.UTC(2026, 0, 1), random };
}

describe('drawSeed', () => {
  it('maps [0, 1) onto every seed the provider takes, 0 … 4294967295', () => {
    expect(drawSeed(() => 0)).toBe(0);
    expect(drawSeed(() => 0.5)).toBe(2_147_483_648);
    expect(drawSeed(() => 1 - Number.EPSILON)).toBe(SEED_MAX);
    // A source that strays outside [0, 1) still gives a seed in range.
    expect(drawSeed(() => 1)).toBe(SEED_MAX);
    expect(drawSeed(() => -0.2)).toBe(0);
  });
});

describe('createJob and the seed', () => {
  it('a request without a seed gets a drawn one, in the request and in the frozen body', async () => {
    const job = await createJob({ prompt: 'a kite' }, await options(() => 0.25));
    expect(job.request.seed).toBe(1_073_741_824);
    expect(job.body?.seed).toBe(1_073_741_824);
  });

  it('a request with a seed keeps it, and nothing is drawn', async () => {
    let draws = 0;
    const job = await createJob({ prompt: 'a kite', seed: 0 }, await options(() => (draws++, 0.9)));
    expect(job.request.seed).toBe(0);
    expect(job.body?.seed).toBe(0);
    expect(draws).toBe(0);
  });
});

describe('every video is reproducible', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('a job without a seed sends one, and the journal, the sidecar, the library and a retry carry the same', async () => {
    h = await createHarness({ random: () => 0.75 });
    const job = await h.submit({ prompt: 'a kite over the dunes' });
    expect(job.request.seed).toBe(3_221_225_472);
    await h.drive(finished(h, job.id));
    const done = await expectSavedVideos(h, job.id);

    expect((h.fake.stats.submitBodies[0]?.body as { seed?: number }).seed).toBe(3_221_225_472);
    const journaled = JSON.parse(await readFile(join(h.dataDir, 'jobs', `${job.id}.json`), 'utf8')) as { request: { seed: number }; body: { seed: number } };
    expect(journaled.request.seed).toBe(3_221_225_472);
    expect(journaled.body.seed).toBe(3_221_225_472);
    const sidecar = JSON.parse(await readFile(join(done.outputDir, done.outputs[0]?.sidecarName ?? ''), 'utf8')) as { seed: number; request: { seed: number }; body: { seed: number } };
    expect([sidecar.seed, sidecar.request.seed, sidecar.body.seed]).toEqual([3_221_225_472, 3_221_225_472, 3_221_225_472]);
    expect(sidecarEntry(h.engine.library.all()[0])?.sidecar.seed).toBe(3_221_225_472);

    // "Run again" makes the same video again: same settings, seed included.
    const again = await h.engine.queue.retry(job.id);
    expect(again.request.seed).toBe(3_221_225_472);
  });
});
