import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { expectSavedVideos } from '../../support/queue-helpers.js';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../support/small-disk.js';

/**
 * A paid video is never recorded as saved unless the file on disk is the
 * video: the job's sidecar states the length and sha256 of the bytes on disk,
 * and a disk that fills mid-download leaves a resumable part, not a "done".
 */

let h: Harness | undefined;
let disk: SmallDisk | undefined;
afterEach(async () => {
  // Unmount before the harness deletes its folders: a mount point cannot be removed.
  await disk?.unmount();
  disk = undefined;
  await h?.close();
  h = undefined;
});

const noSmallDisk = await smallDiskUnavailable();
const videoRequests = (harness: Harness) => harness.fake.stats.fileRequests.filter((r) => r.path.includes('video_task_'));

describe('saved outputs match the file on disk', () => {
  it('a file under the output name that is not an MP4 is never adopted as the saved video', async () => {
    h = await createHarness();
    // The first download attempt fails before any byte, leaving time to plant a file under the reserved name.
    h.fake.fault({ route: 'file', kind: 'status', status: 503 });
    const job = await h.submit({ prompt: 'somebody else’s file' });
    const harness = h;
    await harness.drive(() => harness.job(job.id).error?.code === 'download_failed' || finished(harness, job.id)());
    const output = harness.job(job.id).outputs[0];
    if (!output) throw new Error('no output reserved');
    const foreign = join(harness.outDir, output.fileName);
    await writeFile(foreign, '<html>not a video</html>');

    await harness.drive(finished(harness, job.id));
    const after = harness.job(job.id);
    expect(after.state).toBe('needs_attention');
    expect(after.error).toMatchObject({ code: 'io', retryable: false });
    expect(after.outputs[0]?.saved).toBe(false);
    // The file is left as it was and no record claims it is the video.
    expect(await readFile(foreign, 'utf8')).toBe('<html>not a video</html>');
    expect((await readdir(harness.outDir)).filter((n) => n.endsWith('.json'))).toEqual([]);
  });

  it('a disk that fills mid-download is disk_full with only the part kept; freed space resumes it to a verified file', async (ctx) => {
    if (noSmallDisk !== undefined) return ctx.skip(`no small disk: ${noSmallDisk}`);
    h = await createHarness();
    await mkdir(h.outDir, { recursive: true });
    // Two pages: smaller than the 29 kB 9:16 fixture the fake serves.
    disk = await mountSmallDisk(h.outDir, 8192);
    const job = await h.submit({ prompt: 'no room for this one', aspect_ratio: '9:16' });
    const harness = h;
    await harness.drive(() => harness.job(job.id).error?.code === 'disk_full' || finished(harness, job.id)());

    const stuck = harness.job(job.id);
    expect(stuck.error).toMatchObject({ code: 'disk_full', retryable: true });
    // Waits for the person (or the queue's own disk-full tick) instead of failing.
    expect(stuck.state).toBe('needs_attention');
    const output = stuck.outputs[0];
    if (!output) throw new Error('no output reserved');
    expect(output.saved).toBe(false);
    // No video under its final name and no sidecar: only the part, to resume from.
    expect(await readdir(harness.outDir)).toEqual([`${output.fileName}.part`]);
    const partSize = (await stat(join(harness.outDir, `${output.fileName}.part`))).size;
    expect(partSize).toBeGreaterThan(0);
    expect(partSize).toBeLessThanOrEqual(8192);
    expect(output.bytesDone).toBe(partSize);

    await disk.resize(1024 * 1024);
    // Nobody resumes it by hand: the queue's disk-full tick finds the room and finishes the job.
    await harness.drive(() => harness.job(job.id).state === 'done');
    // Done only now, and its sidecar states the length and sha256 of the file on disk.
    await expectSavedVideos(harness, job.id);
    expect(videoRequests(harness).at(-1)?.headers.range).toBe(`bytes=${partSize}-`);
    expect(harness.fake.stats.tasksCreated).toBe(1);
  });
});
