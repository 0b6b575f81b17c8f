import { promptOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import type { CallError } from '../../app-error';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { CompareTakesButton } from '../compare/CompareButtons';
import { reveal, startDrag, toggleFavorite } from './actions';
import { reuseSettings } from './bridges';
import { copyText } from './clipboard';
import { continueFromLast } from './continue-from-frame';
import { downloadHref, inBrowserHost } from './files-out';
import { LibIcon } from './icons';
import { trashVideo } from './trash-flow';

type Status = { kind: 'ok' | 'error'; text: string } | undefined;

/**
 * The buttons under the viewer. Every failure is said in plain words right here. Getting the file out
 * depends on where the page runs: a download in the browser host, "Show in folder" and "Drag out" in
 * the desktop app (files-out.ts).
 */
export function DetailsActions({ video, status, setStatus }: { video: VideoView; status: Status; setStatus(s: Status): void }) {
  const t = useT();
  const report = (err: CallError | string | undefined, ok?: string) =>
    setStatus(err ? { kind: 'error', text: typeof err === 'string' ? err : errorText(t, err) } : ok ? { kind: 'ok', text: ok } : undefined);
  const notWired = () => setStatus({ kind: 'error', text: t('library.action.notWired') });
  const host = inBrowserHost();
  // A bare video has no request to reuse and no sidecar to keep a favorite in.
  const keyframe = video.kind !== 'bare';
  const prompt = promptOf(video);

  return (
    <div className="lib-actions">
      <div className="lib-action-row">
        {keyframe ? (
          <button type="button" className="primary" onClick={() => (reuseSettings(video) ? setStatus(undefined) : notWired())}>
            {t('library.action.reuse')}
          </button>
        ) : null}
        <button
          type="button"
          title={t('lineage.continueLastHint')}
          disabled={video.videoMissing}
          onClick={async () => report(await continueFromLast(video), t('lineage.continued'))}
        >
          {t('lineage.continueLast')}
        </button>
        {keyframe ? (
          <button
            type="button"
            className={`lib-icon-button lib-fav-button${video.favorite ? ' on' : ''}`}
            aria-label={video.favorite ? t('library.action.unfavorite') : t('library.action.favorite')}
            title={`${video.favorite ? t('library.action.unfavorite') : t('library.action.favorite')} (F)`}
            onClick={async () => report(await toggleFavorite(video))}
          >
            <span aria-hidden="true">{video.favorite ? '★' : '☆'}</span>
          </button>
        ) : null}
        {prompt !== undefined ? (
          <button type="button" onClick={async () => report((await copyText(prompt)) ? undefined : t('library.action.copyFailed'), t('library.action.copied'))}>
            {t('library.action.copy')}
          </button>
        ) : null}
        {host ? (
          video.videoMissing ? null : (
            <a className="button lib-download" href={downloadHref(video)} download={video.fileName} title={t('library.action.downloadHint', { name: video.fileName })}>
              <LibIcon name="download" /> {t('library.action.download')}
            </a>
          )
        ) : (
          <>
            <button type="button" onClick={async () => report(await reveal(video))}>
              {t('library.action.reveal')}
            </button>
            <button
              type="button"
              draggable={!video.videoMissing}
              title={t('library.action.dragHint')}
              onDragStart={async (e) => {
                e.preventDefault();
                report(await startDrag(video));
              }}
            >
              ⇱ {t('library.action.drag')}
            </button>
          </>
        )}
        <CompareTakesButton video={video} onError={(err) => report(err)} />
        <button
          type="button"
          className="lib-icon-button lib-danger lib-trash-button"
          aria-label={t('library.action.delete')}
          title={t('library.action.deleteHint')}
          onClick={async () => report(await trashVideo(video))}
        >
          <LibIcon name="trash" />
        </button>
      </div>
      {status ? (
        <p className={status.kind === 'error' ? 'form-error' : 'form-ok'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
