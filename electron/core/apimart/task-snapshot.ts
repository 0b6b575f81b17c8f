import type { z } from 'zod';
import { URL_MAX } from '../../../shared/domain/bounds.js';
import type { TaskDataSchema } from './schemas.js';
import { taskPhase, type TaskPhase } from './task-status.js';

/** A task reply normalised into what the queue acts on. */
export interface TaskSnapshot {
  taskId: string;
  status: string;
  phase: TaskPhase;
  progress?: number;
  /** One entry per output file, whatever shape the gateway used. */
  videos: { urls: string[]; expiresAt?: number }[];
  thumbnailUrl?: string;
  costUsd?: number;
  credits?: number;
  estimatedTimeS?: number;
  actualTimeS?: number;
  createdAt?: number;
  completedAt?: number;
  /** `message` is the provider's own words, absent when it gave none. */
  error?: { message?: string; code?: string };
  requestId?: string;
  /** The provider's suggested wait before the next query, in seconds (contract §2). */
  nextPollAfterS?: number;
}

const toMs = (s: number | undefined): number | undefined => (s === undefined ? undefined : Math.round(s * 1000));
const asList = (u: string | string[] | undefined): string[] => (u === undefined ? [] : Array.isArray(u) ? u : [u]);

export function normaliseTask(taskId: string, data: z.infer<typeof TaskDataSchema>, requestId?: string): TaskSnapshot {
  // `url` may be a string (older docs) or an array (seen live). With
  // sample_count > 1 a gateway may send several entries or several URLs in one:
  // either way each URL is one output file.
  const videos: TaskSnapshot['videos'] = [];
  for (const v of data.result?.videos ?? []) {
    const urls = [...asList(v.url), ...asList(v.urls)].filter((u) => /^https?:\/\//i.test(u) && u.length <= URL_MAX);
    for (const url of urls) videos.push({ urls: [url], expiresAt: toMs(v.expires_at) });
  }
  const err = data.error;
  const errorMessage = typeof err === 'string' ? err : (err?.message ?? data.fail_reason);
  const status = data.status ?? 'unknown';
  const snapshot: TaskSnapshot = {
    taskId: data.id ?? data.task_id ?? taskId,
    status,
    phase: taskPhase(status),
    videos,
    requestId,
  };
  if (data.progress !== undefined) snapshot.progress = Math.max(0, Math.min(100, data.progress));
  if (data.result?.thumbnail_url) snapshot.thumbnailUrl = data.result.thumbnail_url;
  if (data.cost !== undefined) snapshot.costUsd = data.cost;
  if (data.credits_cost !== undefined) snapshot.credits = data.credits_cost;
  if (data.estimated_time !== undefined) snapshot.estimatedTimeS = data.estimated_time;
  if (data.actual_time !== undefined) snapshot.actualTimeS = data.actual_time;
  if (data.created !== undefined) snapshot.createdAt = toMs(data.created);
  if (data.completed !== undefined) snapshot.completedAt = toMs(data.completed);
  if (data.next_poll_after_seconds !== undefined) snapshot.nextPollAfterS = data.next_poll_after_seconds;
  if (errorMessage || (typeof err === 'object' && err)) {
    const code = typeof err === 'object' && err && err.code !== undefined && err.code !== '' ? String(err.code) : undefined;
    snapshot.error = { ...(errorMessage ? { message: errorMessage } : {}), ...(code ? { code } : {}) };
  }
  return snapshot;
}
