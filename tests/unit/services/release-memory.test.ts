import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullGarbageCollector } from '../../../electron/core/util/full-gc.js';
import { createServiceHarness, type ServiceHarness } from './service-harness.js';

/**
 * After the library's start-up check (a bulk job over every file), the
 * services ask for a full collection once, so an idle main process gives that
 * job's garbage back; and the collector really collects.
 */

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('release memory after the library check', () => {
  it('asks once, after the check of the library folders has ended', async () => {
    const releaseMemory = vi.fn();
    h = await createServiceHarness({ ports: { releaseMemory } });
    await vi.waitFor(() => expect(releaseMemory).toHaveBeenCalledTimes(1));
    // Nothing else asks for it: a job, a query or a poster does not.
    await h.call('library:query', {});
    expect(releaseMemory).toHaveBeenCalledTimes(1);
  });

  it('the collector collects: an object no one holds is gone after it runs', async () => {
    const collect = fullGarbageCollector();
    // Made in its own job: a WeakRef's target lives at least until the job that created it ends.
    const ref = await new Promise<WeakRef<object>>((resolve) => setImmediate(() => resolve(new WeakRef({ big: new Array(1000).fill(1) }))));
    await new Promise((r) => setImmediate(r));
    collect();
    expect(ref.deref()).toBeUndefined();
  });
});
