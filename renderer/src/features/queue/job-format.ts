import { isActive as isActiveState } from '../../../../shared/domain/job-states.js';
import type { JobView } from '../../../../shared/ipc/views.js';

/** Pure helpers for the queue rows: progress, durations, sizes, and which problem a job has. */

export const isActive = (job: JobView): boolean => isActiveState(job.state);

/** Progress as a fraction: the provider's percentage while generating, bytes while downloading. */
export function jobFraction(job: JobView): number | undefined {
  if (job.state === 'done') return 1;
  if (job.state === 'downloading') return downloadFraction(job.outputs);
  // 0% straight after submit says nothing the moving bar does not: show it as "working" until the provider reports.
  if (job.state === 'generating' && job.progress !== undefined && job.progress > 0) return job.progress / 100;
  return undefined;
}

/**
 * Each output weighs the same. Samples download one after another and a sample's size is unknown
 * until its response arrives: summing bytes would read 100% after the first sample, then fall back.
 */
function downloadFraction(outputs: JobView['outputs']): number | undefined {
  let sum = 0;
  let known = false;
  for (const o of outputs) {
    if (o.saved) {
      sum += 1;
      known = true;
    } else if (o.bytesTotal !== undefined && o.bytesTotal > 0) {
      sum += Math.min(1, o.bytesDone / o.bytesTotal);
      known = true;
    } else if (o.bytesDone > 0) {
      // Bytes arriving with no length given: how far along this sample is cannot be known.
      return undefined;
    }
  }
  return known ? sum / outputs.length : undefined;
}

export function jobBytes(job: JobView): { done: number; total: number } {
  return {
    total: job.outputs.reduce((n, o) => n + (o.bytesTotal ?? 0), 0),
    done: job.outputs.reduce((n, o) => n + o.bytesDone, 0),
  };
}

/** `75` → `1:15`, `3725` → `1:02:05`. */
export function formatSeconds(totalS: number): string {
  const s = Math.max(0, Math.round(totalS));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export type Problem = 'key' | 'missingKey' | 'payment' | 'approval' | 'rateLimited' | 'contentPolicy' | 'expired' | 'network' | 'stopped' | 'other';

/** Which plain-words explanation fits the job's error. */
export function problemOf(job: JobView): Problem | undefined {
  const e = job.error;
  if (job.state === 'stopped') return 'stopped';
  // Held for a spending cap: its figures, not the balance's 402 text.
  if (job.state === 'needs_approval') return 'approval';
  if (job.state === 'expired' || e?.code === 'link_expired') return 'expired';
  if (!e) return undefined;
  switch (e.code) {
    case 'auth':
      return 'key';
    case 'missing_key':
      return 'missingKey';
    case 'payment_required':
      return 'payment';
    case 'rate_limited':
      return 'rateLimited';
    case 'content_policy':
      return 'contentPolicy';
    case 'network':
    case 'timeout':
    case 'unavailable':
      return 'network';
    default:
      return 'other';
  }
}

/** The first saved output's library id, for "Open result". */
export const firstVideoId = (job: JobView): string | undefined => job.outputs.find((o) => o.saved && o.videoId)?.videoId;
