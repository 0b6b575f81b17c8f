import { readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiCalls, driveUntilStalled, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const videoRequests = () => h.fake.stats.fileRequests.filter((r) => r.path.includes('video_task_'));
const partsIn = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.part'));

describe('restart recovery (crash + relaunch on the same data folder)', () => {
  it('a job left in submitting after a lost reply is re-sent with the same key: one task', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    const job = await h.submit({ prompt: 'crashed while submitting' });
    await h.drive(() => h.job(job.id).state === 'submitting' && h.job(job.id).attempts > 0);
    expect(h.fake.stats.tasksCreated).toBe(1);

    const report = await h.restart();
    expect(report.resumed).toBe(1);
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.fake.stats.replays).toBe(1);
    const sent = apiCalls(h, '/v1/videos/generations');
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual([job.idempotencyKey, job.idempotencyKey]);
    expect(sent[1]?.body).toBe(sent[0]?.body);
  });

  it('after a restart, a final refusal of the re-sent submit asks the person instead of failing a job whose task may exist', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    const job = await h.submit({ prompt: 'accepted, then the app died' });
    await h.drive(() => h.job(job.id).attempts > 0);
    h.fake.fault({ route: 'submit', kind: 'status', status: 402 });
    await h.restart(); // start() re-sends at once
    await h.drive(finished(h, job.id));
    // A task exists (tasksCreated 1): failing the job would invite a retry under a new key, i.e. a second paid task.
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.job(job.id)).toMatchObject({ state: 'needs_attention', attentionFrom: 'submitting', idempotencyKey: job.idempotencyKey });
    await h.engine.queue.resumeJob(job.id);
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });

  it('a generating job resumes polling its task after a restart', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'crashed while generating' });
    await h.drive(() => h.job(job.id).state === 'generating' && h.fake.stats.taskPolls >= 1);
    const taskId = h.job(job.id).taskId;
    await h.restart();
    expect(h.job(job.id)).toMatchObject({ state: 'generating', taskId });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.submits).toBe(1);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });

  it('a downloading job with a .part on disk resumes with Range after a restart', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    const job = await h.submit({ prompt: 'crashed mid-download' });
    await h.drive(() => h.job(job.id).state === 'downloading' && h.job(job.id).attempts > 0);
    const part = join(h.outDir, `${h.job(job.id).outputs[0]?.fileName}.part`);
    expect((await stat(part)).size).toBe(5000);

    const report = await h.restart();
    expect(report.strayPartsRemoved).toEqual([]);
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(videoRequests().map((r) => r.headers.range)).toEqual([undefined, 'bytes=5000-']);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });

  it('a download hanging when the app closes keeps its bytes and resumes after the restart', async () => {
    h = await createHarness({ stallTimeoutMs: 60_000 });
    h.fake.fault({ route: 'file', kind: 'stall', afterBytes: 7000 });
    const job = await h.submit({ prompt: 'closed mid-stall' });
    await driveUntilStalled(h, job.id);
    await h.restart(); // close() aborts the hung step; the .part stays
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(videoRequests().map((r) => r.headers.range)).toEqual([undefined, 'bytes=7000-']);
  });

  it('on start, the .part of a job that ended is deleted and reported; live ones and ones no job names are kept', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    const ended = await h.submit({ prompt: 'a job stopped mid-download' });
    await h.drive(() => h.job(ended.id).state === 'downloading' && h.job(ended.id).attempts > 0);
    const endedPart = `${h.job(ended.id).outputs[0]?.fileName}.part`;
    await h.engine.queue.stop(ended.id);
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 4000 });
    const live = await h.submit({ prompt: 'a job still downloading' });
    await h.drive(() => h.job(live.id).state === 'downloading' && h.job(live.id).attempts > 0);
    const livePart = `${h.job(live.id).outputs[0]?.fileName}.part`;
    // Not named by this journal: another data folder's download, or a file the person put there.
    await writeFile(join(h.outDir, 'not-in-this-journal.mp4.part'), Buffer.alloc(1234));
    await writeFile(join(h.outDir, 'notes.txt.part'), 'not a video part');

    const report = await h.restart();
    expect(report.strayPartsRemoved).toEqual([endedPart]);
    expect((await partsIn(h.outDir)).sort()).toEqual([livePart, 'not-in-this-journal.mp4.part', 'notes.txt.part'].sort());
    await h.drive(finished(h, live.id));
    expect((await partsIn(h.outDir)).sort()).toEqual(['not-in-this-journal.mp4.part', 'notes.txt.part']);
    for (const n of ['not-in-this-journal.mp4.part', 'notes.txt.part']) await unlink(join(h.outDir, n));
    await expectSavedVideos(h, live.id);
    // Cleaned once: the next start has nothing to do.
    expect((await h.restart()).strayPartsRemoved).toEqual([]);
  });

  it('a corrupt journal entry is moved to jobs/corrupt intact and reported; the other jobs still load', async () => {
    h = await createHarness();
    const a = await h.submit({ prompt: 'survivor one' });
    const b = await h.submit({ prompt: 'the damaged one' });
    const c = await h.submit({ prompt: 'survivor two' });
    await h.drive(() => [a, b, c].every((j) => h.job(j.id).state === 'generating'));
    await h.engine.queue.close();
    const garbage = '{"schema":"keyframe.job/1","id":"' + b.id + '", \u0000 garbage';
    await writeFile(join(h.dataDir, 'jobs', `${b.id}.json`), garbage);

    const report = await h.restart();
    expect(report.corrupt).toHaveLength(1);
    const entry = report.corrupt[0];
    expect(entry?.file).toBe(join(h.dataDir, 'jobs', `${b.id}.json`));
    expect(entry?.movedTo.startsWith(join(h.dataDir, 'jobs', 'corrupt'))).toBe(true);
    expect(entry?.reason).toMatch(/JSON/);
    expect(await readFile(entry?.movedTo ?? '', 'utf8')).toBe(garbage);
    expect(await readdir(join(h.dataDir, 'jobs'))).not.toContain(`${b.id}.json`);
    expect(h.logs.some((l) => l.msg.includes('corrupt journal entry'))).toBe(true);
    expect(h.engine.queue.get(b.id)).toBeUndefined();
    expect(report.resumed).toBe(2);

    await h.drive(() => finished(h, a.id)() && finished(h, c.id)());
    await expectSavedVideos(h, a.id);
    await expectSavedVideos(h, c.id);
    expect(h.fake.stats.tasksCreated).toBe(3);
  });
});
