import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryLibrary } from '../../../electron/core/library/library-query.js';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';

let h: Harness;
afterEach(async () => h?.close());

const sidecarOf = async (jobId: string) => {
  const job = h.job(jobId);
  return JSON.parse(await readFile(join(job.outputDir, job.outputs[0]?.sidecarName ?? 'missing'), 'utf8'));
};

describe('lineage: a shot continued from an earlier video', () => {
  it('the sidecar names the parent, and the library answers parent, children and siblings, also after a rebuild from the folder', async () => {
    h = await createHarness();
    const parentJob = await h.submit({ prompt: 'a paper boat sets off', sample_count: 2, duration: 4 });
    await h.drive(finished(h, parentJob.id));
    const parentId = `${parentJob.id}-0`;

    const child = await h.engine.queue.submit(
      { prompt: 'the boat reaches the sea', duration: 4 },
      { provider: 'apimart', outputDir: h.outDir, nameTemplate: '{prompt}_{id}', lineage: { parentId, frame: 'last' } },
    );
    await h.drive(finished(h, child.id));
    expect(h.job(child.id).state).toBe('done');
    expect((await sidecarOf(child.id)).lineage).toEqual({ parentId, frame: 'last' });

    const expectFamily = () => {
      const parent = h.engine.library.family(parentId);
      expect(parent?.children.map((e) => e.id)).toEqual([`${child.id}-0`]);
      // The other output of the same job is a take of the same shot.
      expect(parent?.siblings.map((e) => e.id)).toEqual([`${parentJob.id}-1`]);
      const of = h.engine.library.family(`${child.id}-0`);
      expect(of?.parentId).toBe(parentId);
      expect(of?.parent?.id).toBe(parentId);
      expect(of?.siblings).toEqual([]);
    };
    expectFamily();

    // Rebuild from the folder alone: the index cache is gone.
    await h.engine.library.flush();
    await rm(join(h.dataDir, 'library-index.json'));
    await h.restart();
    expect(h.engine.library.all()).toHaveLength(3);
    expectFamily();
  });

  it('groups and filters the library by shot', async () => {
    h = await createHarness();
    const two = await h.submit({ prompt: 'two takes', sample_count: 2, duration: 4 });
    const one = await h.submit({ prompt: 'one take', duration: 4 });
    await h.drive(() => finished(h, two.id)() && finished(h, one.id)());
    const all = h.engine.library.all();
    expect(queryLibrary(all, {}).total).toBe(3);
    const grouped = queryLibrary(all, { group: 'shot' });
    expect(grouped.total).toBe(2);
    const shot = queryLibrary(all, { shot: `job-${two.id}` });
    expect(shot.items.map((e) => e.id).sort()).toEqual([`${two.id}-0`, `${two.id}-1`]);
  });
});
