import { useShallow } from 'zustand/react/shallow';
import type { BatchView } from '../../../../shared/ipc/views.js';
import { ProgressBar } from '../../components/ProgressBar';
import { errorText } from '../../error-text';
import { useLanguageStore, useT, type MessageKey } from '../../i18n';
import { batchProgress } from './batch-progress';
import { useBatchesStore } from './batches-store';

/** How many batches the dialog lists, newest first. */
const SHOWN = 4;

const STATE_TEXT: Record<BatchView['state'], MessageKey> = {
  opening: 'batch.run.opening',
  running: 'batch.run.running',
  paused: 'batch.run.paused',
  finished: 'batch.run.finished',
};

/** The latest batches with "n of m", and pause or resume for one still going. */
export function BatchRuns() {
  const t = useT();
  const ids = useBatchesStore(useShallow((s) => s.order.slice(0, SHOWN)));
  if (ids.length === 0) return null;
  return (
    <section className="batch-runs" aria-labelledby="batch-runs-title">
      <h3 id="batch-runs-title">{t('batch.runs.title')}</h3>
      <ul>
        {ids.map((id) => (
          <BatchRun key={id} id={id} />
        ))}
      </ul>
    </section>
  );
}

function BatchRun({ id }: { id: string }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const batch = useBatchesStore((s) => s.batches[id]);
  const setPaused = useBatchesStore((s) => s.setPaused);
  const actionError = useBatchesStore((s) => (s.actionError?.id === id ? s.actionError.error : undefined));
  if (!batch) return null;
  const p = batchProgress(batch);
  const name = batch.name ?? t('batch.run.unnamed', { time: new Date(batch.createdAt).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) });
  const progress = t('batch.run.progress', { done: p.done, jobs: p.jobs });
  return (
    <li className="batch-run" data-state={batch.state} data-batch={batch.id}>
      <div className="batch-run-line">
        <span className="batch-run-name" title={name}>
          {name}
        </span>
        <span className="batch-run-count">{progress}</span>
        {batch.failed > 0 ? <span className="batch-run-failed">{t('batch.run.failed', { count: batch.failed })}</span> : null}
        {batch.needsAttention > 0 ? (
          <span className="batch-run-attention" title={t('batch.run.attentionHint')}>
            {t('batch.run.attention', { count: batch.needsAttention })}
          </span>
        ) : null}
        <span className={`badge badge-batch-${batch.state}`}>{t(STATE_TEXT[batch.state])}</span>
        {batch.state === 'running' || batch.state === 'paused' ? (
          <button
            type="button"
            className="small"
            aria-label={t(batch.state === 'paused' ? 'batch.run.resumeLabel' : 'batch.run.pauseLabel', { name })}
            onClick={() => void setPaused(batch.id, batch.state !== 'paused')}
          >
            {t(batch.state === 'paused' ? 'batch.run.resume' : 'batch.run.pause')}
          </button>
        ) : null}
      </div>
      <ProgressBar fraction={p.fraction} label={t('batch.run.progressLabel', { name, progress })} />
      {actionError ? (
        <p className="field-error" role="alert">
          {errorText(t, actionError)}
        </p>
      ) : null}
    </li>
  );
}
