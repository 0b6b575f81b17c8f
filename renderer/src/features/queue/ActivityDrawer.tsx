import { useEffect, useMemo, useRef } from 'react';
import type { JobView } from '../../../../shared/ipc/views.js';
import { toAppError } from '../../app-error';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useNavigationStore } from '../../navigation-store';
import { ACTIVITY_DRAWER_ID, isFinished, useActivityStore } from './activity-store';
import { isActive } from './job-format';
import { JobRow } from './JobRow';
import { useQueueStore } from './queue-store';
import { useSecondsLeft } from './use-now';
import './queue.css';

function countJobs(jobs: Record<string, JobView>, test: (j: JobView) => boolean): number {
  let n = 0;
  for (const id in jobs) if (test(jobs[id] as JobView)) n += 1;
  return n;
}

function QueueToolbar() {
  const t = useT();
  const queue = useQueueStore((s) => s.queue);
  const setPaused = useQueueStore((s) => s.setPaused);
  // Numbers as selector results, so a progress tick does not re-render the toolbar.
  const running = useQueueStore((s) => countJobs(s.jobs, (j) => isActive(j) && j.state !== 'queued'));
  const waiting = useQueueStore((s) => countJobs(s.jobs, (j) => j.state === 'queued'));
  const cleared = useActivityStore((s) => s.cleared);
  const finishedShown = useQueueStore((s) => countJobs(s.jobs, (j) => isFinished(j) && !cleared.has(j.id)));
  return (
    <div className="queue-toolbar">
      <span className="queue-counts">{t('queue.counts', { active: running, queued: waiting })}</span>
      <span className="queue-toolbar-end">
        <button
          type="button"
          className="quiet small"
          disabled={finishedShown === 0}
          title={t('activity.clearHint')}
          onClick={() => useActivityStore.getState().clearFinished(Object.values(useQueueStore.getState().jobs))}
        >
          {t('activity.clear')}
        </button>
        {queue ? (
          <button
            type="button"
            className="small"
            aria-pressed={queue.paused}
            onClick={() => void setPaused(!queue.paused).catch((err: unknown) => console.warn(toAppError(err).message))}
          >
            {queue.paused ? t('queue.resume') : t('queue.pause')}
          </button>
        ) : null}
      </span>
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

/**
 * The activity drawer (right, over the page): every job main knows, newest
 * first, with its thumbnail, state, problem in words and actions. "Clear
 * finished" hides finished jobs here; nothing is deleted. Escape closes it,
 * and so does going to another view.
 */
export function ActivityDrawer() {
  const t = useT();
  const open = useActivityStore((s) => s.open);
  const setOpen = useActivityStore((s) => s.setOpen);
  const order = useQueueStore((s) => s.order);
  const loaded = useQueueStore((s) => s.loaded);
  const error = useQueueStore((s) => s.error);
  const cleared = useActivityStore((s) => s.cleared);
  const focus = useActivityStore((s) => s.focus);
  const shown = useMemo(() => order.filter((id) => id === focus || !cleared.has(id)), [order, cleared, focus]);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open || !focus) return;
    const row = panel.current?.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(focus)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    row?.classList.add('job-focus');
  }, [open, focus]);

  useEffect(() => useNavigationStore.subscribe((s, prev) => s.view !== prev.view && useActivityStore.getState().setOpen(false)), []);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      // A dialog's own Escape (stop tracking, a question) is that dialog's.
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      setOpen(false);
      document.querySelector<HTMLElement>(`[aria-controls="${ACTIVITY_DRAWER_ID}"]`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, setOpen]);

  if (!open) return null;
  return (
    <section id={ACTIVITY_DRAWER_ID} ref={panel} className="activity-drawer queue" aria-labelledby="activity-title">
      <div className="queue-header">
        <h2 id="activity-title">{t('activity.title')}</h2>
        <button type="button" className="quiet icon-button" aria-label={t('activity.close')} title={t('activity.close')} onClick={() => setOpen(false)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <QueueToolbar />
      <QueueBanner />
      <div className="activity-scroll">
        {error ? <p className="form-error">{t('queue.loadFailed', { message: errorText(t, error) })}</p> : null}
        {loaded && shown.length === 0 && !error ? <p className="empty">{order.length === 0 ? t('queue.empty') : t('activity.allCleared')}</p> : null}
        <ul className="job-list">
          {shown.map((id) => (
            <JobRow key={id} id={id} />
          ))}
        </ul>
      </div>
    </section>
  );
}
