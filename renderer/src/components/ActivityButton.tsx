import { isActive } from '../features/queue/job-format';
import { ACTIVITY_DRAWER_ID, useActivityStore } from '../features/queue/activity-store';
import { useQueueStore } from '../features/queue/queue-store';
import { useT } from '../i18n';

/** Opens the activity drawer; its badge counts the jobs still running or waiting. */
export function ActivityButton() {
  const t = useT();
  const open = useActivityStore((s) => s.open);
  const toggle = useActivityStore((s) => s.toggle);
  // A number as the selector's result: a progress tick does not re-render the header.
  const running = useQueueStore((s) => {
    let n = 0;
    for (const id in s.jobs) if (isActive(s.jobs[id] as (typeof s.jobs)[string])) n += 1;
    return n;
  });
  return (
    <button
      type="button"
      className="activity-button"
      aria-expanded={open}
      aria-controls={ACTIVITY_DRAWER_ID}
      data-running={running}
      title={t('activity.hint')}
      onClick={toggle}
    >
      {t('activity.title')}
      {running > 0 ? (
        <>
          <span className="activity-badge" aria-hidden="true">
            {running}
          </span>
          <span className="visually-hidden">{t('activity.running', { count: running })}</span>
        </>
      ) : null}
    </button>
  );
}
