import { basename } from 'node:path';
import type { FrameRef, GenerationRequest } from '../../shared/domain/generation.js';
import type { Job } from '../../shared/domain/job.js';
import { clipAppError } from '../../shared/errors.js';
import { isBareEntry, type LibraryEntry } from '../../shared/domain/video.js';
import type { BareVideoEntry } from '../../shared/domain/bare-video.js';
import { shotOf } from '../../shared/domain/shot.js';
import type { BareVideoView, BatchView, FrameView, JobView, QueueStateView, VideoView } from '../../shared/ipc/views.js';
import { shotOfEntry } from '../core/library/library-entry.js';
import type { BatchProgress } from '../core/batch/batches.js';
import type { QueueState } from '../core/jobs/job-queue.js';
import type { StoredFrame } from './frame-store.js';
import type { ServicePorts } from './types.js';

/**
 * Projections of the core's records onto what the page may see. Each view is
 * built field by field (never spread from the record), so a field added to a
 * core record stays in main until someone decides the page should have it.
 * File paths become bare names: the page addresses files by opaque id only.
 */

type MediaUrl = ServicePorts['mediaUrl'];

/** `{kind:'file', path}` keeps only the file name (for an imported frame: `<frameId>.<ext>`). */
function frameRefView(ref: FrameRef | undefined): FrameRef | undefined {
  if (!ref || ref.kind === 'url') return ref;
  return { kind: 'file', path: basename(ref.path) };
}

export function requestView(req: GenerationRequest): GenerationRequest {
  const view: GenerationRequest = { ...req };
  const first = frameRefView(req.first_frame_image);
  const last = frameRefView(req.last_frame_image);
  delete view.first_frame_image;
  delete view.last_frame_image;
  return { ...view, ...(first ? { first_frame_image: first } : {}), ...(last ? { last_frame_image: last } : {}) };
}

/** The library id of a saved output, as the sidecar records it. */
export const videoIdOf = (jobId: string, index: number): string => `${jobId}-${index}`;

export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    provider: job.provider,
    state: job.state,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    request: requestView(job.request),
    ...opt('taskId', job.taskId),
    ...opt('progress', job.progress),
    ...opt('estimatedTimeS', job.estimatedTimeS),
    ...opt('submittedAt', job.submittedAt),
    ...opt('completedAt', job.completedAt),
    ...opt('costUsd', job.costUsd),
    ...opt('estimateUsd', job.estimateUsd),
    ...opt('priceAsOf', job.priceAsOf),
    ...opt('approval', job.approval && { ...job.approval, exceeded: [...job.approval.exceeded] }),
    parked: job.parked,
    outputs: job.outputs.map((o) => ({
      index: o.index,
      fileName: o.fileName,
      bytesDone: o.bytesDone,
      ...opt('bytesTotal', o.bytesTotal),
      saved: o.saved,
      ...(o.saved ? { videoId: videoIdOf(job.id, o.index) } : {}),
    })),
    // The contract bounds error texts; a provider's words may be longer.
    ...opt('error', job.error && clipAppError(job.error)),
    ...opt('retryOf', job.retryOf),
    ...opt('lineage', job.lineage && { ...job.lineage }),
    ...opt('batch', job.batch && { ...job.batch }),
  };
}

export function toVideoView(
  entry: LibraryEntry,
  mediaUrl: MediaUrl,
  hasPoster: (id: string) => boolean = () => false,
  takesOf?: (entry: LibraryEntry) => number,
): VideoView {
  if (isBareEntry(entry)) return toBareVideoView(entry, mediaUrl, hasPoster);
  const s = entry.sidecar;
  const shot = shotOf(s);
  return {
    kind: 'keyframe',
    id: entry.id,
    fileName: basename(s.file),
    bytes: s.bytes,
    videoMissing: entry.videoMissing,
    provider: s.provider,
    model: s.model,
    request: requestView(s.request),
    taskId: s.taskId,
    requestIds: [...s.requestIds],
    ...opt('seed', s.seed),
    ...opt('costUsd', s.cost.usd),
    createdAt: s.timings.createdAt,
    ...opt('completedAt', s.timings.completedAt),
    favorite: s.user.favorite,
    tags: [...s.user.tags],
    frames: s.frames.map((f) => ({ role: f.role, ...opt('name', f.path === undefined ? undefined : basename(f.path)), ...opt('sourceUrl', f.sourceUrl) })),
    mediaUrl: mediaUrl('video', entry.id),
    ...(hasPoster(entry.id) ? { posterUrl: mediaUrl('poster', entry.id) } : {}),
    shotKey: shot.key,
    take: shot.take,
    ...opt('takes', takesOf?.(entry)),
    ...opt('lineage', s.lineage && { ...s.lineage }),
    ...opt('batch', s.batch && { ...s.batch }),
  };
}

function toBareVideoView(entry: BareVideoEntry, mediaUrl: MediaUrl, hasPoster: (id: string) => boolean): BareVideoView {
  const shot = shotOfEntry(entry);
  const p = entry.provenance;
  return {
    kind: 'bare',
    id: entry.id,
    fileName: entry.fileName,
    bytes: entry.bytes,
    videoMissing: false,
    createdAt: entry.container.createdAt ?? entry.mtimeMs,
    favorite: false,
    tags: [],
    frames: [],
    mediaUrl: mediaUrl('video', entry.id),
    ...(hasPoster(entry.id) ? { posterUrl: mediaUrl('poster', entry.id) } : {}),
    shotKey: shot.key,
    take: shot.take,
    takes: 1,
    container: { ...entry.container },
    ...opt('provenance', p && { ...p }),
  };
}

export function toBatchView(p: BatchProgress): BatchView {
  const r = p.record;
  return {
    id: r.id,
    createdAt: r.createdAt,
    source: r.source,
    ...opt('name', r.name),
    state: p.state,
    jobs: p.jobs,
    done: p.done,
    failed: p.failed,
    needsAttention: p.needsAttention,
    active: p.active,
    rows: r.rows.map((row) => ({ row: row.row, ...opt('label', row.label), jobId: row.jobId })),
  };
}

export function toQueueView(s: QueueState): QueueStateView {
  return { paused: s.paused, concurrency: s.concurrency, counts: { ...s.counts }, ...opt('rateLimitedUntil', s.rateLimitedUntil) };
}

export function toFrameView(f: StoredFrame, mediaUrl: MediaUrl): FrameView {
  return { frameId: f.sha256, mime: f.mime, bytes: f.bytes, ...opt('width', f.width), ...opt('height', f.height), mediaUrl: mediaUrl('frame', f.sha256) };
}

/** `{ key: value }` when value is defined, else nothing: optional view fields are absent, never `undefined`. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
