import { useState } from 'react';
import { useT } from '../../i18n';
import { useStoryboard } from './storyboard-store';

/** Which sequence the strip edits: the saved ones by name, or a new one named here. */
export function SequencePicker() {
  const t = useT();
  const names = useStoryboard((s) => s.names);
  const name = useStoryboard((s) => s.name);
  const dirty = useStoryboard((s) => s.dirty);
  const [naming, setNaming] = useState(false);
  const [draft, setDraft] = useState('');

  if (naming) {
    const create = () => {
      const n = draft.trim();
      if (!n) return;
      void useStoryboard
        .getState()
        .create(n)
        .then(() => {
          if (useStoryboard.getState().error === undefined) setNaming(false);
        });
    };
    return (
      <form
        className="sb-picker"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <input autoFocus aria-label={t('storyboard.newName')} placeholder={t('storyboard.newPlaceholder')} value={draft} maxLength={120} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setNaming(false)} />
        <button type="submit" className="sb-small" disabled={!draft.trim()}>
          {t('storyboard.create')}
        </button>
        <button type="button" className="sb-small quiet" onClick={() => setNaming(false)}>
          {t('storyboard.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="sb-picker">
      <select aria-label={t('storyboard.sequence')} value={name ?? ''} onChange={(e) => e.target.value && void useStoryboard.getState().open(e.target.value)}>
        {name === undefined ? <option value="">{t('storyboard.unsaved')}</option> : null}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="sb-small"
        onClick={() => {
          setDraft('');
          setNaming(true);
        }}
      >
        {t('storyboard.new')}
      </button>
      <button type="button" className="sb-small" disabled={!dirty || name === undefined} title={name === undefined ? t('storyboard.nameFirst') : undefined} onClick={() => void useStoryboard.getState().save()}>
        {dirty || name === undefined ? t('storyboard.save') : t('storyboard.saved')}
      </button>
    </div>
  );
}
