import { useState } from 'react';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { setTags } from './actions';

/** Tags of one video: remove with ×, add by typing and Enter (or the button). */
export function TagEditor({ video, onError }: { video: VideoView; onError(message: string | undefined): void }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const save = async (tags: string[]) => {
    const err = await setTags(video, tags);
    onError(err ? errorText(t, err) : undefined);
  };
  const add = () => {
    const tag = draft.trim().slice(0, 40);
    if (!tag || video.tags.includes(tag)) return setDraft('');
    setDraft('');
    void save([...video.tags, tag]);
  };
  return (
    <div className="lib-tags" role="group" aria-label={t('library.tags')}>
      <h3>{t('library.tags')}</h3>
      <ul>
        {video.tags.length === 0 ? <li className="hint">{t('library.tags.none')}</li> : null}
        {video.tags.map((tag) => (
          <li key={tag} className="lib-tag">
            {tag}
            <button type="button" className="quiet" aria-label={t('library.tags.remove', { tag })} onClick={() => void save(video.tags.filter((x) => x !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="lib-tag-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor="lib-tag-input" className="visually-hidden">
          {t('library.tags.placeholder')}
        </label>
        <input id="lib-tag-input" value={draft} maxLength={40} placeholder={t('library.tags.placeholder')} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="quiet" disabled={draft.trim() === '' || video.tags.length >= 20}>
          {t('library.tags.add')}
        </button>
      </form>
    </div>
  );
}
