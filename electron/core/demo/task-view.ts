import { createHash } from 'node:crypto';
import type { FileHost } from './file-host.js';
import { fixtureFor, type DemoFixture } from './fixtures.js';
import { roundUsd } from './pricing.js';
import type { Outcome, Phase, TaskRecord } from './task-store.js';

/**
 * Renders GET /v1/tasks/:id exactly like the contract example, and hands out
 * result links from the file host (fresh ones after expireLinks() when the
 * refresh policy allows it).
 */

export interface TaskViewContext {
  fileHost: FileHost;
  fixtures: readonly DemoFixture[];
  urlTtlMs: number;
  urlShape: 'array' | 'string';
  estimatedTimeS: number;
  /** Suggested wait before the next query of a running task (`next_poll_after_seconds`). */
  nextPollAfterS: number;
  refreshLinksOnRequery: boolean;
}

/** The `{code,data}` envelope of a task reply. */
export interface TaskEnvelope {
  code: 200;
  data: Record<string, unknown>;
}

const toUnix = (ms: number): number => Math.floor(ms / 1000);

/**
 * `language` is the query's `?language=`: like the real API, it changes only
 * the wording of a failed task's `error.message` (English when it has none).
 */
export function renderTask(task: TaskRecord, phase: Phase, ctx: TaskViewContext, statusOverride?: string, language?: string): TaskEnvelope {
  const base = { created: toUnix(task.spec.c), estimated_time: ctx.estimatedTimeS };
  const wait = { next_poll_after_seconds: ctx.nextPollAfterS };
  if (statusOverride !== undefined) {
    // An unknown status (e.g. "warming_up") carries nothing else a client could act on.
    const progress = phase.status === 'done' ? 100 : phase.progress;
    return { code: 200, data: { id: task.id, status: statusOverride, progress, ...base, ...wait } };
  }
  if (phase.status !== 'done') {
    return { code: 200, data: { id: task.id, status: phase.status, progress: phase.progress, ...base, ...wait } };
  }
  const outcome = phase.outcome;
  const timing = {
    completed: toUnix(outcome.atMs),
    actual_time: Math.round((outcome.atMs - task.spec.c) / 1000),
  };
  if (outcome.kind === 'failed') {
    return {
      code: 200,
      data: {
        id: task.id,
        status: 'failed',
        progress: 100,
        error: { message: (language ? outcome.localized?.[language] : undefined) ?? outcome.message, code: outcome.code },
        created: base.created,
        completed: timing.completed,
        estimated_time: base.estimated_time,
        actual_time: timing.actual_time,
        cost: 0,
        credits_cost: 0,
      },
    };
  }
  const links = resultLinks(task, outcome, ctx);
  const expires_at = toUnix(links.expiresAtMs);
  return {
    code: 200,
    data: {
      id: task.id,
      status: 'completed',
      progress: 100,
      result: {
        thumbnail_url: links.thumbnail,
        videos: links.videos.map((url) => ({ url: ctx.urlShape === 'array' ? [url] : url, expires_at })),
      },
      created: base.created,
      completed: timing.completed,
      estimated_time: base.estimated_time,
      actual_time: timing.actual_time,
      cost: outcome.cost,
      credits_cost: roundUsd(outcome.cost * 10),
    },
  };
}

/** Issues the task's links once, and again only after a revocation if refresh is on. */
function resultLinks(
  task: TaskRecord,
  outcome: Extract<Outcome, { kind: 'completed' }>,
  ctx: TaskViewContext,
): NonNullable<TaskRecord['links']> {
  const stale = task.links !== undefined && task.links.epoch !== ctx.fileHost.epoch;
  if (task.links && !(stale && ctx.refreshLinksOnRequery)) return task.links;
  const expiresAtMs = outcome.atMs + ctx.urlTtlMs;
  const clips = pickFixtures(task, ctx.fixtures);
  const tag = createHash('sha256').update(task.id).digest('hex').slice(0, 16);
  const first = clips[0];
  if (!first) throw new Error('no demo fixtures available');
  task.links = {
    epoch: ctx.fileHost.epoch,
    expiresAtMs,
    videos: clips.map((f, i) => ctx.fileHost.issueLink(f.video, `video_task_${tag}_${i}.mp4`, expiresAtMs)),
    thumbnail: ctx.fileHost.issueLink(first.thumbnail, `thumbnail_${tag}.jpg`, expiresAtMs),
  };
  return task.links;
}

/** One clip per sample (sample_count N → N clips), of the aspect and duration the task asked for. */
export function pickFixtures(task: TaskRecord, fixtures: readonly DemoFixture[]): DemoFixture[] {
  const clip = fixtureFor(fixtures, task.spec.a, task.spec.s);
  return Array.from({ length: task.spec.n }, () => clip);
}
