import type { Model } from '../../../../shared/domain/generation.js';
import type { SpendJob } from '../../../../shared/ipc/views.js';
import { useLanguageStore, useT, type MessageKey } from '../../i18n';
import { useQueueStore } from '../queue/queue-store';
import { formatSignedUsd, formatUsd, shownDifference } from './money-format';
import { shortDay } from './spend-calendar';
import { differenceSign, spendStatusKey } from './spend-job-text';

/** The most rows main sends (SPEND_JOBS_MAX in core/money): a full list means older jobs were left out. */
const LIST_MAX = 500;

const MODEL_NAME: Record<Model, MessageKey> = {
  'veo3.1-fast-official': 'compose.model.fast',
  'veo3.1-quality-official': 'compose.model.quality',
};

/** The month's live jobs, newest first: estimate against charge, and how far apart they were. */
export function SpendJobs({ jobs, monthLabel }: { jobs: readonly SpendJob[]; monthLabel: string }) {
  const t = useT();
  return (
    <section className="spend-jobs" aria-labelledby="spend-jobs-title">
      <h3 id="spend-jobs-title">{t('spending.list.title', { month: monthLabel })}</h3>
      {jobs.length === 0 ? (
        <p className="empty">{t('spending.list.empty', { month: monthLabel })}</p>
      ) : (
        <div className="spend-table-wrap">
          <table className="spend-table">
            <thead>
              <tr>
                <th scope="col">{t('spending.col.day')}</th>
                <th scope="col">{t('spending.col.job')}</th>
                <th scope="col" className="num">
                  {t('spending.col.estimate')}
                </th>
                <th scope="col" className="num">
                  {t('spending.col.charged')}
                </th>
                <th scope="col" className="num">
                  {t('spending.col.difference')}
                </th>
                <th scope="col">{t('spending.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <SpendJobRow key={j.jobId} entry={j} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {jobs.length >= LIST_MAX ? <p className="hint">{t('spending.list.capped', { count: LIST_MAX })}</p> : null}
    </section>
  );
}

function SpendJobRow({ entry }: { entry: SpendJob }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  // One job's snapshot per row: a progress tick elsewhere in the queue does not redraw the table.
  const job = useQueueStore((s) => s.jobs[entry.jobId]);
  // main sends a difference only once a charge is known; it is written in the cents of the figures beside it.
  const difference = entry.differenceUsd === undefined || entry.chargedUsd === undefined ? undefined : shownDifference(entry.chargedUsd, entry.estimateUsd);
  const sign = difference === undefined ? undefined : differenceSign(difference);
  const request = job?.request;
  return (
    <tr data-job={entry.jobId} data-status={entry.status}>
      <td className="spend-day">{shortDay(entry.day, language)}</td>
      <td className="spend-job">
        {request ? (
          <>
            <span className="spend-job-prompt" title={request.prompt}>
              {request.prompt}
            </span>
            <span className="spend-job-meta">
              {[t(MODEL_NAME[request.model]), t('compose.duration.value', { n: request.duration }), request.resolution, ...(request.sample_count > 1 ? [t('spending.job.samples', { count: request.sample_count })] : [])].join(' · ')}
            </span>
          </>
        ) : (
          <span className="spend-job-prompt">{t('spending.job.unknown', { id: entry.jobId.slice(0, 8) })}</span>
        )}
      </td>
      <td className="num" data-col="estimate">
        {formatUsd(entry.estimateUsd)}
      </td>
      <td className="num" data-col="charged">
        {entry.chargedUsd === undefined ? <span aria-hidden="true">—</span> : formatUsd(entry.chargedUsd)}
      </td>
      <td className="num" data-col="difference" data-sign={sign}>
        {difference === undefined ? (
          <span aria-hidden="true">—</span>
        ) : (
          <>
            {formatSignedUsd(difference)}
            {sign === 'even' ? null : <span className="visually-hidden"> ({t(sign === 'more' ? 'spending.difference.more' : 'spending.difference.less')})</span>}
          </>
        )}
      </td>
      <td className="spend-status" data-status={entry.status}>
        <span className="spend-status-dot" aria-hidden="true" />
        {t(spendStatusKey(entry, job))}
      </td>
    </tr>
  );
}
