import { useEffect, useState } from 'react';
import { connection, type ConnectionState } from '../api';
import { useT } from '../i18n';
import { Notice } from './Notice';

/** After this many failed reconnects the host is probably gone (restarted with a new token, or stopped). */
const GIVE_UP_HINT_AFTER = 4;

export function ConnectionBanner() {
  const t = useT();
  const [state, setState] = useState<{ s: ConnectionState; attempts: number }>({ s: 'connecting', attempts: 0 });
  useEffect(() => connection.onState((s, attempts) => setState({ s, attempts })), []);
  if (connection.kind === 'none') return <Notice kind="error">{t('connection.noToken')}</Notice>;
  if (state.s === 'open') return null;
  if (state.s === 'connecting' && state.attempts === 0) return <Notice kind="info">{t('connection.connecting')}</Notice>;
  return <Notice kind="warning">{state.attempts >= GIVE_UP_HINT_AFTER ? t('connection.gone') : t('connection.lost')}</Notice>;
}
