import { useT } from '../../i18n';
import { JobRow } from './JobRow';
import { useQueueStore } from './queue-store';

export function QueueList() {
  const t = useT();
  const order = useQueueStore((s) => s.order);
  const loaded = useQueueStore((s) => s.loaded);
  const error = useQueueStore((s) => s.error);
  return (
    <section className="panel queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title')}</h2>
      {error ? <p className="form-error">{t('queue.loadFailed', { message: error })}</p> : null}
      {loaded && order.length === 0 && !error ? <p className="empty">{t('queue.empty')}</p> : null}
      <ul className="job-list" aria-live="polite">
        {order.map((id) => (
          <JobRow key={id} id={id} />
        ))}
      </ul>
    </section>
  );
}
