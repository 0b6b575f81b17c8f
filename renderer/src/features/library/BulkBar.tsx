import { useCallback, useRef, useState } from 'react';
import type { CallError } from '../../app-error';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useSelectionStore } from '../../selection/selection-store';
import { CompareSelectionButton } from '../compare/CompareButtons';
import { reveal } from './actions';
import { favoriteAll, recordsOf, tagAll } from './bulk-actions';
import { findIn } from './library-pages';
import { useLibraryStore } from './library-store';
import { downloadVideos, inBrowserHost } from './files-out';
import { LibIcon } from './icons';
import { trashVideos } from './trash-flow';
import { useDismiss } from './use-dismiss';

/** "Tag…": one tag added to every selected clip. */
function TagAll({ run }: { run(tag: string): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [tag, setTag] = useState('');
  const box = useRef<HTMLFormElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, box, opener);
  return (
    <div className="lib-fm">
      <button ref={opener} type="button" aria-haspopup="dialog" aria-expanded={open} title={t('library.bulk.tag')} onClick={() => setOpen(!open)}>
        # <span className="lib-bulk-word">{t('library.bulk.tag')}</span>
      </button>
      {open ? (
        <form
          ref={box}
          className="lib-pop lib-bulk-tag"
          role="dialog"
          aria-label={t('library.bulk.tag')}
          onSubmit={(e) => {
            e.preventDefault();
            if (tag.trim() === '') return;
            run(tag);
            setTag('');
            setOpen(false);
            opener.current?.focus();
          }}
        >
          <label htmlFor="lib-bulk-tag" className="visually-hidden">
            {t('library.tags.placeholder')}
          </label>
          <input id="lib-bulk-tag" value={tag} maxLength={40} autoFocus placeholder={t('library.tags.placeholder')} onChange={(e) => setTag(e.target.value)} />
          <button type="submit" className="primary" disabled={tag.trim() === ''}>
            {t('library.tags.add')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/**
 * Shown while more than one clip is selected: what can be done to all of them at once, and comparing
 * them side by side.
 */
export function BulkBar() {
  const t = useT();
  const ids = useSelectionStore((s) => s.ids);
  const [error, setError] = useState<CallError | undefined>();
  const [busy, setBusy] = useState(false);
  // Every selected clip a favourite already: the press takes them out (bulkFavoriteTarget), so it says so.
  const allFavorite = useLibraryStore((s) => ids.every((id) => findIn(s.pages, id)?.favorite === true));
  if (ids.length < 2) return null;
  const host = inBrowserHost();

  const act = async (fn: (videos: Awaited<ReturnType<typeof recordsOf>>) => Promise<CallError | undefined> | void) => {
    setBusy(true);
    setError(undefined);
    try {
      setError((await fn(await recordsOf(ids))) ?? undefined);
    } finally {
      setBusy(false);
    }
  };
  const primary = useSelectionStore.getState().primary;

  return (
    <div className="lib-bulk" role="toolbar" aria-label={t('library.bulk.label')} aria-busy={busy || undefined}>
      <button type="button" className="quiet lib-bulk-clear" aria-label={t('library.bulk.clear')} title={t('library.bulk.clear')} onClick={() => useSelectionStore.getState().select(primary)}>
        ×
      </button>
      <span className="lib-bulk-count" role="status">
        {t('library.bulk.count', { count: ids.length })}
      </span>
      <button type="button" aria-pressed={allFavorite} disabled={busy} title={allFavorite ? t('library.action.unfavorite') : t('library.bulk.favorite')} onClick={() => void act(favoriteAll)}>
        {allFavorite ? '★' : '☆'} <span className="lib-bulk-word">{allFavorite ? t('library.action.unfavorite') : t('library.bulk.favorite')}</span>
      </button>
      <TagAll run={(tag) => void act((videos) => tagAll(videos, tag))} />
      {host ? (
        <button
          type="button"
          className="lib-icon-button"
          aria-label={t('library.action.download')}
          title={t('library.bulk.downloadHint', { count: ids.length })}
          disabled={busy}
          onClick={() => void act((videos) => downloadVideos(videos))}
        >
          <LibIcon name="download" />
        </button>
      ) : (
        <button
          type="button"
          disabled={busy || !primary}
          title={t('library.bulk.revealHint')}
          onClick={() =>
            void act(async (videos) => {
              const one = videos.find((v) => v.id === primary) ?? videos[0];
              return one ? reveal(one) : undefined;
            })
          }
        >
          {t('library.action.reveal')}
        </button>
      )}
      <CompareSelectionButton />
      <button
        type="button"
        className="lib-icon-button lib-danger"
        aria-label={t('library.action.delete')}
        title={t('library.bulk.trashHint', { count: ids.length })}
        disabled={busy}
        onClick={() => void act(trashVideos)}
      >
        <LibIcon name="trash" />
      </button>
      {error ? (
        <span className="form-error lib-bulk-error" role="alert">
          {errorText(t, error)}
        </span>
      ) : null}
    </div>
  );
}
