import { useEffect, useState } from 'react';
import type { Notice as AppNotice } from '../../../shared/ipc/views.js';
import { api } from '../api';
import { useT } from '../i18n';
import { Notice } from './Notice';

/** Notices main pushes (`app:notice`), newest last; each can be dismissed. */
export function AppNotices() {
  const t = useT();
  const [notices, setNotices] = useState<(AppNotice & { key: number })[]>([]);
  useEffect(() => {
    let n = 0;
    return api.app.onNotice((notice) => setNotices((list) => [...list.slice(-4), { ...notice, key: ++n }]));
  }, []);
  return (
    <>
      {notices.map((notice) => (
        <Notice
          key={notice.key}
          kind={notice.kind}
          action={
            <button type="button" className="quiet" onClick={() => setNotices((list) => list.filter((x) => x.key !== notice.key))}>
              {t('notice.dismiss')}
            </button>
          }
        >
          {notice.message}
        </Notice>
      ))}
    </>
  );
}
