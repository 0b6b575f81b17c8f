import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobStore } from '../../../electron/core/jobs/job-store.js';
import { sidecarFromJob } from '../../../electron/core/jobs/sidecar-from-job.js';
import { SIDECAR_MAX_BYTES, readSidecar, writeSidecar } from '../../../electron/core/library/sidecar.js';
import { toJobView } from '../../../electron/services/views.js';
import { PROMPT_MAX_CHARS, NEGATIVE_PROMPT_MAX_CHARS, GenerationRequestSchema, describeIssues } from '../../../shared/domain/generation.js';
import { BODY_MAX_JSON_BYTES, BODY_MAX_KEYS, FILE_NAME_MAX, PATH_MAX, PROVIDER_ID_MAX, REQUEST_IDS_MAX, SHORT_TEXT_MAX, TAGS_MAX, TAG_MAX_CHARS, URL_MAX, ID_MAX, PlainFileNameSchema } from '../../../shared/domain/bounds.js';
import { JobSchema, type Job } from '../../../shared/domain/job.js';
import { VideoSidecarSchema, type VideoSidecar } from '../../../shared/domain/video.js';
import { AppErrorSchema, AppFailure, ERROR_DETAIL_MAX, ERROR_MESSAGE_MAX, clipText, isAppFailure } from '../../../shared/errors.js';
import { JobViewSchema } from '../../../shared/ipc/views.js';
import { makeSidecar } from '../library/make-sidecar.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-bounds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The describeIssues lines of a failed parse (empty when it passed). */
function problems(result: { success: true } | { success: false; error: Parameters<typeof describeIssues>[0] }): string[] {
  return result.success ? [] : describeIssues(result.error);
}

function makeJob(over: Partial<Job> = {}): Job {
  return JobSchema.parse({
    schema: 'keyframe.job/1',
    id: 'job_bounds_1',
    provider: 'demo',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    state: 'downloading',
    request: { prompt: 'a paper boat' },
    idempotencyKey: 'keyframe-job_bounds_1',
    frames: [],
    outputDir: '/videos',
    nameTemplate: '{date}_{prompt}',
    taskId: 'task_1',
    requestIds: ['req_1'],
    outputs: [{ index: 0, fileName: 'boat.mp4', url: 'https://cdn.example/boat.mp4' }],
    appVersion: '0.1.0',
    ...over,
  });
}

describe('plain file names', () => {
  it.each([
    ['../outside/x.mp4', /without a folder/],
    ['sub/x.mp4', /without a folder/],
    ['..\\x.mp4', /without a folder/],
    ['..', /start with a dot/],
    ['.', /start with a dot/],
    ['.hidden.mp4', /start with a dot/],
    ['x\0.mp4', /NUL/],
    ['', /empty/],
    ['x'.repeat(FILE_NAME_MAX + 1), /too long/],
  ])('refuses %j', (name, why) => {
    const parsed = PlainFileNameSchema.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(problems(parsed).join('\n')).toMatch(why);
  });

  it.each(['clip-1.mp4', '2026-01-01_10-00_a boat (2).mp4', '배 위의 종이배.keyframe.json', 'x'.repeat(FILE_NAME_MAX), 'a..b.mp4'])('accepts %j', (name) => {
    expect(PlainFileNameSchema.safeParse(name).success).toBe(true);
  });
});

describe('sidecar bounds', () => {
  const long = (n: number): string => 'x'.repeat(n + 1);
  const cases: [string, Partial<VideoSidecar>, RegExp][] = [
    ['id', { id: long(ID_MAX) }, /^id: Video id is too long/],
    ['jobId', { jobId: long(ID_MAX) }, /^jobId: Job id is too long/],
    ['file', { file: '../outside/x.mp4' }, /^file: Video file name must be a plain file name/],
    ['model', { model: long(SHORT_TEXT_MAX) }, /^model: Model is too long/],
    ['taskId', { taskId: long(3_500_000) }, /^taskId: Task id is too long \(256 characters at most\)/],
    ['sha256', { sha256: long(SHORT_TEXT_MAX) }, /^sha256: Video hash is too long/],
    ['appVersion', { appVersion: long(SHORT_TEXT_MAX) }, /^appVersion: App version is too long/],
    ['a request id', { requestIds: [long(PROVIDER_ID_MAX)] }, /^requestIds\.0: Request id is too long/],
    ['request ids', { requestIds: Array.from({ length: REQUEST_IDS_MAX + 1 }, (_, i) => `r${i}`) }, /^requestIds: Request ids has too many entries \(64 at most\)/],
    ['frames', { frames: [{ role: 'first' }, { role: 'last' }, { role: 'last' }] }, /^frames: Frames has too many entries \(2 at most\)/],
    ['a frame path', { frames: [{ role: 'first', path: long(PATH_MAX) }] }, /^frames\.0\.path: Frame path is too long/],
    ['a frame URL', { frames: [{ role: 'first', uploadedUrl: long(URL_MAX) }] }, /^frames\.0\.uploadedUrl: Frame upload URL is too long \(4096/],
    ['a tag', { user: { favorite: false, tags: ['x'.repeat(TAG_MAX_CHARS + 1)] } }, /^user\.tags\.0: Tag is too long \(40/],
    ['tags', { user: { favorite: false, tags: Array.from({ length: TAGS_MAX + 1 }, (_, i) => `t${i}`) } }, /^user\.tags: Tags has too many entries \(20/],
    ['body keys', { body: Object.fromEntries(Array.from({ length: BODY_MAX_KEYS + 1 }, (_, i) => [`k${i}`, 1])) }, /^body: Request body has too many fields/],
    ['body size', { body: { prompt: '語'.repeat(20_000) } }, /^body: Request body is too large/],
  ];

  it.each(cases)('refuses an over-long %s, naming the field', (_, over, message) => {
    const parsed = VideoSidecarSchema.safeParse({ ...makeSidecar(1), ...over });
    expect(problems(parsed)[0]).toMatch(message);
  });

  it('accepts a tag of 40 characters outside the basic plane (80 UTF-16 units)', () => {
    const tags = ['🎬'.repeat(TAG_MAX_CHARS)];
    expect(VideoSidecarSchema.safeParse({ ...makeSidecar(1), user: { favorite: false, tags } }).success).toBe(true);
  });

  it('reads back the largest sidecar the schema accepts: the size limit is above it', async () => {
    const wide = (n: number): string => '語'.repeat(n); // 3 bytes each in UTF-8
    const url = (n: number): string => `https://cdn.example/${'u'.repeat(n - 'https://cdn.example/'.length)}`;
    const request = GenerationRequestSchema.parse({
      prompt: wide(PROMPT_MAX_CHARS),
      negative_prompt: wide(NEGATIVE_PROMPT_MAX_CHARS),
      first_frame_image: { kind: 'file', path: wide(PATH_MAX) },
      last_frame_image: { kind: 'url', url: url(URL_MAX) },
    });
    const body = { prompt: request.prompt, negative_prompt: request.negative_prompt, first_frame_image: url(URL_MAX), last_frame_image: url(URL_MAX) };
    const sidecar = VideoSidecarSchema.parse({
      ...makeSidecar(1),
      id: `${'j'.repeat(ID_MAX - 2)}-0`,
      jobId: 'j'.repeat(ID_MAX),
      file: `${wide(40)}.mp4`,
      model: wide(SHORT_TEXT_MAX),
      sha256: wide(SHORT_TEXT_MAX),
      request,
      body: { ...body, pad: wide(Math.floor((BODY_MAX_JSON_BYTES - new TextEncoder().encode(JSON.stringify(body)).length) / 3) - 10) },
      taskId: wide(PROVIDER_ID_MAX),
      requestIds: Array.from({ length: REQUEST_IDS_MAX }, () => wide(PROVIDER_ID_MAX)),
      frames: (['first', 'last'] as const).map((role) => ({ role, path: wide(PATH_MAX), sourceUrl: url(URL_MAX), sha256: wide(SHORT_TEXT_MAX), uploadedUrl: url(URL_MAX) })),
      appVersion: wide(SHORT_TEXT_MAX),
      user: { favorite: true, tags: Array.from({ length: TAGS_MAX }, (_, i) => `${i}${wide(TAG_MAX_CHARS - 2)}`) },
    });
    const name = await writeSidecar(dir, sidecar);
    const bytes = (await readFile(join(dir, name))).length;
    expect(bytes).toBeLessThan(SIDECAR_MAX_BYTES);
    expect(await readSidecar(join(dir, name))).toEqual(sidecar);
  });

  it('does not read a sidecar file over 256 KiB, even one the schema would accept', async () => {
    expect(SIDECAR_MAX_BYTES).toBe(256 * 1024);
    const path = join(dir, 'big.keyframe.json');
    await writeFile(path, JSON.stringify(makeSidecar(1), null, 2) + ' '.repeat(SIDECAR_MAX_BYTES));
    await expect(readSidecar(path)).rejects.toMatchObject({ app: { code: 'corrupt_data', message: expect.stringMatching(/file too large/) } });
  });

  it('refuses a sidecar whose video file is not a plain name, naming the field', async () => {
    const path = join(dir, 'c.keyframe.json');
    await writeFile(path, JSON.stringify({ ...makeSidecar(3), file: '.hidden.mp4' }));
    const err = await readSidecar(path).catch((e: unknown) => e);
    if (!isAppFailure(err)) throw new Error('expected a failure');
    expect(err.app).toMatchObject({ code: 'corrupt_data', detail: expect.stringMatching(/^file: Video file name must not start with a dot/) });
  });
});

describe('job journal bounds', () => {
  it.each([
    ['outputs.0.fileName', { outputs: [{ index: 0, fileName: '../outside/x.mp4', bytesDone: 0, saved: false }] }, /Output file name must be a plain file name/],
    ['outputs.0.sidecarName', { outputs: [{ index: 0, fileName: 'x.mp4', sidecarName: '/etc/x.keyframe.json', bytesDone: 0, saved: false }] }, /Sidecar file name must be a plain file name/],
    ['outputs', { outputs: Array.from({ length: 5 }, (_, index) => ({ index, fileName: `x${index}.mp4`, bytesDone: 0, saved: false })) }, /Outputs has too many entries \(4 at most\)/],
    ['thumbnailUrl', { thumbnailUrl: 'x'.repeat(URL_MAX + 1) }, /Thumbnail link is too long/],
    ['error.detail', { error: { code: 'internal', message: 'm', detail: 'x'.repeat(ERROR_DETAIL_MAX + 1) } }, /Error detail is too long/],
    ['error.message', { error: { code: 'internal', message: 'x'.repeat(ERROR_MESSAGE_MAX + 1) } }, /Error message is too long/],
  ] as [string, Partial<Job>, RegExp][])('refuses a bad %s, naming the field', (field, over, message) => {
    const line = problems(JobSchema.safeParse({ ...makeJob(), ...over }))[0] ?? '';
    expect(line.startsWith(`${field}: `)).toBe(true);
    expect(line).toMatch(message);
  });

  it('moves an entry with an output file name outside the output folder to jobs/corrupt, naming the field', async () => {
    const store = new JobStore(dir);
    const good = makeJob({ id: 'job_good' });
    await store.save(good);
    const crafted = { ...makeJob({ id: 'job_crafted' }), outputs: [{ index: 0, fileName: '../outside/x.mp4', url: 'https://cdn.example/x.mp4', bytesDone: 0, saved: false }] };
    await writeFile(join(store.dir, 'job_crafted.json'), JSON.stringify(crafted));

    const loaded = await store.loadAll(1_700_000_000_999);
    expect(loaded.jobs.map((j) => j.id)).toEqual(['job_good']);
    expect(loaded.corrupt).toHaveLength(1);
    expect(loaded.corrupt[0]?.reason).toMatch(/^outputs\.0\.fileName: Output file name must be a plain file name/);
    expect(await readdir(store.corruptDir)).toEqual(['job_crafted.json.1700000000999.corrupt']);
  });

  it('journals a job carrying over-long provider words so that it loads again', async () => {
    const store = new JobStore(dir);
    const job: Job = {
      ...makeJob(),
      providerStatus: 's'.repeat(10_000),
      requestIds: Array.from({ length: 100 }, (_, i) => `req_${i}`).concat('r'.repeat(PROVIDER_ID_MAX + 1)),
      thumbnailUrl: `https://cdn.example/${'t'.repeat(URL_MAX)}`,
      // As a provider's failure text reaches a job without passing through AppFailure.
      error: { code: 'generation_failed', message: `The generation failed: ${'w'.repeat(50_000)}`, detail: 'd'.repeat(200_000), requestId: 'q'.repeat(1000) },
    };
    await store.save(job);
    const { jobs, corrupt } = await store.loadAll(0);
    expect(corrupt).toEqual([]);
    const back = jobs[0];
    expect(back?.requestIds).toHaveLength(REQUEST_IDS_MAX);
    expect(back?.requestIds.at(-1)).toBe('req_99');
    expect(back?.thumbnailUrl).toBeUndefined();
    expect(back?.providerStatus).toHaveLength(SHORT_TEXT_MAX);
    expect(back?.error?.message).toMatch(/^The generation failed: w+…$/);
    expect(back?.error?.detail).toHaveLength(ERROR_DETAIL_MAX);
    // The ids and links the job still needs are kept as they were.
    expect(back?.outputs[0]?.url).toBe('https://cdn.example/boat.mp4');
    expect(back?.taskId).toBe('task_1');
  });

  it('shows a job whose error is longer than the contract allows, clipped', () => {
    const job: Job = { ...makeJob(), state: 'failed', error: { code: 'generation_failed', message: 'm'.repeat(5000), detail: 'd'.repeat(50_000) } };
    const view = JobViewSchema.safeParse(toJobView(job));
    expect(problems(view)).toEqual([]);
  });

  it('saves the sidecar of a job with more request ids than a sidecar keeps', async () => {
    const job: Job = { ...makeJob(), requestIds: Array.from({ length: 80 }, (_, i) => `req_${i}`) };
    const output = job.outputs[0];
    if (!output) throw new Error('no output');
    const sidecar = sidecarFromJob(job, output, { bytes: 10, sha256: 'ab'.repeat(32), savedAt: 1 });
    const name = await writeSidecar(dir, sidecar);
    expect((await readSidecar(join(dir, name))).requestIds).toHaveLength(REQUEST_IDS_MAX);
  });
});

describe('error bounds', () => {
  it('clips an AppFailure to the schema where it is made', () => {
    const failure = new AppFailure({ code: 'server_error', message: 'x'.repeat(ERROR_MESSAGE_MAX * 3), detail: 'y'.repeat(ERROR_DETAIL_MAX * 3), requestId: 'r'.repeat(5000), field: 'f'.repeat(5000) });
    expect(AppErrorSchema.safeParse(failure.app).success).toBe(true);
    expect(failure.app.message).toHaveLength(ERROR_MESSAGE_MAX);
    expect(failure.app.message.endsWith('…')).toBe(true);
    expect(failure.message).toBe(failure.app.message);
  });

  it('leaves a short error as it is', () => {
    const app = { code: 'io' as const, message: 'Disk said no.', detail: 'EACCES' };
    expect(new AppFailure(app).app).toBe(app);
  });

  it('never cuts a character outside the basic plane in half', () => {
    const clipped = clipText('a' + '🎬'.repeat(10), 4);
    expect(clipped).toBe('a🎬…');
    expect(clipText('ab🎬🎬', 4)).toBe('ab…');
  });
});
