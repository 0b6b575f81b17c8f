import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import { isTerminal } from '../../../shared/domain/job.js';
import type { QueueBatchInput } from '../../../electron/core/batch/batches.js';
import { createHarness, type Harness } from '../../support/engine-harness.js';
import { appFailure } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const rows = (...prompts: string[]) => prompts.map((prompt, i) => ({ row: i + 1, request: GenerationRequestSchema.parse({ prompt, duration: 4 }) }));
const batchOf = (input: Pick<QueueBatchInput, 'rows'> & Partial<QueueBatchInput>): QueueBatchInput => ({
  source: 'text',
  provider: 'apimart',
  outputDir: h.outDir,
  nameTemplate: '{prompt}_{id}',
  ...input,
});
const jobsOf = (id: string) =>
  h.engine.queue
    .list()
    .filter((j) => j.batch?.id === id)
    .sort((a, b) => (a.batch?.row ?? 0) - (b.batch?.row ?? 0));
const allEnded = (id: string) => () => jobsOf(id).length > 0 && jobsOf(id).every((j) => isTerminal(j.state));

describe('batches in the queue', () => {
  it('queues one job per row, each knowing its batch row and shot, and reports "n of m"', async () => {
    h = await createHarness();
    const queued = await h.engine.batches.queue(batchOf({ rows: rows('a boat', 'a crane', 'a kite') }));
    expect(queued).toMatchObject({ state: 'running', jobs: 3, done: 0 });
    const jobs = jobsOf(queued.record.id);
    expect(jobs.map((j) => [j.batch?.row, j.shot?.key])).toEqual([
      [1, `batch-${queued.record.id}-r1`],
      [2, `batch-${queued.record.id}-r2`],
      [3, `batch-${queued.record.id}-r3`],
    ]);
    await h.drive(allEnded(queued.record.id));
    expect(h.engine.batches.get(queued.record.id)).toMatchObject({ state: 'finished', jobs: 3, done: 3 });
    expect(h.fake.stats.tasksCreated).toBe(3);
    const record = JSON.parse(await readFile(join(h.dataDir, 'batches', `${queued.record.id}.json`), 'utf8'));
    expect(record).toMatchObject({ state: 'active', rows: jobs.map((j, i) => ({ row: i + 1, jobId: j.id })) });
  });

  it('numbers the takes of a sweep across its rows, as one shot', async () => {
    h = await createHarness();
    const sweep = [1, 2].map((seed, i) => ({ row: i + 1, request: GenerationRequestSchema.parse({ prompt: 'a boat', seed, sample_count: 2 }) }));
    const queued = await h.engine.batches.queue(batchOf({ source: 'sweep', rows: sweep }));
    expect(jobsOf(queued.record.id).map((j) => j.shot)).toEqual([
      { key: `sweep-${queued.record.id}`, firstTake: 1 },
      { key: `sweep-${queued.record.id}`, firstTake: 3 },
    ]);
  });

  it('a paused batch holds its jobs not yet started; the ones already with the provider carry on', async () => {
    h = await createHarness({ concurrency: 1 });
    const queued = await h.engine.batches.queue(batchOf({ rows: rows('first', 'second', 'third') }));
    const id = queued.record.id;
    const [first] = jobsOf(id);
    await h.drive(() => h.job(first!.id).state === 'generating');
    await h.engine.batches.setPaused(id, true);
    await h.drive(() => isTerminal(h.job(first!.id).state));
    expect(h.job(first!.id).state).toBe('done');
    // Nothing else runs while paused, however long the clock runs.
    for (let i = 0; i < 20 && h.clock.runNext(); i++) await h.engine.queue.settled();
    expect(jobsOf(id).map((j) => j.state)).toEqual(['done', 'queued', 'queued']);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.engine.batches.get(id)).toMatchObject({ state: 'paused', done: 1, jobs: 3 });

    // Still paused after a restart: its jobs keep waiting.
    await h.restart();
    for (let i = 0; i < 20 && h.clock.runNext(); i++) await h.engine.queue.settled();
    expect(jobsOf(id).map((j) => j.state)).toEqual(['done', 'queued', 'queued']);

    await h.engine.batches.setPaused(id, false);
    await h.drive(allEnded(id));
    expect(jobsOf(id).map((j) => j.state)).toEqual(['done', 'done', 'done']);
    expect(h.fake.stats.tasksCreated).toBe(3);
  });

  it('queues nothing when one row cannot become a job (a frame file that is not there)', async () => {
    h = await createHarness();
    const bad = GenerationRequestSchema.parse({ prompt: 'from a photo', first_frame_image: { kind: 'file', path: join(h.outDir, 'missing.png') } });
    const err = await appFailure(() => h.engine.batches.queue(batchOf({ rows: [...rows('a boat'), { row: 2, request: bad }] })));
    expect(err.field).toBe('first_frame_image');
    expect(h.engine.queue.list()).toEqual([]);
    expect(await readdir(join(h.dataDir, 'jobs')).then((n) => n.filter((f) => f.endsWith('.json')))).toEqual([]);
    expect(await readdir(join(h.dataDir, 'batches'))).toEqual([]);
    expect(h.engine.batches.list()).toEqual([]);
  });
});
