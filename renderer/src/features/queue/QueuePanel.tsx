import { useEffect } from 'react';
import { api, connection } from '../../api';
import { toAppError } from '../../app-error';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import type { JobView } from '../../../../shared/ipc/views.js';
import { isActive } from './job-format';
import { JobRow } from './JobRow';
import { useQueueStore } from './queue-store';
import { useSecondsLeft } from './use-now';
import './queue.css';

/** Keeps the queue's own state (paused, rate limit) live; jobs themselves arrive through sync.ts. */
function useQueueStateSync(): void {
  useEffect(() => {
    const store = useQueueStore.getState();
    if (!store.loaded) void store.load();
    void store.loadQueueState();
    const offs = [
      api.queue.onChanged((q) => useQueueStore.getState().setQueueState(q)),
      connection.onState((state) => {
        if (state === 'open') void useQueueStore.getState().loadQueueState();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}

function countJobs(jobs: Record<string, JobView>, test: (j: JobView) => boolean): number {
  let n = 0;
  for (const id in jobs) if (test(jobs[id] as JobView)) n += 1;
  return n;
}

function QueueToolbar() {
  const t = useT();
  const queue = useQueueStore((s) => s.queue);
  const setPaused = useQueueStore((s) => s.setPaused);
  // Counted from the jobs themselves (main sends queue:changed only when the queue's own state changes);
  // numbers as selector results, so a progress tick does not re-render the toolbar.
  const running = useQueueStore((s) => countJobs(s.jobs, (j) => isActive(j) && j.state !== 'queued'));
  const waiting = useQueueStore((s) => countJobs(s.jobs, (j) => j.state === 'queued'));
  if (!queue) return null;
  return (
    <div className="queue-toolbar">
      <span className="queue-counts">{t('queue.counts', { active: running, queued: waiting })}</span>
      <button
        type="button"
        aria-pressed={queue.paused}
        onClick={() => void setPaused(!queue.paused).catch((err: unknown) => console.warn(toAppError(err).message))}
      >
        {queue.paused ? t('queue.resume') : t('queue.pause')}
      </button>
    </div>
  );
}

function QueueBanner() {
  const t = useT();
  const paused = useQueueStore((s) => s.queue?.paused ?? false);
  const until = useQueueStore((s) => s.queue?.rateLimitedUntil);
  const seconds = useSecondsLeft(until);
  return (
    <>
      {paused ? <p className="queue-banner">{t('queue.paused')}</p> : null}
      {seconds > 0 ? <p className="queue-banner queue-banner-warn">{t('queue.rateLimitedAll', { seconds })}</p> : null}
    </>
  );
}

/** The live queue: every job main knows, newest first, with what to do about each. */
export function QueuePanel() {
  const t = useT();
  useQueueStateSync();
  const order = useQueueStore((s) => s.order);
  const loaded = useQueueStore((s) => s.loaded);
  const error = useQueueStore((s) => s.error);
  return (
    <section className="panel queue" aria-labelledby="queue-title">
      <div className="queue-header">
        <h2 id="queue-title">{t('queue.title')}</h2>
        <QueueToolbar />
      </div>
      <QueueBanner />
      {error ? <p className="form-error">{t('queue.loadFailed', { message: errorText(t, error) })}</p> : null}
      {loaded && order.length === 0 && !error ? <p className="empty">{t('queue.empty')}</p> : null}
      <ul className="job-list" aria-live="polite">
        {order.map((id) => (
          <JobRow key={id} id={id} />
        ))}
      </ul>
    </section>
  );
}
