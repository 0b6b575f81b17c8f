import { useEffect, useState } from 'react';
import { connection, type ConnectionState } from '../api';
import { useT } from '../i18n';

/** After this many failed reconnects the host is probably gone (restarted with a new token, or stopped). */
const GIVE_UP_HINT_AFTER = 4;

/**
 * The one notice never folded into the status chip: without a connection nothing
 * the page shows is current and nothing it sends arrives, so a strip across the
 * whole window says so until it is back. The first connect at load says nothing.
 */
export function ConnectionBanner() {
  const t = useT();
  const [state, setState] = useState<{ s: ConnectionState; attempts: number }>({ s: 'connecting', attempts: 0 });
  useEffect(() => connection.onState((s, attempts) => setState({ s, attempts })), []);
  if (connection.kind === 'none') {
    return (
      <div className="connection-strip connection-strip-error" role="alert">
        {t('connection.noToken')}
      </div>
    );
  }
  if (state.s === 'open' || (state.s === 'connecting' && state.attempts === 0)) return null;
  return (
    <div className="connection-strip" role="alert" data-connection={state.s}>
      <span className="connection-pulse" aria-hidden="true" />
      {state.attempts >= GIVE_UP_HINT_AFTER ? t('connection.gone') : t('connection.lost')}
    </div>
  );
}
