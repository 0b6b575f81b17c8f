import { useT } from '../../i18n';
import { useLibraryStore } from './library-store';

/** The newest finished videos, playable in place (served by id, with Range, never by file path). */
export function RecentVideos() {
  const t = useT();
  const items = useLibraryStore((s) => s.items);
  const error = useLibraryStore((s) => s.error);
  return (
    <section className="panel library" aria-labelledby="library-title">
      <h2 id="library-title">{t('library.title')}</h2>
      {error ? <p className="form-error">{error}</p> : null}
      {items.length === 0 && !error ? <p className="empty">{t('library.empty')}</p> : null}
      <ul className="video-grid">
        {items.map((v) => (
          <li key={v.id} className="video-card" data-video-id={v.id}>
            {v.videoMissing ? (
              <div className="video-missing">{t('library.missing')}</div>
            ) : (
              <video src={v.mediaUrl} controls muted playsInline preload="metadata" className={v.request.aspect_ratio === '9:16' ? 'portrait' : ''} />
            )}
            <p className="video-prompt" title={v.request.prompt}>
              {v.request.prompt}
            </p>
            <p className="video-meta">{v.fileName}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
