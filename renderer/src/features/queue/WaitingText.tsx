import { useLanguageStore, useT } from '../../i18n';
import { useQueueStore } from './queue-store';
import { ordinal, waitPosition } from './wait-position';

/** "Waiting · next in line", "Waiting · 3rd in line", or "Waiting · queue paused": still text, never a moving bar. */
export function WaitingText({ id, className = 'job-waiting' }: { id: string; className?: string }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const position = useQueueStore((s) => waitPosition(s.jobs, id));
  const paused = useQueueStore((s) => s.queue?.paused ?? false);
  if (position === undefined) return null;
  return (
    <p className={className} data-wait-position={position}>
      <span className="waiting-icon" aria-hidden="true" />
      {paused ? t('wait.paused') : position === 1 ? t('wait.next') : t('wait.nth', { ordinal: ordinal(language, position) })}
    </p>
  );
}
