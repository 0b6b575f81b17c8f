import { basename } from 'node:path';
import { errorMessage, type ErrorMessage } from '../../shared/error-messages.js';
import type { Job, JobState } from '../../shared/domain/job.js';
import type { EventChannel } from '../../shared/ipc/channels.js';
import type { Notice } from '../../shared/ipc/views.js';
import type { ExportProgressView } from '../../shared/ipc/sequence-views.js';
import type { RecoveryReport } from '../core/jobs/job-queue.js';
import type { RefreshReport } from '../core/library/library-index.js';
import type { ServiceContext } from './context.js';
import { EventCoalescer, fifo, idSets, latestByKey, latestValue } from './event-coalescer.js';
import { posterCounts } from './poster-backlog.js';
import { toBatchView, toJobView, toQueueView } from './views.js';

/**
 * Engine events → page events. Everything passes the coalescer (≤ 10 pushes
 * per second per channel); job snapshots are turned into views only when a
 * window is flushed, so a storm costs one mapping per job, not per update.
 */

export type EventListener = (channel: EventChannel, payload: unknown) => void;

export interface ServiceEvents {
  subscribe(cb: EventListener): () => void;
  notice(n: Notice): void;
  close(): void;
}

/** Notices raised before any window listens (start-up findings) are held for the first listener. */
const HELD_NOTICES_MAX = 20;
const ALERT_STATES: readonly JobState[] = ['done', 'failed', 'needs_attention', 'needs_approval'];

export function wireServiceEvents(ctx: ServiceContext): ServiceEvents {
  const { queue, library } = ctx.engine;
  const listeners = new Set<EventListener>();
  const held: Notice[] = [];
  const emit = (channel: string, payload: unknown) => {
    for (const cb of listeners) {
      try {
        cb(channel as EventChannel, payload);
      } catch (err) {
        ctx.logger.log('error', 'event listener threw', { channel, error: err });
      }
    }
  };
  const coalescer = new EventCoalescer({ clock: ctx.clock, emit });
  const desktop = desktopFeedback(ctx, queue.list());

  const jobs = coalescer.channel<Job, unknown>(
    'jobs:updated',
    latestByKey(
      (j) => j.id,
      (batch) => {
        desktop(batch);
        return batch.map(toJobView);
      },
    ),
  );
  const queueChanged = coalescer.channel('queue:changed', latestValue<unknown>());
  const libraryChanged = coalescer.channel('library:changed', idSets());
  // Batch views are made when a window is flushed: a batch's jobs change far more often than 10 times a second.
  const batchesUpdated = coalescer.channel<string, unknown>(
    'batches:updated',
    latestByKey(
      (id) => id,
      (ids) => ids.flatMap((id) => {
        const p = ctx.engine.batches.get(id);
        return p ? [toBatchView(p)] : [];
      }),
    ),
  );
  // Each export's latest progress per window; a result or an error is never coalesced away (it is the latest).
  const exportProgress = coalescer.channel<ExportProgressView, unknown>(
    'sequence:exportProgress',
    latestByKey(
      (p) => p.exportId,
      (batch) => batch,
    ),
  );
  // Counted when a window is flushed, not per poster saved: a catch-up saves several a second.
  const posterProgress = coalescer.channel<string, unknown>(
    'library:posters',
    latestByKey(
      () => 'posters',
      () => posterCounts(library.all(), (id) => ctx.posters.has(id)),
    ),
  );
  const notices = coalescer.channel('app:notice', fifo<Notice>(50, () => ctx.logger.log('warn', 'notice dropped: too many waiting')));

  const offs = [
    queue.onJob(jobs),
    queue.onQueue((s) => queueChanged(toQueueView(s))),
    library.on('changed', libraryChanged),
    library.on('changed', () => posterProgress('library')),
    ctx.posters.onSaved(posterProgress),
    ctx.engine.batches.onChange(batchesUpdated),
    ctx.exports.onProgress(exportProgress),
  ];

  return {
    subscribe(cb) {
      listeners.add(cb);
      for (const n of held.splice(0)) notices(n);
      return () => void listeners.delete(cb);
    },
    notice(n) {
      if (listeners.size > 0) notices(n);
      else if (held.length < HELD_NOTICES_MAX) held.push(n);
    },
    close() {
      for (const off of offs) off();
      coalescer.close();
      listeners.clear();
    },
  };
}

/** OS notification when a job lands in done/failed/needs-attention, and the dock/taskbar progress. */
function desktopFeedback(ctx: ServiceContext, initial: Job[]): (batch: Job[]) => void {
  const { shell } = ctx.ports;
  const lastState = new Map(initial.map((j) => [j.id, j.state] as const));
  const progress = new Map<string, number>();
  let shown: number | undefined;
  return (batch) => {
    for (const job of batch) {
      const before = lastState.get(job.id);
      lastState.set(job.id, job.state);
      if (before !== job.state && ALERT_STATES.includes(job.state)) shell.notify?.(...notification(job));
      const f = jobFraction(job);
      if (f === undefined) progress.delete(job.id);
      else progress.set(job.id, f);
    }
    const overall = progress.size === 0 ? undefined : [...progress.values()].reduce((a, b) => a + b, 0) / progress.size;
    const rounded = overall === undefined ? undefined : Math.round(overall * 100) / 100;
    if (rounded !== shown) {
      shown = rounded;
      shell.setProgress?.(rounded);
    }
  };
}

/** Where an unfinished job stands, 0–1; undefined once it needs nothing more. */
function jobFraction(job: Job): number | undefined {
  switch (job.state) {
    case 'queued':
    case 'uploading':
    case 'submitting':
      return 0;
    case 'generating':
      return Math.min(1, Math.max(0, (job.progress ?? 0) / 100));
    case 'downloading':
      return 1;
    default:
      return undefined;
  }
}

function notification(job: Job): [string, string] {
  const prompt = job.request.prompt.length > 60 ? `${job.request.prompt.slice(0, 59)}…` : job.request.prompt;
  if (job.state === 'done') return ['Video ready', prompt];
  if (job.state === 'failed') return ['Video failed', `${prompt}: ${job.error?.message ?? 'the provider gave no reason.'}`];
  return ['A video needs your attention', `${prompt}: ${job.error?.message ?? 'open Keyframe to continue it.'}`];
}

/** A notice's words: the catalog key and params for the page, the English for anything else. */
export function noticeText(m: ErrorMessage): Pick<Notice, 'message' | 'key' | 'params'> {
  return { message: m.message, key: m.key, ...(m.params ? { params: m.params } : {}) };
}

/** What start-up found that the person should hear about (never file paths beyond names). */
export function startupNotices(recovery: RecoveryReport): Notice[] {
  const out: Notice[] = [];
  if (recovery.corrupt.length > 0) {
    const n = recovery.corrupt.length;
    out.push({
      kind: 'warning',
      ...noticeText(errorMessage(n === 1 ? 'notice.damaged_jobs.one' : 'notice.damaged_jobs.many', { count: n })),
      detail: recovery.corrupt.map((c) => `${basename(c.file)}: ${c.reason}`).join('\n'),
    });
  }
  return out;
}

/** What the check of the library folders found that a person should know: damaged sidecars, skipped. */
export function libraryNotices(lib: Pick<RefreshReport, 'corrupt'>): Notice[] {
  const out: Notice[] = [];
  if (lib.corrupt.length > 0) {
    const n = lib.corrupt.length;
    out.push({
      kind: 'warning',
      ...noticeText(errorMessage(n === 1 ? 'notice.damaged_videos.one' : 'notice.damaged_videos.many', { count: n })),
      detail: lib.corrupt.map((p) => basename(p)).join('\n'),
    });
  }
  return out;
}
