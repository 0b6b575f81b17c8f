import { useEffect } from 'react';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { listenForAppNotices, useAppNoticesStore } from './app-notices-store';
import { Notice } from './Notice';

/** Keeps the notices main pushes coming in, wherever the page is. */
export function useAppNoticesListener(): void {
  useEffect(() => listenForAppNotices(), []);
}

/** Notices main pushed, newest last, each dismissible; worded in the page's language. Shown in the status popover. */
export function AppNotices() {
  const t = useT();
  const notices = useAppNoticesStore((s) => s.notices);
  const dismiss = useAppNoticesStore((s) => s.dismiss);
  return (
    <>
      {notices.map((notice) => (
        <Notice
          key={notice.id}
          kind={notice.kind}
          action={
            <button type="button" className="quiet" onClick={() => dismiss(notice.id)}>
              {t('notice.dismiss')}
            </button>
          }
        >
          {errorText(t, notice)}
        </Notice>
      ))}
    </>
  );
}
