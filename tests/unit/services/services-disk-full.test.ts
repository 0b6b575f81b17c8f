import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DISK_FULL_RETRY_MS } from '../../../electron/core/jobs/job-queue.js';
import { openJsonSettingsStore } from '../../../electron/host/json-settings-store.js';
import type { SettingsStore } from '../../../electron/services/types.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { mountSmallDisk, tmpfsSupport, type SmallDisk } from '../../support/full-disk.js';
import { allFiles } from '../../support/queue-helpers.js';
import { defaultSettings, MemoryLogger } from './fakes.js';
import { callError, createServiceHarness, jobState, type ServiceHarness } from './service-harness.js';

/**
 * The app's services with their data folder and output folder on one small
 * real disk (a tmpfs), filled while a job generates: the way the browser host
 * runs on a machine that runs out of space.
 */

const support = await tmpfsSupport();

/** The browser host's settings file in the data folder, opened once the folder exists. */
function settingsInDataFolder(): SettingsStore & { open(dataDir: string, outDir: string): void } {
  let inner: SettingsStore | undefined;
  const store = () => {
    if (!inner) throw new Error('settings store not opened yet');
    return inner;
  };
  return {
    open(dataDir, outDir) {
      inner = openJsonSettingsStore(dataDir, defaultSettings(outDir), new MemoryLogger()).store;
    },
    get: () => store().get(),
    update: (patch) => store().update(patch),
  };
}

describe.skipIf(!support.ok)(`services on a disk that fills up${support.ok ? '' : ` (skipped: ${support.reason})`}`, () => {
  let h: ServiceHarness | undefined;
  let disk: SmallDisk | undefined;
  afterEach(async () => {
    await h?.close();
    await disk?.release();
    h = undefined;
    disk = undefined;
  });

  it('the data folder fills while a job generates: nothing crashes, everything says disk_full, and the job finishes once when space is freed', async () => {
    const small = await mountSmallDisk(4 * 1024 * 1024);
    disk = small;
    const settings = settingsInDataFolder();
    h = await createServiceHarness({
      key: TEST_KEY,
      ports: { settings },
      async prepare({ dataDir, outDir }) {
        // Both folders live on the small disk; the harness still removes its own temp folder.
        await mkdir(join(small.dir, 'data'));
        await mkdir(join(small.dir, 'out'));
        await symlink(join(small.dir, 'data'), dataDir);
        await symlink(join(small.dir, 'out'), outDir);
        settings.open(dataDir, outDir);
      },
    });
    const s = h;
    const first = await s.call('jobs:submit', { request: { prompt: 'made while there was room', duration: 4 } });
    await s.drive(() => jobState(s, first.id) === 'done');
    const firstVideo = `${first.id}-0`;

    const job = await s.call('jobs:submit', { request: { prompt: 'the disk fills while this generates', duration: 4 } });
    await s.drive(() => jobState(s, job.id) === 'generating');
    await small.fill();

    await s.drive(() => jobState(s, job.id) === 'needs_attention');
    const [waiting] = (await s.call('jobs:list')).filter((j) => j.id === job.id);
    expect(waiting?.error).toMatchObject({ code: 'disk_full' });
    expect(waiting?.error?.message).toMatch(/^The disk is full/);

    // Every operation that needs to write says the disk is full, and changes nothing.
    const refusals = [
      await callError(s, 'jobs:submit', { request: { prompt: 'no room for this one', duration: 4 } }),
      await callError(s, 'jobs:pauseQueue'),
      await callError(s, 'settings:update', { concurrency: 2 }),
      await callError(s, 'library:setFavorite', { id: firstVideo, favorite: true }),
      await callError(s, 'library:setTags', { id: firstVideo, tags: ['boats'] }),
    ];
    for (const error of refusals) {
      expect(error.code).toBe('disk_full');
      expect(error.message).toMatch(/^The disk is full.*free some space/);
    }
    expect((await s.call('jobs:list')).map((j) => j.id).sort()).toEqual([first.id, job.id].sort());
    expect((await s.call('jobs:queueState')).paused).toBe(false);
    expect((await s.call('settings:get')).concurrency).toBe(3);
    expect(await s.call('library:get', { id: firstVideo })).toMatchObject({ favorite: false, tags: [] });
    expect((await allFiles(small.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // Still full: it keeps waiting, quietly.
    s.clock.advance(2 * DISK_FULL_RETRY_MS);
    await s.engine.queue.settled();
    expect(jobState(s, job.id)).toBe('needs_attention');

    await small.free();
    await s.drive(() => jobState(s, job.id) === 'done');
    const out = await readdir(join(small.dir, 'out'));
    expect(out.filter((n) => n.endsWith('.mp4'))).toHaveLength(2);
    expect(out.filter((n) => n.endsWith('.keyframe.json'))).toHaveLength(2);
    expect((await s.call('library:query', {})).total).toBe(2);
    const videoPath = new URL(s.engine.queue.get(job.id)?.outputs[0]?.url ?? 'http://missing/').pathname;
    expect(s.fake.stats.fileRequests.filter((r) => r.path.startsWith(videoPath))).toHaveLength(1);
    expect(s.fake.stats.tasksCreated).toBe(2);
    expect((await allFiles(small.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // With room again, the refused edits work.
    expect(await s.call('library:setFavorite', { id: firstVideo, favorite: true })).toMatchObject({ favorite: true });
    expect((await s.call('jobs:pauseQueue')).paused).toBe(true);
  });
});
