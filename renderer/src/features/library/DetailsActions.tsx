import { useState } from 'react';
import type { VideoView } from '../../../../shared/ipc/views.js';
import type { CallError } from '../../app-error';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { frameToCompose, reveal, startDrag, toggleFavorite, trash, type Which } from './actions';
import { reuseSettings } from './bridges';
import { copyText } from './clipboard';
import { useLibraryStore } from './library-store';

type Status = { kind: 'ok' | 'error'; text: string } | undefined;

/** The buttons under the player. Every failure is said in plain words right here. */
export function DetailsActions({ video, status, setStatus }: { video: VideoView; status: Status; setStatus(s: Status): void }) {
  const t = useT();
  const [which, setWhich] = useState<Which>('current');
  const confirming = useLibraryStore((s) => s.confirmingDelete);
  const setConfirming = useLibraryStore((s) => s.setConfirmingDelete);
  const report = (err: CallError | string | undefined, ok?: string) =>
    setStatus(err ? { kind: 'error', text: typeof err === 'string' ? err : errorText(t, err) } : ok ? { kind: 'ok', text: ok } : undefined);
  const notWired = () => setStatus({ kind: 'error', text: t('library.action.notWired') });
  const frame = async (role: 'first' | 'last') => {
    const r = await frameToCompose(video, which, role);
    if (r === 'not-wired') notWired();
    else report(r, t('library.action.frameDone'));
  };

  return (
    <div className="lib-actions">
      <div className="lib-action-row">
        <button type="button" className="primary" onClick={() => (reuseSettings(video) ? setStatus(undefined) : notWired())}>
          {t('library.action.reuse')}
        </button>
        <button type="button" aria-pressed={video.favorite} onClick={async () => report(await toggleFavorite(video))}>
          {video.favorite ? `★ ${t('library.action.unfavorite')}` : `☆ ${t('library.action.favorite')}`}
        </button>
        <button type="button" onClick={async () => report((await copyText(video.request.prompt)) ? undefined : t('library.action.copyFailed'), t('library.action.copied'))}>
          {t('library.action.copy')}
        </button>
        <button type="button" onClick={async () => report(await reveal(video))}>
          {t('library.action.reveal')}
        </button>
        <button type="button" draggable={!video.videoMissing} title={t('library.action.dragHint')} onDragStart={async (e) => {
          e.preventDefault();
          report(await startDrag(video));
        }}>
          ⇱ {t('library.action.drag')}
        </button>
        <button type="button" className="lib-danger" onClick={() => setConfirming(true)}>
          {t('library.action.delete')}
        </button>
      </div>
      {!video.videoMissing ? (
        <fieldset className="lib-frame-use">
          <legend>{t('library.action.frameAs')}</legend>
          <label htmlFor="lib-which" className="visually-hidden">
            {t('library.action.frameWhich')}
          </label>
          <select id="lib-which" value={which} onChange={(e) => setWhich(e.target.value as Which)}>
            <option value="first">{t('library.action.frameFirst')}</option>
            <option value="last">{t('library.action.frameLast')}</option>
            <option value="current">{t('library.action.frameCurrent')}</option>
          </select>
          <button type="button" onClick={() => void frame('first')}>
            {t('library.action.asFirst')}
          </button>
          <button type="button" onClick={() => void frame('last')}>
            {t('library.action.asLast')}
          </button>
        </fieldset>
      ) : null}
      {confirming ? (
        <div className="lib-confirm" role="alertdialog" aria-labelledby="lib-confirm-text">
          <p id="lib-confirm-text">{t('library.action.confirmDelete', { name: video.fileName })}</p>
          <button type="button" className="lib-danger solid" autoFocus onClick={async () => {
            setConfirming(false);
            report(await trash(video));
          }}>
            {t('library.action.confirmYes')}
          </button>
          <button type="button" className="quiet" onClick={() => setConfirming(false)}>
            {t('library.action.cancel')}
          </button>
        </div>
      ) : null}
      {status ? (
        <p className={status.kind === 'error' ? 'form-error' : 'form-ok'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
