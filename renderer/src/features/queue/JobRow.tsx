import { memo } from 'react';
import type { JobView } from '../../../../shared/ipc/views.js';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { useQueueStore } from './queue-store';

const ACTIVE = new Set<JobView['state']>(['queued', 'uploading', 'submitting', 'generating', 'downloading']);

/** Progress as a fraction: the provider's percentage while generating, bytes while downloading. */
export function jobFraction(job: JobView): number | undefined {
  if (job.state === 'done') return 1;
  if (job.state === 'downloading') {
    const total = job.outputs.reduce((n, o) => n + (o.bytesTotal ?? 0), 0);
    const done = job.outputs.reduce((n, o) => n + o.bytesDone, 0);
    return total > 0 ? done / total : undefined;
  }
  // 0% straight after submit says nothing the moving bar does not: show it as "working" until the provider reports.
  if (job.state === 'generating' && job.progress !== undefined && job.progress > 0) return job.progress / 100;
  return undefined;
}

/** One job. Subscribes to its own snapshot only, so other jobs' progress never re-renders it. */
export const JobRow = memo(function JobRow({ id }: { id: string }) {
  const t = useT();
  const job = useQueueStore((s) => s.jobs[id]);
  if (!job) return null;
  const fraction = jobFraction(job);
  const active = ACTIVE.has(job.state);
  const stateLabel = t(`state.${job.state}`);
  return (
    <li className={`job job-${job.state}`} data-job-id={job.id} data-state={job.state}>
      <div className="job-head">
        <p className="job-prompt" title={job.request.prompt}>
          {job.request.prompt}
        </p>
        <span className={`badge badge-${job.state}`}>{stateLabel}</span>
      </div>
      <div className="job-meta">
        <span>{t('queue.meta', { duration: job.request.duration, aspect: job.request.aspect_ratio, resolution: job.request.resolution })}</span>
        {job.provider === 'demo' ? <span className="tag">{t('queue.demo')}</span> : null}
        {fraction !== undefined ? <span className="job-percent">{t('queue.progress', { percent: Math.round(fraction * 100) })}</span> : null}
      </div>
      {active ? <ProgressBar fraction={fraction} label={stateLabel} /> : null}
      {job.error ? (
        <p className="job-error" role="status">
          {job.error.message}
        </p>
      ) : null}
    </li>
  );
});
