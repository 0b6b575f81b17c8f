import { join } from 'node:path';
import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';
import { afterEach, describe, expect, it } from 'vitest';
import { readMp4Provenance } from '../../../electron/core/library/mp4-provenance.js';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

describe('a finished job’s video says how it was made', () => {
  it('carries prompt, model, seed, task id and version in its own metadata; the sidecar describes that file', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'a lighthouse at dawn, 등대', seed: 7, duration: 4 });
    await h.drive(finished(h, job.id));
    // Same media as served, the sidecar's hash and size those of the labelled file.
    const done = await expectSavedVideos(h, job.id);
    const output = done.outputs[0];
    if (!output) throw new Error('no output');
    const path = join(done.outputDir, output.fileName);
    expect(await readMp4Provenance(path)).toEqual({ prompt: 'a lighthouse at dawn, 등대', model: done.request.model, seed: 7, taskId: done.taskId, appVersion: done.appVersion });
    const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
    try {
      const tags = await input.getMetadataTags();
      expect(tags.title).toBe('a lighthouse at dawn, 등대');
      expect(JSON.parse(tags.comment ?? '')).toMatchObject({ keyframe: 1, taskId: done.taskId, seed: 7 });
    } finally {
      input.dispose();
    }
  });
});
