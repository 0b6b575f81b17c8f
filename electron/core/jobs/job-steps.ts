import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { buildApiBody } from '../../../shared/domain/generation.js';
import type { Job, JobOutput } from '../../../shared/domain/job.js';
import type { ApimartClient } from '../apimart/client.js';
import { isModelUnavailable } from '../apimart/errors.js';
import type { TaskSnapshot } from '../apimart/task-snapshot.js';
import { loadLocalFrame } from '../frames/local-frame.js';
import type { UploadCache } from '../frames/upload-cache.js';
import type { Clock, HttpGet, RandomSource } from '../ports.js';
import { downloadToFile } from '../library/downloader.js';
import { allocateFileName, renderFileStem, sidecarNameFor } from '../library/file-naming.js';
import { writeSidecar } from '../library/sidecar.js';
import { hashExistingVideo } from './existing-video.js';
import type { JobEvent } from './job-machine.js';
import { pollSpacingMs } from './poll-budget.js';
import { firstPollDelayMs, nextPollDelayMs, pollFloorMs, shouldPark } from './poll-policy.js';
import { sidecarFromJob } from './sidecar-from-job.js';
import { describeTaskFailure } from './task-failure.js';

/** What a step needs from the queue. */
export interface StepContext {
  client: ApimartClient;
  fileGet: HttpGet;
  uploads: UploadCache;
  clock: Clock;
  random: RandomSource;
  stallTimeoutMs: number;
  signal: AbortSignal;
  /** Resolves when the key may use `model` (cached for a day); throws the refusal before anything is sent. */
  checkModel(model: string): Promise<void>;
  /** Forgets that the key may use `model`: the provider said otherwise, so the next job asks again. */
  forgetModel(model: string): Promise<void>;
  /** Applies an event to the job and returns the new job; `persist` writes the journal first. */
  dispatch(event: JobEvent, persist: boolean): Promise<Job>;
  /**
   * Runs `pick` with the file names other unfinished jobs hold, one job at a time: names are
   * chosen by looking at the folder (awaits), so two jobs picking at once could both find the
   * same free name. Names passed to `claim` stay held until the job has recorded them.
   */
  pickNames<T>(pick: (held: ReadonlySet<string>, claim: (name: string) => void) => Promise<T>): Promise<T>;
  /** How many jobs are waiting on the provider now (drives the queue-wide poll budget). */
  generatingCount(): number;
  addToLibrary(dir: string, sidecarName: string): Promise<void>;
}

export async function runStep(job: Job, ctx: StepContext): Promise<void> {
  switch (job.state) {
    case 'queued':
      return startJob(job, ctx);
    case 'uploading':
      return uploadFrames(job, ctx);
    case 'submitting':
      return submit(job, ctx);
    case 'generating':
      return poll(job, ctx);
    case 'downloading':
      return download(job, ctx);
    default:
      return;
  }
}

async function startJob(job: Job, ctx: StepContext): Promise<void> {
  const needsUpload = job.frames.some((f) => f.path && !f.uploadedUrl);
  const body = job.body ? undefined : needsUpload ? undefined : buildApiBody(job.request, {});
  await ctx.dispatch({ type: 'start', needsUpload, ...(body ? { body } : {}) }, true);
}

async function uploadFrames(job: Job, ctx: StepContext): Promise<void> {
  // Frames are not uploaded for a model this key may not use.
  await ctx.checkModel(job.request.model);
  const origin = new URL(ctx.client.baseUrl).origin;
  let current = job;
  for (const frame of job.frames) {
    if (!frame.path || frame.uploadedUrl) continue;
    const now = ctx.clock.now();
    const cached = frame.sha256 ? await ctx.uploads.get(origin, frame.sha256, now) : undefined;
    if (cached) {
      current = await ctx.dispatch({ type: 'frame_uploaded', role: frame.role, url: cached.url, expiresAt: cached.expiresAt }, true);
      continue;
    }
    const { info, bytes } = await loadLocalFrame(frame.path);
    if (frame.sha256 && info.sha256 !== frame.sha256) {
      throw appFailure('invalid_file', errorMessage(frame.role === 'first' ? 'job.frame_changed.first' : 'job.frame_changed.last'), { retryable: false });
    }
    const ext = info.contentType.split('/')[1] ?? 'png';
    const uploaded = await ctx.client.uploadImage({ bytes, filename: `${frame.role}-frame.${ext}`, contentType: info.contentType });
    await ctx.uploads.put(origin, info.sha256, { url: uploaded.url, expiresAt: uploaded.expiresAt }, ctx.clock.now());
    current = await ctx.dispatch({ type: 'frame_uploaded', role: frame.role, url: uploaded.url, expiresAt: uploaded.expiresAt }, true);
  }
  const url = (role: 'first' | 'last') => current.frames.find((f) => f.role === role)?.uploadedUrl;
  await ctx.dispatch({ type: 'body_frozen', body: buildApiBody(current.request, { first: url('first'), last: url('last') }) }, true);
}

async function submit(job: Job, ctx: StepContext): Promise<void> {
  if (!job.body) throw new Error('submitting without a frozen body');
  // Cached after the first job with this model: a refusal here comes before anything is charged.
  await ctx.checkModel(job.request.model);
  // Always the identical stored body with the job's own key: a replay can never create a second task.
  const res = await ctx.client.submit(job.body, job.idempotencyKey).catch(async (err: unknown) => {
    // The submit's own error is what the job shows, whatever becomes of forgetting.
    if (err instanceof AppFailure && isModelUnavailable(err.app)) await ctx.forgetModel(job.request.model).catch(() => undefined);
    throw err;
  });
  if (res.kind === 'task') {
    await ctx.dispatch(
      {
        type: 'submit_accepted',
        taskId: res.taskId,
        requestIds: res.requestIds,
        replayed: res.replayed,
        estimatedTimeS: res.estimatedTimeS,
        firstPollAt: ctx.clock.now() + firstPollDelayMs(res.nextPollAfterS),
      },
      true,
    );
    return;
  }
  // A finished result in the reply itself: never sent again, downloaded like a completed task's.
  const result = { ...res.result, videos: res.result.videos.slice(0, job.request.sample_count) };
  if (result.phase === 'failed' || result.phase === 'cancelled') throw new AppFailure(describeTaskFailure(result));
  await ctx.dispatch(
    {
      type: 'submit_completed',
      requestIds: res.requestIds,
      replayed: res.replayed,
      videos: result.videos,
      outputs: await reserveOutputs(job, result, ctx),
      thumbnailUrl: result.thumbnailUrl,
      costUsd: result.costUsd,
      credits: result.credits,
      actualTimeS: result.actualTimeS,
      completedAt: result.completedAt ?? ctx.clock.now(),
    },
    true,
  );
}

async function poll(job: Job, ctx: StepContext): Promise<void> {
  if (!job.taskId) throw new Error('generating without a task id');
  const reply = await ctx.client.getTask(job.taskId);
  // Never more files than were asked (and paid) for: a reply listing more links does not get to
  // name more outputs, and the journal holds at most four.
  const snap = { ...reply, videos: reply.videos.slice(0, job.request.sample_count) };
  const now = ctx.clock.now();
  if (snap.phase === 'completed' && snap.videos.length > 0) {
    if (job.outputs.length > 0) {
      await ctx.dispatch({ type: 'links_refreshed', videos: snap.videos }, true);
      return;
    }
    await ctx.dispatch(
      {
        type: 'task_completed',
        videos: snap.videos,
        outputs: await reserveOutputs(job, snap, ctx),
        thumbnailUrl: snap.thumbnailUrl,
        costUsd: snap.costUsd,
        credits: snap.credits,
        actualTimeS: snap.actualTimeS,
        completedAt: snap.completedAt ?? now,
      },
      true,
    );
    return;
  }
  if (snap.phase === 'failed' || snap.phase === 'cancelled') {
    await ctx.dispatch({ type: 'task_failed', error: describeTaskFailure(snap) }, true);
    return;
  }
  // Completed without any video is unreadable, not final: look again later.
  const elapsedMs = now - (job.submittedAt ?? job.createdAt);
  const estimatedTimeS = snap.estimatedTimeS ?? job.estimatedTimeS;
  const parked = shouldPark(elapsedMs, estimatedTimeS);
  const ownDelay = nextPollDelayMs({ polls: job.polls, elapsedMs, estimatedTimeS, hintS: snap.nextPollAfterS, random: ctx.random });
  const nextPollAt = now + Math.max(ownDelay, pollSpacingMs(ctx.generatingCount()));
  // Only a change of parking is worth a journal write; progress is rebuilt by the next poll.
  await ctx.dispatch(
    {
      type: 'polled',
      status: snap.status,
      progress: snap.progress,
      estimatedTimeS: snap.estimatedTimeS,
      requestId: snap.requestId,
      nextPollAt,
      notBefore: now + pollFloorMs(snap.nextPollAfterS),
      parked,
    },
    parked !== job.parked,
  );
}

async function reserveOutputs(job: Job, snap: TaskSnapshot, ctx: StepContext): Promise<JobOutput[]> {
  await mkdir(job.outputDir, { recursive: true });
  return ctx.pickNames(async (held, claim) => {
  const reserved = new Set(held);
  const outputs: JobOutput[] = [];
  const date = new Date(job.createdAt);
  const videos = snap.videos;
  for (const [index, video] of videos.entries()) {
    const stem = renderFileStem(job.nameTemplate, {
      date,
      prompt: job.request.prompt,
      model: job.request.model,
      seed: job.request.seed,
      index: index + 1,
      count: videos.length,
      jobId: job.id,
      aspect: job.request.aspect_ratio,
      resolution: job.request.resolution,
    });
    const fileName = await allocateFileName(job.outputDir, stem, reserved);
    reserved.add(fileName);
    claim(fileName);
    outputs.push({ index, fileName, url: video.urls[0], bytesDone: 0, saved: false });
  }
  return outputs;
  });
}

async function download(job: Job, ctx: StepContext): Promise<void> {
  // The folder may have been removed while the job ran (an unplugged drive comes back the same way).
  await mkdir(job.outputDir, { recursive: true });
  let current = job;
  for (const output of job.outputs) {
    if (output.saved) continue;
    if (!output.url) throw new Error('output without a URL');
    const dest = join(job.outputDir, output.fileName);
    // A crash between the rename and the sidecar leaves a finished video: adopt it, don't refetch.
    const adopted = await hashExistingVideo(dest);
    const saved =
      adopted ??
      (await downloadToFile({
        url: output.url,
        dest,
        httpGet: ctx.fileGet,
        clock: ctx.clock,
        stallTimeoutMs: ctx.stallTimeoutMs,
        signal: ctx.signal,
        provenance: {
          prompt: current.request.prompt,
          model: current.request.model,
          seed: current.request.seed,
          taskId: current.taskId ?? '',
          appVersion: current.appVersion,
        },
        onProgress: (bytesDone, bytesTotal) => {
          void ctx.dispatch({ type: 'download_progress', index: output.index, bytesDone, ...(bytesTotal !== undefined ? { bytesTotal } : {}) }, false);
        },
      }));
    // Both paths measured the file on disk (the download reads its part back before the rename):
    // the sidecar records the bytes that are there, never a count of bytes received.
    const sidecar = sidecarFromJob(current, output, { bytes: saved.bytes, sha256: saved.sha256, savedAt: ctx.clock.now() });
    await writeSidecar(job.outputDir, sidecar);
    const sidecarName = sidecarNameFor(output.fileName);
    await ctx.addToLibrary(job.outputDir, sidecarName);
    current = await ctx.dispatch({ type: 'output_saved', index: output.index, bytes: saved.bytes, sidecarName }, true);
  }
}

export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
