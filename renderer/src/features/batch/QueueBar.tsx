import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { planIsCurrent, useBatchDialogStore } from './batch-dialog-store';
import { useBatchesStore } from './batches-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Why Queue is (not) there to press, and Queue itself: enabled only for a current plan without a problem. */
export function QueueBar() {
  const t = useT();
  const plan = useBatchDialogStore((s) => s.plan);
  const current = useBatchDialogStore(planIsCurrent);
  const planning = useBatchDialogStore((s) => s.planning);
  const queueing = useBatchDialogStore((s) => s.queueing);
  const queueError = useBatchDialogStore((s) => s.queueError);
  const queuedId = useBatchDialogStore((s) => s.queuedId);
  const queued = useBatchesStore((s) => (queuedId ? s.batches[queuedId] : undefined));
  const queue = useBatchDialogStore((s) => s.queue);
  const hide = useBatchDialogStore((s) => s.hide);

  const jobs = plan?.view.jobs ?? 0;
  const ready = current && plan?.view.ok === true;
  const status = queueError
    ? { alert: true, text: errorText(t, queueError) }
    : planning || (plan && !current)
      ? { alert: false, text: t('batch.plan.checking') }
      : plan && !plan.view.ok
        ? { alert: false, text: t('batch.queue.blocked') }
        : !plan && queued
          ? { alert: false, text: t(queued.jobs === 1 ? 'batch.queued.one' : 'batch.queued.many', { count: queued.jobs }) }
          : undefined;
  return (
    <footer className="batch-foot">
      <p id="batch-queue-status" className={status?.alert ? 'field-error' : 'hint'} role={status?.alert ? 'alert' : 'status'}>
        {status?.text}
      </p>
      <button type="button" onClick={hide}>
        {t('batch.close')}
      </button>
      <button
        type="button"
        className="primary"
        disabled={!ready || queueing}
        aria-describedby="batch-queue-status"
        title={t('batch.queue.shortcut', { keys: isMac ? '⌘ Enter' : 'Ctrl+Enter' })}
        onClick={() => void queue()}
      >
        {queueing ? t('batch.queueing') : plan && current && jobs > 0 ? t(jobs === 1 ? 'batch.queue.one' : 'batch.queue.many', { count: jobs }) : t('batch.queue')}
      </button>
    </footer>
  );
}
