import { useEffect, useState } from 'react';
import type { Notice as AppNotice } from '../../../shared/ipc/views.js';
import { api } from '../api';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { Notice } from './Notice';

/** Notices main pushes (`app:notice`), newest last; each can be dismissed. Worded in the page's language. */
export function AppNotices() {
  const t = useT();
  const [notices, setNotices] = useState<(AppNotice & { id: number })[]>([]);
  useEffect(() => {
    let n = 0;
    return api.app.onNotice((notice) => setNotices((list) => [...list.slice(-4), { ...notice, id: ++n }]));
  }, []);
  return (
    <>
      {notices.map((notice) => (
        <Notice
          key={notice.id}
          kind={notice.kind}
          action={
            <button type="button" className="quiet" onClick={() => setNotices((list) => list.filter((x) => x.id !== notice.id))}>
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
