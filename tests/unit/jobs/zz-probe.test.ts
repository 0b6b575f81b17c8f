import { afterEach, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';

let h: Harness;
afterEach(async () => h?.close());
for (let i = 0; i < 30; i++) {
  it(`probe ${i}`, async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    const job = await h.submit({ prompt: 'cut off mid-file' });
    await h.drive(finished(h, job.id));
    const reqs = h.fake.stats.fileRequests.filter((r) => r.path.includes('video_task_'));
    expect(reqs[1]?.headers.range).toBe('bytes=5000-');
  });
}
