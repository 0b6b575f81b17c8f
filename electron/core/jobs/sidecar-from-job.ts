import { fitJobToBounds, type Job, type JobOutput } from '../../../shared/domain/job.js';
import { SIDECAR_SCHEMA, type VideoSidecar } from '../../../shared/domain/video.js';

/**
 * Everything needed to reproduce and audit one saved output of a job.
 * `saved.bytes` and `saved.sha256` must be measured on the file on disk: the
 * sidecar is what the library trusts the video to be.
 */
export function sidecarFromJob(unbounded: Job, output: JobOutput, saved: { bytes: number; sha256: string; savedAt: number }): VideoSidecar {
  // The sidecar schema has the journal's bounds; a request id beyond them must not block the save.
  const job = fitJobToBounds(unbounded);
  const count = job.outputs.length || 1;
  return {
    schema: SIDECAR_SCHEMA,
    id: `${job.id}-${output.index}`,
    jobId: job.id,
    index: output.index,
    file: output.fileName,
    bytes: saved.bytes,
    sha256: saved.sha256,
    provider: job.provider,
    model: job.request.model,
    request: job.request,
    body: job.body ?? {},
    taskId: job.taskId ?? '',
    ...(job.submitReplayed !== undefined ? { submitReplayed: job.submitReplayed } : {}),
    requestIds: job.requestIds,
    seed: job.request.seed,
    frames: job.frames.map((f) => ({
      role: f.role,
      ...(f.path ? { path: f.path } : {}),
      ...(f.sourceUrl ? { sourceUrl: f.sourceUrl } : {}),
      ...(f.sha256 ? { sha256: f.sha256 } : {}),
      ...(f.uploadedUrl ? { uploadedUrl: f.uploadedUrl } : {}),
    })),
    // The task's cost covers all its outputs; each sidecar carries its share.
    cost: {
      ...(job.costUsd !== undefined ? { usd: round(job.costUsd / count) } : {}),
      ...(job.credits !== undefined ? { credits: round(job.credits / count) } : {}),
    },
    timings: {
      createdAt: job.createdAt,
      ...(job.submittedAt !== undefined ? { submittedAt: job.submittedAt } : {}),
      ...(job.completedAt !== undefined ? { completedAt: job.completedAt } : {}),
      savedAt: saved.savedAt,
      ...(job.actualTimeS !== undefined ? { providerActualS: job.actualTimeS } : {}),
    },
    appVersion: job.appVersion,
    ...(job.lineage ? { lineage: { ...job.lineage } } : {}),
    ...(job.batch ? { batch: { ...job.batch } } : {}),
    ...(job.shot ? { shot: { ...job.shot } } : {}),
    user: { favorite: false, tags: [] },
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
