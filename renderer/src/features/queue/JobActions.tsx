import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { JobView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { editDraftInStudio } from '../compose/compose-handoff';
import { openResult } from '../studio/open-video';
import { useActivityStore } from './activity-store';
import { firstVideoId, isActive } from './job-format';
import { useQueueStore } from './queue-store';

/** What can be done with a job, by state. Every call's outcome arrives as a jobs:updated event too. */
export function JobActions({ job }: { job: JobView }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CallError | undefined>();
  const [confirmStop, setConfirmStop] = useState(false);

  const run = async (call: () => Promise<JobView>): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      useQueueStore.getState().apply([await call()]);
    } catch (err) {
      setFailure(toAppError(err));
    } finally {
      setBusy(false);
    }
  };

  const active = isActive(job);
  const attention = job.state === 'needs_attention';
  const held = job.state === 'needs_approval';
  const canRetry = attention || job.state === 'failed' || job.state === 'expired' || job.state === 'stopped';
  const videoId = job.state === 'done' ? firstVideoId(job) : undefined;

  return (
    <div className="job-actions">
      {videoId ? (
        <button
          type="button"
          className="job-cta"
          onClick={() => {
            useActivityStore.getState().setOpen(false);
            openResult(videoId);
          }}
        >
          {t('queue.action.open')}
        </button>
      ) : null}
      {held ? (
        <button type="button" className="job-cta" disabled={busy} onClick={() => void run(() => api.jobs.approve({ id: job.id }))}>
          {t('queue.action.approve')}
        </button>
      ) : null}
      {attention ? (
        <button type="button" className="job-cta" disabled={busy} onClick={() => void run(() => api.jobs.resume({ id: job.id }))}>
          {t('queue.action.resume')}
        </button>
      ) : null}
      {canRetry ? (
        <button type="button" disabled={busy} onClick={() => void run(() => api.jobs.retry({ id: job.id }))}>
          {t('queue.action.retry')}
        </button>
      ) : null}
      <button
        type="button"
        className="quiet"
        onClick={() => {
          // A new draft tab (or a blank one filled): what was being written stays.
          void editDraftInStudio((compose) => compose.loadRequest(job.request, job.lineage));
        }}
      >
        {t('queue.action.copy')}
      </button>
      {active || attention || held ? (
        <button type="button" className="quiet" disabled={busy} onClick={() => setConfirmStop(true)}>
          {t('queue.action.stop')}
        </button>
      ) : null}
      {failure ? (
        <p className="job-error" role="alert">
          {t('queue.action.failed', { message: errorText(t, failure) })}
        </p>
      ) : null}
      {/* Says plainly that the provider may still finish the video and charge for it. */}
      <ConfirmDialog
        open={confirmStop}
        tone="danger"
        title={t('queue.stop.title')}
        body={t('queue.stop.body')}
        confirmLabel={t('queue.stop.confirm')}
        cancelLabel={t('queue.stop.cancel')}
        onCancel={() => setConfirmStop(false)}
        onConfirm={() => {
          setConfirmStop(false);
          void run(() => api.jobs.stop({ id: job.id }));
        }}
      />
    </div>
  );
}
