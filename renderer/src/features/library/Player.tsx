import { useState } from 'react';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { useT } from '../../i18n';
import { player, stepFrame } from './player-ref';

/** The one <video> of the library: plays from mediaUrl (Range requests, so seeking is real). */
export function Player({ video }: { video: VideoView }) {
  const t = useT();
  const [loop, setLoop] = useState(true);
  if (video.videoMissing) return <p className="lib-missing">{t('library.player.missing')}</p>;
  return (
    <div className="lib-player">
      <video
        key={video.id}
        ref={(el) => {
          player.el = el;
        }}
        className={video.request.aspect_ratio === '9:16' ? 'portrait' : ''}
        src={video.mediaUrl}
        crossOrigin="anonymous"
        preload="metadata"
        controls
        playsInline
        loop={loop}
        aria-label={t('library.player')}
      />
      <div className="lib-player-bar">
        {/* The visible words are the accessible name (no aria-label that differs from what is shown). */}
        <button type="button" className="quiet" onClick={() => stepFrame(-1)} title={`${t('library.player.back')} (,)`}>
          <span aria-hidden="true">◀︎ </span>
          {t('library.player.back')}
        </button>
        <button type="button" className="quiet" onClick={() => stepFrame(1)} title={`${t('library.player.forward')} (.)`}>
          {t('library.player.forward')}
          <span aria-hidden="true"> ▶︎</span>
        </button>
        <label className="lib-check" htmlFor="lib-loop">
          <input id="lib-loop" type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} />
          <span>{t('library.player.loop')}</span>
        </label>
      </div>
      <p className="hint lib-keys">{t('library.player.keys')}</p>
    </div>
  );
}
