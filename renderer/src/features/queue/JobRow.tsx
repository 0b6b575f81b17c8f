import { memo } from 'react';
import type { JobView } from '../../../../shared/ipc/views.js';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { JobActions } from './JobActions';
import { JobProblem } from './JobProblem';
import { JobThumb } from './JobThumb';
import { WaitingText } from './WaitingText';
import { formatBytes, formatSeconds, isActive, jobBytes, jobFraction } from './job-format';
import { useQueueStore } from './queue-store';
import { useNow } from './use-now';

export { jobFraction } from './job-format';

/** Elapsed time since submit (or creation) and the provider's estimate; ticks once a second while the job runs. */
function JobTiming({ job }: { job: JobView }) {
  const t = useT();
  const active = isActive(job);
  const now = useNow(active);
  const start = job.submittedAt ?? job.createdAt;
  const end = active ? now : (job.completedAt ?? job.updatedAt);
  const parts = [t('queue.elapsed', { elapsed: formatSeconds((end - start) / 1000) })];
  if (active && job.estimatedTimeS) parts.push(t('queue.estimate', { estimate: formatSeconds(job.estimatedTimeS) }));
  return <span className="job-timing">{parts.join(' · ')}</span>;
}

/** One job. Subscribes to its own snapshot only, so other jobs' progress never re-renders it. */
export const JobRow = memo(function JobRow({ id }: { id: string }) {
  const t = useT();
  const job = useQueueStore((s) => s.jobs[id]);
  if (!job) return null;
  const fraction = jobFraction(job);
  const active = isActive(job);
  const stateLabel = t(`state.${job.state}`);
  const bytes = job.state === 'downloading' ? jobBytes(job) : undefined;
  return (
    <li className={`job job-${job.state}`} data-job-id={job.id} data-state={job.state}>
      <JobThumb job={job} />
      <div className="job-head">
        <p className="job-prompt" title={job.request.prompt}>
          {job.request.prompt}
        </p>
        <span className={`badge badge-${job.state}`}>{stateLabel}</span>
      </div>
      <div className="job-meta">
        <span>{t('queue.meta', { duration: job.request.duration, aspect: job.request.aspect_ratio, resolution: job.request.resolution })}</span>
        {job.provider === 'demo' ? <span className="tag">{t('queue.demo')}</span> : null}
        {job.retryOf ? <span className="tag">{t('queue.retryOf')}</span> : null}
        {job.state !== 'queued' ? <JobTiming job={job} /> : null}
        {bytes && bytes.total > 0 ? <span>{t('queue.bytes', { done: formatBytes(bytes.done), total: formatBytes(bytes.total) })}</span> : null}
        {job.costUsd !== undefined && job.state === 'done' ? <span>{t('queue.cost', { usd: job.costUsd.toFixed(2) })}</span> : null}
        {fraction !== undefined ? <span className="job-percent">{t('queue.progress', { percent: Math.round(fraction * 100) })}</span> : null}
      </div>
      {/* A waiting job says so, standing still: a moving bar would read as progress. */}
      {job.state === 'queued' ? <WaitingText id={job.id} /> : active ? <ProgressBar fraction={fraction} label={stateLabel} /> : null}
      <JobProblem job={job} />
      <JobActions job={job} />
    </li>
  );
});
