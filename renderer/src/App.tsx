import { useEffect, useState } from 'react';
import { api, connection, type ConnectionState } from './api';
import { Notice } from './components/Notice';
import { ComposePanel } from './features/compose/ComposePanel';
import { RecentVideos } from './features/library/RecentVideos';
import { QueueList } from './features/queue/QueueList';
import { StatusNotices } from './features/settings/StatusNotices';
import { useT } from './i18n';
import type { Notice as AppNotice } from '../../shared/ipc/views.js';
import { startSync } from './sync';

/** After this many failed reconnects the host is probably gone (restarted with a new token, or stopped). */
const GIVE_UP_HINT_AFTER = 4;

function ConnectionBanner() {
  const t = useT();
  const [state, setState] = useState<{ s: ConnectionState; attempts: number }>({ s: 'connecting', attempts: 0 });
  useEffect(() => connection.onState((s, attempts) => setState({ s, attempts })), []);
  if (connection.kind === 'none') return <Notice kind="error">{t('connection.noToken')}</Notice>;
  if (state.s === 'open') return null;
  if (state.s === 'connecting' && state.attempts === 0) return <Notice kind="info">{t('connection.connecting')}</Notice>;
  return <Notice kind="warning">{state.attempts >= GIVE_UP_HINT_AFTER ? t('connection.gone') : t('connection.lost')}</Notice>;
}

/** Notices main pushes (`app:notice`), newest last; each can be dismissed. */
function AppNotices() {
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

export function App() {
  const t = useT();
  useEffect(() => startSync(), []);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
      </header>
      <div className="notices">
        <ConnectionBanner />
        <StatusNotices />
        <AppNotices />
      </div>
      <main className="app-main">
        <ComposePanel />
        <QueueList />
        <RecentVideos />
      </main>
    </div>
  );
}
