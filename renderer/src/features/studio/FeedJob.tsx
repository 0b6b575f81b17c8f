import { memo, useState } from 'react';
import type { JobView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { useLanguageStore, useT, type MessageKey } from '../../i18n';
import { CompareJobTakesButton } from '../compare/CompareButtons';
import { useComposeStore } from '../compose/compose-store';
import { useQueueStore } from '../queue/queue-store';
import { perRow, TILE_GAP, type FeedLayout } from './feed-layout';
import { TakeTile } from './TakeTile';

const MODEL_SHORT: Record<string, MessageKey> = {
  'veo3.1-fast-official': 'compose.model.fast',
  'veo3.1-quality-official': 'compose.model.quality',
};
const RETRYABLE = new Set<JobView['state']>(['failed', 'expired', 'stopped']);

function clock(ms: number, language: string): string {
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) : d.toLocaleString(language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * One job in the results feed: a slim header (the prompt's first line, how it
 * was made, its state, when) and one tile per take. Subscribes to its own job,
 * so another job's progress never re-renders it.
 */
export const FeedJob = memo(function FeedJob({ id, layout }: { id: string; layout: FeedLayout }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const job = useQueueStore((s) => s.jobs[id]);
  const [busy, setBusy] = useState(false);
  if (!job) return null;
  const r = job.request;
  const takes = Math.max(1, r.sample_count, job.outputs.length);
  const savedTakes = job.outputs.flatMap((o) => (o.saved && o.videoId ? [o.videoId] : []));
  const portrait = r.aspect_ratio === '9:16';
  const firstLine = r.prompt.split('\n')[0] ?? '';
  const modelKey = MODEL_SHORT[r.model];
  const meta = [modelKey ? t(modelKey) : r.model, t('compose.duration.value', { n: r.duration }), r.aspect_ratio, r.resolution, takes > 1 ? `×${takes}` : undefined]
    .filter(Boolean)
    .join(' · ');
  const retry = async (): Promise<void> => {
    setBusy(true);
    try {
      useQueueStore.getState().apply([await api.jobs.retry({ id: job.id })]);
    } catch {
      // The drawer says why; the button just becomes pressable again.
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className={`feed-job feed-job-${job.state}`} data-job-id={job.id} data-state={job.state} aria-label={firstLine}>
      <header className="feed-head">
        <p className="feed-prompt" title={r.prompt}>
          {firstLine}
        </p>
        <span className="feed-meta">{meta}</span>
        {job.state !== 'done' ? <span className={`feed-state badge badge-${job.state}`}>{t(`state.${job.state}`)}</span> : null}
        <span className="feed-actions">
          {RETRYABLE.has(job.state) ? (
            <button type="button" className="quiet small" disabled={busy} onClick={() => void retry()}>
              {t('feed.retry')}
            </button>
          ) : null}
          <CompareJobTakesButton videoIds={savedTakes} />
          <button
            type="button"
            className="quiet small"
            title={t('feed.reuseHint')}
            onClick={() => useComposeStore.getState().loadRequest(job.request, job.lineage)}
          >
            {t('queue.action.copy')}
          </button>
        </span>
        <time className="feed-time" dateTime={new Date(job.createdAt).toISOString()}>
          {clock(job.createdAt, language)}
        </time>
      </header>
      <div
        className="feed-tiles"
        style={{ gap: TILE_GAP, gridTemplateColumns: `repeat(${perRow(layout, r.aspect_ratio)}, ${portrait ? layout.portraitW : layout.tileW}px)` }}
      >
        {Array.from({ length: takes }, (_, i) => (
          <TakeTile key={i} job={job} index={i} width={portrait ? layout.portraitW : layout.tileW} height={layout.tileH} />
        ))}
      </div>
    </article>
  );
});
