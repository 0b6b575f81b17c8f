import { useEffect } from 'react';
import type { JobView } from '../../../../shared/ipc/views.js';
import { useBalanceStore } from '../../components/balance-store';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useNavigationStore } from '../../navigation-store';
import { isActive, problemOf } from './job-format';
import { useQueueStore } from './queue-store';
import { useSecondsLeft } from './use-now';

/** The job's error in plain words, what to do about it, and the raw details behind an expander. */
export function JobProblem({ job }: { job: JobView }) {
  const t = useT();
  const problem = problemOf(job);
  if (!problem) return null;
  const error = job.error;
  let body;
  switch (problem) {
    case 'key':
    case 'missingKey':
      body = (
        <>
          <p className="job-error">{t(problem === 'key' ? 'queue.problem.auth' : 'queue.problem.missingKey')}</p>
          <p className="job-hint">{t('queue.problem.authHint')}</p>
          <button type="button" className="job-cta" onClick={() => useNavigationStore.getState().go('settings')}>
            {t('queue.action.settings')}
          </button>
        </>
      );
      break;
    case 'payment':
      body = <PaymentProblem charged={job.taskId !== undefined} />;
      break;
    case 'approval':
      body = <ApprovalProblem job={job} />;
      break;
    case 'rateLimited':
      body = isActive(job) ? <RateLimited job={job} /> : <p className="job-error">{error ? errorText(t, error) : null}</p>;
      break;
    case 'contentPolicy':
      body = (
        <>
          <p className="job-error">{t('queue.problem.contentPolicy')}</p>
          <p className="job-hint">{t('queue.problem.contentPolicyHint')}</p>
        </>
      );
      break;
    case 'expired':
      body = <p className="job-error">{t('queue.problem.expired')}</p>;
      break;
    case 'stopped':
      body = <p className="job-hint">{t('queue.problem.stopped')}</p>;
      break;
    case 'network':
      body = <p className={isActive(job) ? 'job-warn' : 'job-error'}>{t('queue.problem.network')}</p>;
      break;
    default:
      body = <p className={isActive(job) ? 'job-warn' : 'job-error'}>{plainOther(job, t)}</p>;
  }
  return (
    <div className="job-problem" role="status">
      {body}
      {error && problem !== 'stopped' ? <JobDetails job={job} /> : null}
    </div>
  );
}

function plainOther(job: JobView, t: ReturnType<typeof useT>): string {
  const message = job.error ? errorText(t, job.error) : '';
  if (job.state === 'needs_attention') return t('queue.problem.attention', { message });
  if (isActive(job)) return t('queue.problem.retrying', { message });
  return message;
}

function PaymentProblem({ charged }: { charged: boolean }) {
  const t = useT();
  const balance = useBalanceStore((s) => s.balance);
  useEffect(() => void useBalanceStore.getState().refresh(), []);
  const amount = balance?.remainUsd;
  return (
    <>
      <p className="job-error">{t('queue.problem.payment')}</p>
      {amount !== undefined ? <p className="job-balance">{t('queue.problem.balance', { usd: amount.toFixed(2) })}</p> : null}
      {amount === undefined ? <p className="job-hint">{t('queue.problem.balanceUnknown')}</p> : null}
      <p className="job-hint">
        {t('queue.problem.topUp')}
        {charged ? null : ` ${t('queue.problem.notCharged')}`}
      </p>
    </>
  );
}

/** The figures a job was held with: its estimate, what is spent, the caps it would pass. */
function ApprovalProblem({ job }: { job: JobView }) {
  const t = useT();
  const a = job.approval;
  const usd = (n: number) => n.toFixed(2);
  return (
    <>
      <p className="job-warn">{t('queue.problem.approval')}</p>
      {a ? (
        <ul className="job-approval">
          <li>{t('queue.approval.estimate', { usd: usd(a.estimateUsd) })}</li>
          {a.dailyCapUsd !== undefined ? <li data-over={a.exceeded.includes('daily')}>{t('queue.approval.daily', { spent: usd(a.spentTodayUsd), cap: usd(a.dailyCapUsd) })}</li> : null}
          {a.monthlyCapUsd !== undefined ? (
            <li data-over={a.exceeded.includes('monthly')}>{t('queue.approval.monthly', { spent: usd(a.spentMonthUsd), cap: usd(a.monthlyCapUsd) })}</li>
          ) : null}
        </ul>
      ) : null}
      <p className="job-hint">{t('queue.approval.hint')}</p>
    </>
  );
}

function RateLimited({ job }: { job: JobView }) {
  const t = useT();
  const queueUntil = useQueueStore((s) => s.queue?.rateLimitedUntil);
  const until = queueUntil ?? job.updatedAt + (job.error?.retryAfterMs ?? 0);
  const seconds = useSecondsLeft(until);
  return <p className="job-warn">{seconds > 0 ? t('queue.problem.rateLimited', { seconds }) : t('queue.problem.rateLimitedNow')}</p>;
}

function JobDetails({ job }: { job: JobView }) {
  const t = useT();
  const e = job.error;
  if (!e) return null;
  return (
    <details className="job-details">
      <summary>{t('queue.details')}</summary>
      <dl>
        <dt>{t('queue.details.code')}</dt>
        <dd>{e.code}</dd>
        {e.httpStatus !== undefined ? (
          <>
            <dt>{t('queue.details.status')}</dt>
            <dd>{e.httpStatus}</dd>
          </>
        ) : null}
        {e.requestId ? (
          <>
            <dt>{t('queue.details.requestId')}</dt>
            <dd className="mono">{e.requestId}</dd>
          </>
        ) : null}
        {job.taskId ? (
          <>
            <dt>{t('queue.details.taskId')}</dt>
            <dd className="mono">{job.taskId}</dd>
          </>
        ) : null}
        <dt>{t('queue.details.raw')}</dt>
        <dd className="mono">{e.detail ?? errorText(t, e)}</dd>
      </dl>
    </details>
  );
}
