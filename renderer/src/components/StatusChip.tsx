import { useId } from 'react';
import { StatusNotices, useStatusNoticeKinds, type NoticeKind } from '../features/settings/StatusNotices';
import { useT } from '../i18n';
import { useAppNoticesStore } from './app-notices-store';
import { AppNotices, useAppNoticesListener } from './AppNotices';
import { usePopover } from './use-popover';

const RANK: Record<NoticeKind, number> = { info: 0, warning: 1, error: 2 };

/**
 * Every notice (demo mode, no key, where the key is kept, what main reported)
 * folded into one header chip: it shows how many and how serious the worst is;
 * pressing it lists them in a popover, each with its action. Hidden when there is none.
 */
export function StatusChip() {
  const t = useT();
  useAppNoticesListener();
  const kinds = [...useStatusNoticeKinds(), ...useAppNoticesStore((s) => s.notices).map((n) => n.kind)];
  const { open, toggle, ref } = usePopover<HTMLDivElement>();
  const id = useId();
  if (kinds.length === 0) return null;
  const worst = kinds.reduce<NoticeKind>((w, k) => (RANK[k] > RANK[w] ? k : w), 'info');
  const count = kinds.length;
  return (
    <div className="status-chip-slot" ref={ref}>
      <button
        type="button"
        className={`status-chip status-chip-${worst}`}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-notices={count}
        onClick={toggle}
      >
        <span className="status-chip-dot" aria-hidden="true" />
        {count === 1 ? t('notices.one') : t('notices.many', { count })}
      </button>
      {open ? (
        <div id={id} className="status-popover" role="dialog" aria-label={t('notices.title')}>
          <StatusNotices />
          <AppNotices />
        </div>
      ) : null}
    </div>
  );
}
