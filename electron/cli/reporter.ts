import { join } from 'node:path';
import type { Job } from '../../shared/domain/job.js';

/**
 * How the CLI shows a job: a redrawn progress bar on a terminal, a line per
 * state change when piped, or one JSON object per event with --json.
 */
export interface Reporter {
  job(job: Job): void;
  info(message: string, data?: Record<string, unknown>): void;
  done(): void;
}

export function jobEvent(job: Job): Record<string, unknown> {
  const bytesDone = job.outputs.reduce((n, o) => n + o.bytesDone, 0);
  const bytesTotal = job.outputs.every((o) => o.bytesTotal !== undefined) ? job.outputs.reduce((n, o) => n + (o.bytesTotal ?? 0), 0) : undefined;
  return {
    event: 'job',
    id: job.id,
    state: job.state,
    provider: job.provider,
    ...(job.taskId ? { taskId: job.taskId } : {}),
    ...(job.progress !== undefined ? { progress: job.progress } : {}),
    ...(job.state === 'downloading' ? { bytesDone, ...(bytesTotal ? { bytesTotal } : {}) } : {}),
    ...(job.costUsd !== undefined ? { costUsd: job.costUsd } : {}),
    ...(job.state === 'done' ? { files: job.outputs.map((o) => join(job.outputDir, o.fileName)) } : {}),
    ...(job.error ? { error: { code: job.error.code, message: job.error.message, ...(job.error.requestId ? { requestId: job.error.requestId } : {}) } } : {}),
  };
}

export function jsonReporter(write: (line: string) => void): Reporter {
  let last = '';
  return {
    job(job) {
      const line = JSON.stringify(jobEvent(job));
      if (line !== last) write(`${line}\n`);
      last = line;
    },
    info(message, data) {
      write(`${JSON.stringify({ event: 'info', message, ...data })}\n`);
    },
    done() {},
  };
}

const LABEL: Record<Job['state'], string> = {
  queued: 'queued',
  uploading: 'uploading frames',
  submitting: 'submitting',
  generating: 'generating',
  downloading: 'downloading',
  done: 'done',
  failed: 'failed',
  expired: 'expired',
  needs_attention: 'needs attention',
  needs_approval: 'waiting for approval (spending cap)',
  stopped: 'stopped',
};

function fraction(job: Job): number {
  if (job.state === 'downloading') {
    const total = job.outputs.reduce((n, o) => n + (o.bytesTotal ?? 0), 0);
    return total > 0 ? job.outputs.reduce((n, o) => n + o.bytesDone, 0) / total : 0;
  }
  if (job.state === 'done') return 1;
  return (job.progress ?? 0) / 100;
}

export function textReporter(stream: NodeJS.WriteStream | { write(s: string): boolean; isTTY?: boolean }, now: () => number): Reporter {
  const tty = Boolean(stream.isTTY);
  const started = now();
  let lastState = '';
  let drawn = false;
  return {
    job(job) {
      if (tty) {
        const f = Math.max(0, Math.min(1, fraction(job)));
        const width = 24;
        const bar = '█'.repeat(Math.round(f * width)).padEnd(width, '░');
        const secs = Math.round((now() - started) / 1000);
        stream.write(`\r\x1b[2K${bar} ${String(Math.round(f * 100)).padStart(3)}%  ${LABEL[job.state]}  ${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`);
        drawn = true;
      } else if (job.state !== lastState) {
        stream.write(`${LABEL[job.state]}${job.taskId && job.state === 'generating' ? ` (task ${job.taskId})` : ''}\n`);
      }
      lastState = job.state;
    },
    info(message) {
      if (drawn) stream.write('\n');
      drawn = false;
      stream.write(`${message}\n`);
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
